import type { SampleKind } from '../../../src/analysis/classify-kind';
import type { SampleAnalysis } from './analyze-file';

/**
 * One library sample as searches return it: what analysis learned (but the hash) plus where it
 * is and what the user made of it (the decoder's notes belong to the import, not the row); a
 * superset of the contract's `SampleRow`.
 */
export interface SampleRecord extends Omit<SampleAnalysis, 'contentHash' | 'notes' | 'tags'> {
  readonly id: number;
  /** Tag vocabulary words (an array of its own: the contract's row hands it on as it is). */
  readonly tags: string[];
  readonly path: string;
  readonly name: string;
  readonly pack: string;
  /** Folder inside the pack, '/'-separated; '' at its top. */
  readonly folder: string;
  readonly sizeBytes: number;
  readonly missing: boolean;
  readonly favourite: boolean;
  /** Milliseconds since the epoch. */
  readonly addedAt: number;
  /**
   * False while only the file's headers and name are known (an import lists files first, so they
   * are searchable at once): no thumbnail, levels or detected tempo and key yet.
   */
  readonly analysed: boolean;
}

/**
 * The `samples` columns a SampleRecord is read from, in SELECT order. Rows are read as arrays
 * (better-sqlite3's raw mode) in this order: building an object with 22 named keys per row cost
 * more than the query itself (a page of 500 rows: 4.0 ms as objects, 1.6 ms as arrays).
 */
const columns = [
  'id', 'path', 'name', 'pack', 'folder', 'format', 'size', 'sample_rate', 'channels', 'bit_depth', 'duration', 'peak_dbfs',
  'loudness_lufs', 'peaks', 'kind', 'bpm', 'musical_key', 'tags', 'missing', 'favourite', 'added_at', 'analysed',
] as const;
export const sampleColumns = columns.map((column) => `samples.${column}`).join(', ');

/** One row as raw mode reads it: the values of `columns`, in order. */
export type SampleRowData = readonly unknown[];

/** A raw row (see `sampleColumns`) as a SampleRecord. */
export function toSampleRecord(row: SampleRowData): SampleRecord {
  const [id, file, name, pack, folder, format, size, sampleRate, channels, bitDepth, duration, peakDbfs, loudnessLufs, peaks, kind, bpm, key, tags, missing, favourite, addedAt, analysed] =
    row as [number, string, string, string, string, string, number, number, number, number, number, number | null, number | null, Buffer, SampleKind, number | null, string | null, string, number, number, number, number];
  return {
    id,
    path: file,
    name,
    pack,
    folder,
    format,
    sizeBytes: size,
    sampleRate,
    channels,
    bitDepth,
    duration,
    peakDbfs,
    loudnessLufs,
    peaks: new Int8Array(peaks.buffer, peaks.byteOffset, peaks.byteLength),
    kind,
    bpm,
    key,
    tags: tags === '' ? [] : tags.split(' '),
    missing: missing === 1,
    favourite: favourite === 1,
    addedAt,
    analysed: analysed === 1,
  };
}
