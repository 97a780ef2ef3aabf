import { performance } from 'node:perf_hooks';
import { decodeAudio } from '../../../src/codecs/decode';
import type { DecodedAudio } from '../../../src/codecs/decoded-audio';
import { floatCeiling, lossyCeiling, maxChannels, maxSampleRate, minSampleRate } from '../../../src/codecs/limits';
import { isGlowroomError } from '../../../src/std/errors';
import type { Container, Expectation } from './layout';

/**
 * The one verdict on one decode, used by the bounded run in `npm test` and by `npm run fuzz`.
 *
 * - refused: a GlowroomError of a decode code ('bad-format', 'unsupported') whose message is a
 *   sentence for a producer, with no internal text in it;
 * - correct: decoded audio that keeps every invariant below;
 * - wrong: decoded audio that breaks one (the worst outcome: a wrong sound, silently);
 * - crashed: any other exception, a decode error that leaks internal text, or one that wraps a
 *   RangeError or TypeError (a parser bug caught by decodeAudio's last net);
 * - hung: took longer than `caseTimeLimitMs`, whatever it returned.
 *
 * Invariants of decoded audio: 1 to `maxChannels` channels of equal length; a rate within
 * [minSampleRate, maxSampleRate]; every sample finite and within ±1 for integer PCM, ±lossyCeiling
 * for MP3/Vorbis, ±floatCeiling for float files; no more frames than the bytes could hold
 * (`maxFramesPerByte`); at most `maxDecodedBytes` of PCM; the same rate and channel count as the
 * intact fixture for MP3 (every frame header repeats them, so one damaged header cannot change
 * them for the file); and what the mutation's `Expectation` demands of the fixture's own samples.
 */
export type Outcome = 'refused' | 'correct' | 'wrong' | 'crashed' | 'hung';

export interface Verdict {
  readonly outcome: Outcome;
  /** The error message, or the broken invariant. */
  readonly reason: string;
  readonly ms: number;
  /** Decoded with a note to the user (something was repaired or ignored). */
  readonly noted: boolean;
}

export interface Case {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly container: Container;
  /** The intact fixture, decoded. */
  readonly reference: DecodedAudio;
  readonly expect: Expectation;
}

export const caseTimeLimitMs = 2000;
export const maxDecodedBytes = 256 * 1024 ** 2;

/** Internal text that must never reach a user: assertion and engine errors, JS and WASM faults, libFLAC/mpg123 status names. */
const internalText =
  /Invariant failed|is not defined|is not a function|DataView|out of bounds|RangeError|TypeError|Cannot read|undefined|NaN|Infinity|wasm|unreachable|FLAC__|MPG123|Maximum call stack|allocation failed|Invalid typed array|\[object /i;

export async function judge(input: Case): Promise<Verdict> {
  const started = performance.now();
  let verdict: Omit<Verdict, 'ms'>;
  try {
    const audio = await decodeAudio(input.bytes, input.name);
    const problem = violation(audio, input);
    verdict = { outcome: problem ? 'wrong' : 'correct', reason: problem ?? '', noted: notesOf(audio).length > 0 };
  } catch (error) {
    verdict = errorVerdict(error);
  }
  const ms = performance.now() - started;
  if (ms > caseTimeLimitMs) return { outcome: 'hung', reason: `took ${Math.round(ms)} ms (${verdict.outcome}: ${verdict.reason})`, ms, noted: verdict.noted };
  return { ...verdict, ms };
}

function errorVerdict(error: unknown): Omit<Verdict, 'ms'> {
  // A RangeError or TypeError behind a decode error is a parser bug that decodeAudio's last net caught.
  const parserBug = error instanceof Error && (error.cause instanceof RangeError || error.cause instanceof TypeError);
  if (isGlowroomError(error) && (error.code === 'bad-format' || error.code === 'unsupported') && !internalText.test(error.message) && !parserBug) {
    return { outcome: 'refused', reason: error.message, noted: false };
  }
  const kind = error instanceof Error ? `${error.name}${isGlowroomError(error) ? ` (${error.code})` : ''}` : typeof error;
  const cause = parserBug ? ` (caused by ${String(error.cause)})` : '';
  return { outcome: 'crashed', reason: `${kind}: ${error instanceof Error ? error.message : String(error)}${cause}`, noted: false };
}

/** Notes a decoder attaches to a result it repaired (absent before decoders could say so). */
function notesOf(audio: DecodedAudio): readonly string[] {
  const notes = (audio as { readonly notes?: readonly string[] }).notes;
  return notes ?? [];
}

/** Frames per byte of file no valid stream can exceed: PCM stores whole samples; a FLAC frame of ≥ 10 bytes holds ≤ 65 536; an MP3 frame of ≥ 24 bytes holds ≤ 576; a Vorbis page of ≥ 28 bytes holds ≤ 255 packets of ≤ 4096. */
function maxFrames(audio: DecodedAudio, container: Container, length: number): number {
  switch (container) {
    case 'wav':
    case 'aiff':
      return Math.floor(length / (audio.channels.length * Math.max(1, audio.bitDepth / 8)));
    case 'flac':
      return length * 6554;
    case 'mp3':
      return length * 24;
    case 'ogg':
      return length * 2048;
  }
}

function violation(audio: DecodedAudio, { bytes, container, reference, expect }: Case): string | undefined {
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  if (channels < 1 || channels > maxChannels) return `${channels} channels`;
  if (audio.channels.some((channel) => channel.length !== frames)) return 'channels of different lengths';
  if (!(audio.sampleRate >= minSampleRate && audio.sampleRate <= maxSampleRate)) return `sample rate ${audio.sampleRate} Hz`;
  if (frames * channels * 4 > maxDecodedBytes) return `${frames * channels * 4} bytes of PCM`;
  if (frames > maxFrames(audio, container, bytes.length)) return `${frames} frames from ${bytes.length} bytes`;
  const ceiling = audio.encoding === 'float' ? floatCeiling : audio.encoding === 'lossy' ? lossyCeiling : 1;
  for (const channel of audio.channels) {
    for (const sample of channel) {
      if (!Number.isFinite(sample)) return `a non-finite sample (${sample})`;
      if (Math.abs(sample) > ceiling) return `a ${audio.encoding} sample of ${sample} (allowed ±${ceiling})`;
    }
  }
  if (container === 'mp3' && (audio.sampleRate !== reference.sampleRate || channels !== reference.channels.length)) {
    return `${channels} channels at ${audio.sampleRate} Hz where every intact frame says ${reference.channels.length} at ${reference.sampleRate} Hz`;
  }
  const referenceFrames = reference.channels[0]?.length ?? 0;
  if (expect === 'not-shorter' && frames < referenceFrames) return `cut to ${frames} of ${referenceFrames} frames`;
  if (expect === 'same') return difference(audio, reference);
  return undefined;
}

function difference(audio: DecodedAudio, reference: DecodedAudio): string | undefined {
  const describe = (a: DecodedAudio): string => `${a.channels.length} ch, ${a.sampleRate} Hz, ${a.bitDepth} bits, ${a.channels[0]?.length ?? 0} frames`;
  if (describe(audio) !== describe(reference)) return `not the fixture's sound: ${describe(audio)} instead of ${describe(reference)}`;
  for (const [c, channel] of audio.channels.entries()) {
    const want = reference.channels[c];
    const at = channel.findIndex((sample, i) => sample !== want?.[i]);
    if (at >= 0) return `not the fixture's sound: channel ${c + 1} differs from frame ${at} (${channel[at]} instead of ${want?.[at]})`;
  }
  return undefined;
}
