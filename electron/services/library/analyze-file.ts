import { promises as fs } from 'node:fs';
import path from 'node:path';
import { classifyKind, type SampleKind } from '../../../src/analysis/classify-kind';
import { filenameTempo } from '../../../src/analysis/filename-tempo';
import { samplePeakDbfs } from '../../../src/analysis/levels';
import { measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { detectKey } from '../../../src/analysis/key-detect';
import { filenameKey } from '../../../src/analysis/musical-key';
import { tagsFromPath } from '../../../src/analysis/path-tags';
import { detectTempo } from '../../../src/analysis/tempo-detect';
import { waveformPeaks } from '../../../src/analysis/waveform-peaks';
import { decodeAudio } from '../../../src/codecs/decode';
import { frameCount } from '../../../src/codecs/decoded-audio';
import { GlowroomError } from '../../../src/std/errors';
import { sha256Hex } from '../content-hash';

/** Buckets in a stored waveform thumbnail: 512 bytes per sample, enough for a list row. */
export const thumbnailBuckets = 256;

/** Path tags of material that is not pitched: such files get a key only from their name. */
const untonalTags = new Set(['kick', 'snare', 'clap', 'hat', 'cymbal', 'tom', 'perc', 'drums', 'break', 'fx']);

/** Everything the library learns from one file's bytes and its place in the pack. */
export interface SampleAnalysis {
  readonly contentHash: string;
  readonly format: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitDepth: number;
  /** Seconds. */
  readonly duration: number;
  /** Null for digital silence. */
  readonly peakDbfs: number | null;
  /**
   * BS.1770 integrated loudness, LUFS; for a sound too short or sparse to integrate (no 400 ms
   * block passes the gates) its momentary maximum instead; null for silence.
   */
  readonly loudnessLufs: number | null;
  readonly peaks: Int8Array;
  readonly kind: SampleKind;
  /** From the file name; for a loop whose name gives none, detected (src/analysis/tempo-detect); else null. */
  readonly bpm: number | null;
  /** From the file name; for tonal material whose name gives none, detected (src/analysis/key-detect); else null. */
  readonly key: string | null;
  /** What the decoder repaired or reinterpreted (src/codecs `DecodedAudio.notes`), for the import summary. */
  readonly notes: readonly string[];
  /** The tag vocabulary words of the path, plus the kind. */
  readonly tags: readonly string[];
}

/**
 * Reads, hashes, decodes and analyses one audio file. `relativePath` is the file's path inside
 * its pack (`Drums/Kicks/bd_boom.flac`): names and folders say tempo, key, kind and tags. Throws a
 * GlowroomError whose message names the file and the problem when the file cannot be used.
 */
export async function analyzeFile(file: string, relativePath: string): Promise<SampleAnalysis> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GlowroomError('not-found', `${name} was not found: check the path (it may have been moved or deleted).`);
    if (code === 'EISDIR') throw new GlowroomError('wrong-kind', `${name} is a folder, not an audio file.`);
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new GlowroomError('unsupported', `${name} is larger than 2 GiB; files this large cannot be analysed yet.`);
    throw new GlowroomError('io', `Cannot read ${name} (${code ?? 'error'}); check its permissions.`);
  }
  if (bytes.length === 0) throw new GlowroomError('bad-format', `${name} is empty (0 bytes): not an audio file.`);
  const contentHash = sha256Hex(bytes);
  const audio = await decodeAudio(bytes, name);
  const duration = frameCount(audio) / audio.sampleRate;
  const peak = samplePeakDbfs(audio.channels);
  const namedBpm = filenameTempo(name);
  const kind = classifyKind(duration, relativePath, namedBpm);
  // The name's tempo wins; a loop whose name gives none is measured (null when it has no pulse).
  const bpm = namedBpm ?? (kind === 'loop' ? (detectTempo(audio.channels, audio.sampleRate, { loop: true })?.bpm ?? null) : null);
  const pathTags = tagsFromPath(relativePath);
  // Drums and effects have no key worth a guess, even when their spectrum happens to correlate.
  const key = filenameKey(name) ?? (pathTags.some((tag) => untonalTags.has(tag)) ? null : (detectKey(audio.channels, audio.sampleRate)?.key ?? null));
  return {
    contentHash,
    format: audio.format,
    sampleRate: audio.sampleRate,
    channels: audio.channels.length,
    bitDepth: audio.bitDepth,
    duration,
    peakDbfs: Number.isFinite(peak) ? peak : null,
    loudnessLufs: loudnessOf(audio.channels, audio.sampleRate),
    peaks: waveformPeaks(audio.channels, thumbnailBuckets),
    kind,
    bpm,
    key,
    tags: [...new Set([...pathTags, kind])].sort(),
    notes: audio.notes ?? [],
  };
}

function loudnessOf(channels: readonly Float32Array[], sampleRate: number): number | null {
  if (channels.length === 0 || (channels[0]?.length ?? 0) === 0) return null;
  const { integratedLufs, momentaryMaxLufs } = measureLoudness(channels, sampleRate);
  if (Number.isFinite(integratedLufs)) return integratedLufs;
  return Number.isFinite(momentaryMaxLufs) ? momentaryMaxLufs : null;
}
