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

/** A listed file that waits for its analysis. */
export interface PendingFile {
  readonly id: number;
  readonly path: string;
  /** Path inside its pack, '/'-separated. */
  readonly relativePath: string;
  /** What the listing read: bytes, modification time (ms) and content hash. */
  readonly size: number;
  readonly mtimeMs: number;
  readonly contentHash: string;
}

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
  private readonly completeSample;
  private readonly pendingFiles;
  private readonly deleteSample;

  constructor(db: LibraryDatabase) {
    this.byPath = db.prepare<[string], { id: number; size: number; mtime_ms: number; missing: number }>('SELECT id, size, mtime_ms, missing FROM samples WHERE path = ?');
    this.byHash = db.prepare<[string], { id: number; path: string }>('SELECT id, path FROM samples WHERE content_hash = ? ORDER BY missing DESC, id');
    const columns = `name = @name, pack = @pack, folder = @folder, path_tokens = @pathTokens, size = @size, mtime_ms = @mtimeMs,
      content_hash = @contentHash, format = @format, sample_rate = @sampleRate, channels = @channels, bit_depth = @bitDepth,
      duration = @duration, peak_dbfs = @peakDbfs, loudness_lufs = @loudnessLufs, peaks = @peaks, kind = @kind, bpm = @bpm,
      musical_key = @key, tags = @tags, missing = 0, analysed = @analysed`;
    this.insertSample = db.prepare(
      `INSERT INTO samples (path, name, pack, folder, path_tokens, size, mtime_ms, content_hash, format, sample_rate, channels, bit_depth,
        duration, peak_dbfs, loudness_lufs, peaks, kind, bpm, musical_key, tags, added_at, analysed)
       VALUES (@path, @name, @pack, @folder, @pathTokens, @size, @mtimeMs, @contentHash, @format, @sampleRate, @channels, @bitDepth,
        @duration, @peakDbfs, @loudnessLufs, @peaks, @kind, @bpm, @key, @tags, @addedAt, @analysed)`,
    );
    this.updateSample = db.prepare(`UPDATE samples SET path = @path, ${columns} WHERE id = @id`);
    this.setMissing = db.prepare<[number, number]>('UPDATE samples SET missing = ? WHERE id = ?');
    this.presentUnder = db.prepare<[{ root: string; prefix: string }], { id: number; path: string }>(
      'SELECT id, path FROM samples WHERE missing = 0 AND (path = @root OR substr(path, 1, length(@prefix)) = @prefix)',
    );
    this.setFavouriteFlag = db.prepare<[number, number]>('UPDATE samples SET favourite = ? WHERE id = ?');
    this.setBpm = db.prepare<[number, string]>('UPDATE samples SET bpm = ? WHERE path = ?');
    this.completeSample = db.prepare(
      `UPDATE samples SET content_hash = @contentHash, format = @format, sample_rate = @sampleRate, channels = @channels, bit_depth = @bitDepth,
        duration = @duration, peak_dbfs = @peakDbfs, loudness_lufs = @loudnessLufs, peaks = @peaks, kind = @kind,
        -- A tempo the row has already came from its name (which the analysis keeps) or from the user.
        bpm = COALESCE(bpm, @bpm), musical_key = @key, tags = @tags, analysed = 1
       WHERE id = @id AND analysed = 0`,
    );
    this.pendingFiles = db.prepare<[], { id: number; path: string; folder: string; name: string; size: number; mtime_ms: number; content_hash: string }>(
      'SELECT id, path, folder, name, size, mtime_ms, content_hash FROM samples WHERE analysed = 0 AND missing = 0 ORDER BY id',
    );
    this.deleteSample = db.prepare<[number]>('DELETE FROM samples WHERE id = ?');
  }

  known(file: string): KnownFile | null {
    const row = this.byPath.get(file);
    return row ? { id: row.id, size: row.size, mtimeMs: row.mtime_ms, missing: row.missing === 1 } : null;
  }

  /**
   * Records a file: `analysed` false when only listed (see analyze-file.ts `listFile`). A path
   * already known is updated in place; otherwise a row with the same content whose file is gone
   * is taken over (the file was moved or renamed, and keeps its favourite, collections and date
   * added); otherwise a new row is added.
   */
  write(file: ScannedFile, facts: SampleAnalysis, now: number, analysed = true): WriteOutcome {
    const existing = this.byPath.get(file.path);
    const moved = existing ? undefined : this.byHash.all(facts.contentHash).find((row) => !existsSync(row.path));
    const target = existing ?? moved;
    const values = {
      path: file.path,
      name: path.posix.basename(file.relativePath),
      pack: file.pack,
      folder: path.posix.dirname(file.relativePath) === '.' ? '' : path.posix.dirname(file.relativePath),
      pathTokens: nameTokens(`${path.posix.dirname(file.relativePath)} ${fileStem(file.relativePath)}`).join(' '),
      size: file.size,
      mtimeMs: file.mtimeMs,
      ...analysisColumns(facts),
      analysed: analysed ? 1 : 0,
    };
    if (target) {
      this.updateSample.run({ ...values, id: target.id });
      return existing ? 'updated' : 'moved';
    }
    this.insertSample.run({ ...values, addedAt: now });
    return 'added';
  }

  /** Completes a listed file with its analysis; false when it was no longer waiting for one. */
  completeAnalysis(id: number, analysis: SampleAnalysis): boolean {
    return this.completeSample.run({ ...analysisColumns(analysis), id }).changes === 1;
  }

  /** The present files still waiting for their analysis, oldest first. */
  pending(): PendingFile[] {
    return this.pendingFiles.all().map((row) => ({
      id: row.id,
      path: row.path,
      relativePath: row.folder ? `${row.folder}/${row.name}` : row.name,
      size: row.size,
      mtimeMs: row.mtime_ms,
      contentHash: row.content_hash,
    }));
  }

  /** Forgets a file (its collections' entries go with it): one whose analysis showed it cannot be used. */
  remove(id: number): void {
    this.deleteSample.run(id);
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

  /** Sets the tempo of the samples at `file` (a user's answer); how many rows changed. */
  setTempo(file: string, bpm: number): number {
    return this.setBpm.run(bpm, file).changes;
  }

  /** Marks or unmarks a sample as a favourite; false when there is no such sample. */
  setFavourite(id: number, favourite: boolean): boolean {
    return this.setFavouriteFlag.run(favourite ? 1 : 0, id).changes === 1;
  }
}

/** The columns an analysis (or a listing) fills, as statement parameters. */
function analysisColumns(analysis: SampleAnalysis) {
  return {
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
}
