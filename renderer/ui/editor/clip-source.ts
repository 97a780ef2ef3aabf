/**
 * The waveform editor's arithmetic between a clip and its source: which stretch of the source the
 * clip plays (seconds, in the source as the clip reads it, i.e. reversed for a reversed clip, like
 * `offset`), how a selection of that source becomes clip edges, and levels read from the stored
 * min/max peaks (never from PCM, which the renderer does not have).
 */
import { trimClipEnd, trimClipStart } from '../../../src/model/edits/clip-edits';
import { beatsToSourceSeconds, sourceSecondsToBeats, type SourceDurationOptions } from '../../../src/model/edits/clip-math';
import { resolveClip, type ClipRef } from '../../../src/model/edits/selection';
import type { AudioClip, Project } from '../../../src/model/project-schema';
import type { TimeMap } from '../../../src/std/clock';

export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/** The part of the source the clip's first pass plays: [offset, offset + span), capped at the source's end. */
export function clipSourceRange(project: TimeMap, clip: AudioClip, duration: number): SourceRange {
  const start = Math.min(clip.offset, duration);
  return { start, end: Math.min(duration, clip.offset + beatsToSourceSeconds(project, clip, clip.length)) };
}

/** Where source time `seconds` sounds on the timeline (beats), through the clip's offset and rate. */
export function sourceSecondsToTimeline(project: TimeMap, clip: AudioClip, seconds: number): number {
  return clip.start + sourceSecondsToBeats(project, clip, seconds - clip.offset);
}

/**
 * Trims both edges of the clip so it plays `range` of its source: one edit for one undo step,
 * through the ordinary trims (so the audio stays where it was on the timeline and the usual
 * clamps apply: not before beat 0, not past the source's end, not shorter than 1/64 beat).
 */
export function setClipToSourceRange(project: Project, ref: ClipRef, range: SourceRange, options: SourceDurationOptions): Project {
  const found = resolveClip(project, ref);
  if (!found || found.clip.kind !== 'audio' || !(range.end > range.start)) return project;
  const { clip } = found;
  const newStart = sourceSecondsToTimeline(project, clip, range.start);
  const newEnd = sourceSecondsToTimeline(project, clip, range.end);
  // Extend the end first when the new range lies past the old end, so the start trim is not
  // clamped by the old end edge; otherwise move the start first.
  if (newEnd > clip.start + clip.length) return trimClipStart(trimClipEnd(project, ref, newEnd, options), ref, newStart, options);
  return trimClipEnd(trimClipStart(project, ref, newStart, options), ref, newEnd, options);
}

/** The stored peaks as wavesurfer wants them: one channel of floats in [−1, 1], mirrored for a reversed clip. */
export function peaksForDisplay(peaks: Int8Array, reverse: boolean): Float32Array {
  const buckets = Math.floor(peaks.length / 2);
  const out = new Float32Array(buckets * 2);
  for (let b = 0; b < buckets; b++) {
    const from = reverse ? buckets - 1 - b : b;
    out[2 * b] = (peaks[2 * from] ?? 0) / 127;
    out[2 * b + 1] = (peaks[2 * from + 1] ?? 0) / 127;
  }
  return out;
}

/** The stored peaks in the clip's reading direction (reversed for a reversed clip), as bytes. */
export function peaksAsRead(peaks: Int8Array, reverse: boolean): Int8Array {
  if (!reverse) return peaks;
  const buckets = Math.floor(peaks.length / 2);
  const out = new Int8Array(buckets * 2);
  for (let b = 0; b < buckets; b++) {
    out[2 * b] = peaks[2 * (buckets - 1 - b)] ?? 0;
    out[2 * b + 1] = peaks[2 * (buckets - 1 - b) + 1] ?? 0;
  }
  return out;
}

/**
 * The highest absolute sample level in `range` of a source lasting `duration` seconds, in dBFS,
 * as far as the peaks tell: each bucket touching the range counts whole, and levels are
 * quantized to 1/127 of full scale (≈ 0.07 dB near 0 dBFS, coarser for quiet sounds).
 * −Infinity for silence.
 */
export function peakDbfsInRange(peaks: Int8Array, duration: number, range: SourceRange): number {
  const buckets = Math.floor(peaks.length / 2);
  if (buckets === 0 || !(duration > 0)) return -Infinity;
  const first = Math.max(0, Math.floor((range.start / duration) * buckets));
  const last = Math.min(buckets - 1, Math.ceil((range.end / duration) * buckets) - 1);
  let peak = 0;
  for (let b = first; b <= last; b++) peak = Math.max(peak, Math.abs(peaks[2 * b] ?? 0), Math.abs(peaks[2 * b + 1] ?? 0));
  return peak === 0 ? -Infinity : 20 * Math.log10(peak / 127);
}

/** The clip gain that puts a peak of `peakDbfs` at `targetDbfs` (null for silence). */
export function normalizeGainDb(peakDbfs: number, targetDbfs: number): number | null {
  return Number.isFinite(peakDbfs) ? Math.round((targetDbfs - peakDbfs) * 100) / 100 : null;
}
