import { LoudnessMeter } from '../../../src/analysis/loudness/loudness-meter';
import type { SourceRange } from './clip-source';

/** Audio measured between two breaks for the page (seconds): the meter runs far faster than realtime, so a slice costs a few milliseconds. */
const sliceSeconds = 2;

/** What loudness normalizing a clip goes by. */
export interface ClipLoudness {
  /** LUFS: the integrated loudness, or the momentary maximum for a sound too short to gate (under 0.4 s). */
  readonly lufs: number;
  readonly basis: 'integrated' | 'momentary max';
}

/**
 * Measures BS.1770 loudness of `range` (seconds) of a source's planes, in slices with a break
 * for the page between them so a long source never freezes the UI. Null for silence. Rejects
 * with an AbortError when `signal` aborts.
 */
export async function measureClipLoudness(planes: readonly Float32Array[], sampleRate: number, range: SourceRange, signal?: AbortSignal): Promise<ClipLoudness | null> {
  const meter = new LoudnessMeter(sampleRate, planes.length);
  const first = Math.max(0, Math.floor(range.start * sampleRate));
  const end = Math.min(planes[0]?.length ?? 0, Math.ceil(range.end * sampleRate));
  const slice = Math.round(sliceSeconds * sampleRate);
  for (let at = first; at < end; at += slice) {
    signal?.throwIfAborted();
    meter.push(planes, Math.min(slice, end - at), at);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  signal?.throwIfAborted();
  const result = meter.result();
  if (Number.isFinite(result.integratedLufs)) return { lufs: result.integratedLufs, basis: 'integrated' };
  if (Number.isFinite(result.momentaryMaxLufs)) return { lufs: result.momentaryMaxLufs, basis: 'momentary max' };
  return null;
}
