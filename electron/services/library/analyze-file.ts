import { promises as fs } from 'node:fs';
import path from 'node:path';
import { classifyKind, type SampleKind } from '../../../src/analysis/classify-kind';
import { filenameTempo } from '../../../src/analysis/filename-tempo';
import { LoudnessMeter } from '../../../src/analysis/loudness/loudness-meter';
import { detectKey } from '../../../src/analysis/key-detect';
import { filenameKey } from '../../../src/analysis/musical-key';
import { tagsFromPath } from '../../../src/analysis/path-tags';
import { detectTempo } from '../../../src/analysis/tempo-detect';
import { waveformPeaks } from '../../../src/analysis/waveform-peaks';
import { decodeAudioInto, readAudioFacts } from '../../../src/codecs/decode';
import { frameCount, type DecodedAudio } from '../../../src/codecs/decoded-audio';
import { PcmBuffers } from '../../../src/codecs/pcm-stream';
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

/** What listing a file found (see `listFile`): its size in bytes, modification time (ms) and content hash. */
export interface ListedFile {
  readonly size: number;
  readonly mtimeMs: number;
  readonly contentHash: string;
}

/**
 * Reads, hashes, decodes and analyses one audio file. `relativePath` is the file's path inside
 * its pack (`Drums/Kicks/bd_boom.flac`): names and folders say tempo, key, kind and tags. With
 * `listed`, what the import's listing found, a file still of that size and modification time
 * keeps the hash the listing took (the import's own rule for an unchanged file) instead of being
 * hashed again. Throws a GlowroomError whose message names the file and the problem when the
 * file cannot be used.
 */
export async function analyzeFile(file: string, relativePath: string, listed?: ListedFile): Promise<SampleAnalysis> {
  const name = path.basename(file);
  const bytes = await readSampleFile(file);
  // Stated after reading: a change made before the read has ended shows in the modification time.
  const contentHash = listed && (await unchangedSince(file, bytes.length, listed)) ? listed.contentHash : sha256Hex(bytes);
  // This thread's planes, unless another analysis holds them (the command line analyses files at once).
  const buffers = idleBuffers ?? new PcmBuffers();
  idleBuffers = null;
  try {
    const audio = await decodeAudioInto(bytes, name, buffers);
    return analyzeAudio(audio, relativePath, contentHash);
  } finally {
    idleBuffers = buffers;
  }
}

/** Whether `file`, read as `bytes` bytes, still has the size and modification time its listing found. */
async function unchangedSince(file: string, bytes: number, listed: ListedFile): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    // Whole milliseconds, as the scan records them (scan.ts).
    return bytes === listed.size && stat.size === listed.size && Math.trunc(stat.mtimeMs) === listed.mtimeMs;
  } catch {
    return false;
  }
}

/** Decoded planes kept between files on this thread (see PcmBuffers); null while an analysis uses them. */
let idleBuffers: PcmBuffers | null = new PcmBuffers();

/** What `analyzeFile` learns from a file's decoded audio (views that are not kept) and its place in the pack. */
function analyzeAudio(audio: DecodedAudio, relativePath: string, contentHash: string): SampleAnalysis {
  const duration = frameCount(audio) / audio.sampleRate;
  const levels = measureLevels(audio.channels, audio.sampleRate);
  const named = nameFacts(relativePath, duration);
  // The name's tempo wins; a loop whose name gives none is measured (null when it has no pulse).
  const bpm = named.bpm ?? (named.kind === 'loop' ? (detectTempo(audio.channels, audio.sampleRate, { loop: true })?.bpm ?? null) : null);
  // Drums and effects have no key worth a guess, even when their spectrum happens to correlate.
  const key = named.key ?? (named.tags.some((tag) => untonalTags.has(tag)) ? null : (detectKey(audio.channels, audio.sampleRate)?.key ?? null));
  return {
    contentHash,
    format: audio.format,
    sampleRate: audio.sampleRate,
    channels: audio.channels.length,
    bitDepth: audio.bitDepth,
    duration,
    peakDbfs: levels.peakDbfs,
    loudnessLufs: levels.loudnessLufs,
    peaks: waveformPeaks(audio.channels, thumbnailBuckets),
    kind: named.kind,
    bpm,
    key,
    tags: named.tags,
    notes: audio.notes ?? [],
  };
}

/**
 * What an import lists at once, before the analysis: the hash, and what the headers (read by
 * content, without decoding) and the name and folders say. No thumbnail, levels or detected
 * tempo and key: `analyzeFile` adds those later. Throws as `analyzeFile` does for a file that is
 * no audio or whose headers are damaged.
 */
export async function listFile(file: string, relativePath: string): Promise<SampleAnalysis> {
  const bytes = await readSampleFile(file);
  const facts = readAudioFacts(bytes, path.basename(file));
  const duration = facts.frames / facts.sampleRate;
  const named = nameFacts(relativePath, duration);
  return {
    contentHash: sha256Hex(bytes),
    format: facts.format,
    sampleRate: facts.sampleRate,
    channels: facts.channelCount,
    bitDepth: facts.bitDepth,
    duration,
    peakDbfs: null,
    loudnessLufs: null,
    peaks: new Int8Array(0),
    kind: named.kind,
    bpm: named.bpm,
    key: named.key,
    tags: named.tags,
    notes: [],
  };
}

/** What the name and folders say: kind (with the length), tempo and key when named, and the tags (with the kind). */
function nameFacts(relativePath: string, duration: number): { kind: SampleKind; bpm: number | null; key: string | null; tags: string[] } {
  const name = path.posix.basename(relativePath);
  const bpm = filenameTempo(name);
  const kind = classifyKind(duration, relativePath, bpm);
  return { kind, bpm, key: filenameKey(name), tags: [...new Set([...tagsFromPath(relativePath), kind])].sort() };
}

async function readSampleFile(file: string): Promise<Uint8Array> {
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
  return bytes;
}

/** One meter per rate and channel count, reset per file: each holds 320 KB of histograms. */
const meters = new Map<string, LoudnessMeter>();

/** Sample peak and loudness in one pass (no true peak: a list row shows neither). */
function measureLevels(channels: readonly Float32Array[], sampleRate: number): { peakDbfs: number | null; loudnessLufs: number | null } {
  const frames = channels[0]?.length ?? 0;
  if (frames === 0) return { peakDbfs: null, loudnessLufs: null };
  const id = `${sampleRate}/${channels.length}`;
  let meter = meters.get(id);
  if (!meter) meters.set(id, (meter = new LoudnessMeter(sampleRate, channels.length, undefined, { truePeak: false })));
  meter.reset();
  meter.push(channels, frames);
  const { integratedLufs, momentaryMaxLufs, samplePeakDbfs } = meter.result();
  const loudness = Number.isFinite(integratedLufs) ? integratedLufs : momentaryMaxLufs;
  return { peakDbfs: Number.isFinite(samplePeakDbfs) ? samplePeakDbfs : null, loudnessLufs: Number.isFinite(loudness) ? loudness : null };
}
