/**
 * A generated library database of sample-pack shapes (real SQLite, real FTS index): the library
 * benchmarks search it at 100,000 rows, and the search tests compare results on a small one.
 */
import { nameTokens } from '../../src/analysis/name-tokens';
import { defaultLibraryPath, openLibraryDatabase } from '../../electron/services/library/database';

/** Rows the benchmarks generate. */
export const rowCount = 100_000;

/** Folder, name stem, tags, one-shot or loop: the shapes sample packs come in. */
const shapes = [
  { folder: 'Drums/Kicks', stem: 'kick', tags: 'drums kick one-shot', loop: false },
  { folder: 'Drums/Snares', stem: 'snare', tags: 'drums one-shot snare', loop: false },
  { folder: 'Drums/Hats', stem: 'hat_closed', tags: 'drums hat one-shot', loop: false },
  { folder: 'Drums/Claps', stem: 'clap', tags: 'clap drums one-shot', loop: false },
  { folder: 'Bass', stem: 'bass_reese', tags: 'bass one-shot', loop: false },
  { folder: '808s', stem: '808_long', tags: '808 one-shot', loop: false },
  { folder: 'Loops/Drums', stem: 'drum_loop', tags: 'drums loop', loop: true },
  { folder: 'Loops/Music', stem: 'pad_loop', tags: 'loop pad', loop: true },
  { folder: 'Vocals', stem: 'vox_chop', tags: 'loop vocal', loop: true },
  { folder: 'FX', stem: 'riser', tags: 'fx one-shot', loop: false },
] as const;
const keys = ['C minor', 'A minor', 'F major', 'G major', 'Eb major', 'F# minor', 'D minor', 'Bb major'];
const keyTokens = ['Cmin', 'Am', 'Fmaj', 'G', 'Ebmaj', 'F#m', 'Dmin', 'Bb'];
const words = ['dusty', 'punchy', 'warm', 'crisp', 'deep', 'lofi', 'analog', 'tight', 'wide', 'dark', 'bright', 'gritty'];

/** Writes `rows` samples into a fresh library database, 10,000 per transaction. */
export function generateLibrary(home: string, rows: number = rowCount): void {
  const db = openLibraryDatabase(defaultLibraryPath({ GLOWROOM_HOME: home }));
  try {
    const insert = db.prepare(
      `INSERT INTO samples (path, name, pack, folder, path_tokens, size, mtime_ms, content_hash, format, sample_rate, channels, bit_depth,
        duration, peak_dbfs, loudness_lufs, peaks, kind, bpm, musical_key, tags, added_at, favourite)
       VALUES (@path, @name, @pack, @folder, @pathTokens, @size, @mtimeMs, @contentHash, @format, @sampleRate, @channels, @bitDepth,
        @duration, @peakDbfs, @loudnessLufs, @peaks, @kind, @bpm, @key, @tags, @addedAt, @favourite)`,
    );
    const formats = ['wav', 'flac', 'aiff', 'mp3', 'ogg'];
    const insertBatch = db.transaction((start: number, end: number) => {
      for (let i = start; i < end; i++) {
        const shape = shapes[i % shapes.length] ?? shapes[0];
        const pack = `Pack ${String(Math.floor(i / 2500) + 1).padStart(2, '0')}`;
        const format = formats[i % formats.length] ?? 'wav';
        const bpm = shape.loop ? [90, 97, 120, 128, 140, 174][i % 6] ?? 120 : null;
        const keyIndex = (i >> 3) % keys.length;
        const tonal = shape.stem.startsWith('bass') || shape.stem.startsWith('808') || shape.stem.startsWith('pad') || shape.stem.startsWith('vox');
        const stem = `${shape.stem}_${words[i % words.length] ?? ''}_${String(i).padStart(6, '0')}${bpm ? `_${bpm}bpm` : ''}${tonal ? `_${keyTokens[keyIndex] ?? ''}` : ''}`;
        const name = `${stem}.${format}`;
        const duration = shape.loop ? (60 / (bpm ?? 120)) * 16 : 0.2 + (i % 37) / 10;
        const peaks = Buffer.alloc(512);
        for (let b = 0; b < 256; b++) {
          const level = Math.round(127 * Math.exp(-b / (shape.loop ? 400 : 40)) * (0.5 + 0.5 * Math.abs(Math.sin(b * 0.37 + i))));
          peaks.writeInt8(-level, 2 * b);
          peaks.writeInt8(level, 2 * b + 1);
        }
        insert.run({
          path: `/samples/${pack}/${shape.folder}/${name}`,
          name,
          pack,
          folder: shape.folder,
          pathTokens: nameTokens(`${shape.folder} ${stem}`).join(' '),
          size: Math.round(duration * 44_100 * 4),
          mtimeMs: 1_700_000_000_000 + i * 1000,
          contentHash: (i.toString(16).padStart(8, '0') + 'ab').repeat(6).slice(0, 64).padEnd(64, '0'),
          format,
          sampleRate: i % 3 === 0 ? 48_000 : 44_100,
          channels: shape.loop ? 2 : 1,
          bitDepth: format === 'mp3' || format === 'ogg' ? 0 : 24,
          duration,
          peakDbfs: -0.1 - (i % 12),
          loudnessLufs: -8 - (i % 14),
          peaks,
          kind: shape.loop ? 'loop' : 'one-shot',
          bpm,
          key: tonal ? keys[keyIndex] : null,
          tags: shape.tags,
          addedAt: 1_700_000_000_000 + i,
          // One in 40 is a favourite, so the favourites filter has rows to find.
          favourite: i % 40 === 0 ? 1 : 0,
        });
      }
    });
    for (let start = 0; start < rows; start += 10_000) insertBatch(start, Math.min(rows, start + 10_000));
    // As an import ends (electron/services/library/import.ts): fresh query-planner statistics.
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
