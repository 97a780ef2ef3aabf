import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileStem, nameTokens } from '../../../src/analysis/name-tokens';
import type { SampleAnalysis } from './analyze-file';
import type { LibraryDatabase } from './database';
import type { ScannedFile } from './scan';

/** What the library already knows about a path: enough to decide whether to analyse it again. */
export interface KnownFile {
  readonly id: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly missing: boolean;
}

/** How a written file relates to what the library held. */
export type WriteOutcome = 'added' | 'updated' | 'moved';

/**
 * The writes an import makes, as prepared statements over one open library. Writes are meant to
 * run inside the caller's transaction (`db.transaction`), a batch at a time.
 */
export class SampleStore {
  private readonly byPath;
  private readonly byHash;
  private readonly insertSample;
  private readonly updateSample;
  private readonly setMissing;
  private readonly presentUnder;
  private readonly setFavouriteFlag;
  private readonly setBpm;

  constructor(db: LibraryDatabase) {
    this.byPath = db.prepare<[string], { id: number; size: number; mtime_ms: number; missing: number }>('SELECT id, size, mtime_ms, missing FROM samples WHERE path = ?');
    this.byHash = db.prepare<[string], { id: number; path: string }>('SELECT id, path FROM samples WHERE content_hash = ? ORDER BY missing DESC, id');
    const columns = `name = @name, pack = @pack, folder = @folder, path_tokens = @pathTokens, size = @size, mtime_ms = @mtimeMs,
      content_hash = @contentHash, format = @format, sample_rate = @sampleRate, channels = @channels, bit_depth = @bitDepth,
      duration = @duration, peak_dbfs = @peakDbfs, loudness_lufs = @loudnessLufs, peaks = @peaks, kind = @kind, bpm = @bpm,
      musical_key = @key, tags = @tags, missing = 0`;
    this.insertSample = db.prepare(
      `INSERT INTO samples (path, name, pack, folder, path_tokens, size, mtime_ms, content_hash, format, sample_rate, channels, bit_depth,
        duration, peak_dbfs, loudness_lufs, peaks, kind, bpm, musical_key, tags, added_at)
       VALUES (@path, @name, @pack, @folder, @pathTokens, @size, @mtimeMs, @contentHash, @format, @sampleRate, @channels, @bitDepth,
        @duration, @peakDbfs, @loudnessLufs, @peaks, @kind, @bpm, @key, @tags, @addedAt)`,
    );
    this.updateSample = db.prepare(`UPDATE samples SET path = @path, ${columns} WHERE id = @id`);
    this.setMissing = db.prepare<[number, number]>('UPDATE samples SET missing = ? WHERE id = ?');
    this.presentUnder = db.prepare<[{ root: string; prefix: string }], { id: number; path: string }>(
      'SELECT id, path FROM samples WHERE missing = 0 AND (path = @root OR substr(path, 1, length(@prefix)) = @prefix)',
    );
    this.setFavouriteFlag = db.prepare<[number, number]>('UPDATE samples SET favourite = ? WHERE id = ?');
    this.setBpm = db.prepare<[number, string]>('UPDATE samples SET bpm = ? WHERE path = ?');
  }

  known(file: string): KnownFile | null {
    const row = this.byPath.get(file);
    return row ? { id: row.id, size: row.size, mtimeMs: row.mtime_ms, missing: row.missing === 1 } : null;
  }

  /**
   * Records an analysed file. A path already known is updated in place; otherwise a row with the
   * same content whose file is gone is taken over (the file was moved or renamed, and keeps its
   * favourite, collections and date added); otherwise a new row is added.
   */
  write(file: ScannedFile, analysis: SampleAnalysis, now: number): WriteOutcome {
    const existing = this.byPath.get(file.path);
    const moved = existing ? undefined : this.byHash.all(analysis.contentHash).find((row) => !existsSync(row.path));
    const target = existing ?? moved;
    const values = {
      path: file.path,
      name: path.posix.basename(file.relativePath),
      pack: file.pack,
      folder: path.posix.dirname(file.relativePath) === '.' ? '' : path.posix.dirname(file.relativePath),
      pathTokens: nameTokens(`${path.posix.dirname(file.relativePath)} ${fileStem(file.relativePath)}`).join(' '),
      size: file.size,
      mtimeMs: file.mtimeMs,
      contentHash: analysis.contentHash,
      format: analysis.format,
      sampleRate: analysis.sampleRate,
      channels: analysis.channels,
      bitDepth: analysis.bitDepth,
      duration: analysis.duration,
      peakDbfs: analysis.peakDbfs,
      loudnessLufs: analysis.loudnessLufs,
      peaks: Buffer.from(analysis.peaks.buffer, analysis.peaks.byteOffset, analysis.peaks.byteLength),
      kind: analysis.kind,
      bpm: analysis.bpm,
      key: analysis.key,
      tags: analysis.tags.join(' '),
    };
    if (target) {
      this.updateSample.run({ ...values, id: target.id });
      return existing ? 'updated' : 'moved';
    }
    this.insertSample.run({ ...values, addedAt: now });
    return 'added';
  }

  /** Clears the missing flag of a file that is back, unchanged. */
  markPresent(id: number): void {
    this.setMissing.run(0, id);
  }

  /**
   * Flags as missing every present row at or under `root` whose path is not in `seen`; returns
   * how many. Rows keep their favourite and collections, and come back when the file does.
   */
  markMissingUnder(root: string, seen: ReadonlySet<string>): number {
    let count = 0;
    for (const row of this.presentUnder.all({ root, prefix: root + path.sep })) {
      if (seen.has(row.path)) continue;
      this.setMissing.run(1, row.id);
      count++;
    }
    return count;
  }

  /** Marks or unmarks a sample as a favourite; false when there is no such sample. */
  /** Sets the tempo of the samples at `file` (a user's answer); how many rows changed. */
  setTempo(file: string, bpm: number): number {
    return this.setBpm.run(bpm, file).changes;
  }

  setFavourite(id: number, favourite: boolean): boolean {
    return this.setFavouriteFlag.run(favourite ? 1 : 0, id).changes === 1;
  }
}
