/**
 * A drum loop dropped on the drum machine: cut at its transients (or a grid) into at most 16
 * slices, one per pad, and the pattern that replays the loop by playing the pads in turn. The
 * slices share a choke group, so each hit cuts the one before, as the loop itself did.
 */
import { beats } from '../../std/units';
import type { PatternContent, PatternNote } from './pattern-shape';

export interface LoopSlice {
  /** Where the slice starts in the loop, in seconds. */
  readonly startSeconds: number;
  readonly lengthSeconds: number;
}

export interface ChoppedLoop {
  readonly slices: LoopSlice[];
  /** Notes on pitch `basePitch + slice index`, at the slices' places in beats of the loop's tempo. */
  readonly pattern: Pick<PatternContent, 'length' | 'notes'>;
}

/** A pattern length this close to whole beats is taken as whole (a loop is cut a hair long or short). */
const wholeBeatTolerance = 0.05;

/** Cut points every `stepBeats` at the loop's tempo: the grid alternative to transients. */
export function gridCuts(durationSeconds: number, loopBpm: number, stepBeats: number): number[] {
  const step = (stepBeats * 60) / loopBpm;
  const count = Math.max(1, Math.ceil(durationSeconds / step - 1e-9));
  return Array.from({ length: count }, (_, i) => i * step);
}

/**
 * Keeps at most `limit` cut points, always the one at 0: while there are too many, the cut
 * closest to the one before it goes (its slice joins the previous one).
 */
export function fewestCuts(cuts: readonly number[], durationSeconds: number, limit: number): number[] {
  const kept = [...new Set([0, ...cuts.filter((t) => t > 0 && t < durationSeconds)])].sort((a, b) => a - b);
  while (kept.length > limit) {
    let closest = 1;
    for (let i = 2; i < kept.length; i++) if (kept[i]! - kept[i - 1]! < kept[closest]! - kept[closest - 1]!) closest = i;
    kept.splice(closest, 1);
  }
  return kept;
}

export function chopLoopToPads(cuts: readonly number[], durationSeconds: number, loopBpm: number, padCount: number, basePitch: number): ChoppedLoop {
  const starts = fewestCuts(cuts, durationSeconds, padCount);
  const slices = starts.map((start, i) => ({ startSeconds: start, lengthSeconds: (starts[i + 1] ?? durationSeconds) - start }));
  const toBeats = (seconds: number) => (seconds * loopBpm) / 60;
  const exact = toBeats(durationSeconds);
  const length = Math.abs(exact - Math.round(exact)) <= wholeBeatTolerance && Math.round(exact) > 0 ? Math.round(exact) : exact;
  const notes: PatternNote[] = slices
    .map((slice, i) => ({ pitch: basePitch + i, start: beats(toBeats(slice.startSeconds)), length: beats(toBeats(slice.lengthSeconds)), velocity: 1 }))
    .filter((note) => note.start < length);
  return { slices, pattern: { length: beats(length), notes } };
}

/**
 * A loop's tempo for chopping: the one its name states, else the one that makes it a whole,
 * power-of-two number of beats (1–64) nearest the project's tempo, as DAWs guess a loop's length.
 */
export function loopTempo(statedBpm: number | null, durationSeconds: number, projectBpm: number): number {
  if (statedBpm !== null && statedBpm > 0) return statedBpm;
  const candidates = [1, 2, 4, 8, 16, 32, 64].map((count) => (count * 60) / durationSeconds).filter((bpm) => bpm >= 20 && bpm <= 999);
  if (candidates.length === 0) return projectBpm;
  return candidates.reduce((best, bpm) => (Math.abs(Math.log(bpm / projectBpm)) < Math.abs(Math.log(best / projectBpm)) ? bpm : best));
}
