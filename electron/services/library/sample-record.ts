import type { SampleKind } from '../../../src/analysis/classify-kind';
import type { SampleAnalysis } from './analyze-file';

/**
 * One library sample as searches return it: what analysis learned (but the hash) plus where it
 * is and what the user made of it (the decoder's notes belong to the import, not the row); a
 * superset of the contract's `SampleRow`.
 */
export interface SampleRecord extends Omit<SampleAnalysis, 'contentHash' | 'notes'> {
  readonly id: number;
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

/** The `samples` columns a SampleRecord is read from, in SELECT order. */
export const sampleColumns = `samples.id, samples.path, samples.name, samples.pack, samples.folder, samples.format, samples.size,
  samples.sample_rate, samples.channels, samples.bit_depth, samples.duration, samples.peak_dbfs, samples.loudness_lufs,
  samples.peaks, samples.kind, samples.bpm, samples.musical_key, samples.tags, samples.missing, samples.favourite, samples.added_at, samples.analysed`;

export interface SampleRowData {
  id: number;
  path: string;
  name: string;
  pack: string;
  folder: string;
  format: string;
  size: number;
  sample_rate: number;
  channels: number;
  bit_depth: number;
  duration: number;
  peak_dbfs: number | null;
  loudness_lufs: number | null;
  peaks: Buffer;
  kind: SampleKind;
  bpm: number | null;
  musical_key: string | null;
  tags: string;
  missing: number;
  favourite: number;
  added_at: number;
  analysed: number;
}

export function toSampleRecord(row: SampleRowData): SampleRecord {
  return {
    id: row.id,
    path: row.path,
    name: row.name,
    pack: row.pack,
    folder: row.folder,
    format: row.format,
    sizeBytes: row.size,
    sampleRate: row.sample_rate,
    channels: row.channels,
    bitDepth: row.bit_depth,
    duration: row.duration,
    peakDbfs: row.peak_dbfs,
    loudnessLufs: row.loudness_lufs,
    peaks: new Int8Array(row.peaks.buffer, row.peaks.byteOffset, row.peaks.byteLength),
    kind: row.kind,
    bpm: row.bpm,
    key: row.musical_key,
    tags: row.tags === '' ? [] : row.tags.split(' '),
    missing: row.missing === 1,
    favourite: row.favourite === 1,
    addedAt: row.added_at,
    analysed: row.analysed === 1,
  };
}
