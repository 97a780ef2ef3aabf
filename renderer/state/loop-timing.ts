import { keyShift } from '../../src/analysis/musical-key';
import type { WarpMode } from '../../src/model/project-schema';
import type { PreviewWarp } from '../../src/protocol/engine';
import type { SampleRow } from '../../src/protocol/ipc';

/** Tags of drum material: warped in beats mode, which cuts at transients and keeps attacks sharp. */
const drumTags = new Set(['drums', 'break', 'kick', 'snare', 'clap', 'hat', 'cymbal', 'tom', 'perc']);

/** The stretcher a library loop is warped with by default: beats for drums, tonal for the rest. */
export function warpModeOf(row: Pick<SampleRow, 'tags'>): PreviewWarp['mode'] {
  return row.tags.some((tag) => drumTags.has(tag)) ? 'beats' : 'tonal';
}

/**
 * How the library auditions `row`: a loop with a known tempo plays in time (its stretcher, its
 * tempo) and, when `songKey` is given and the loop's key is known, moved to that key by the
 * smallest interval; anything else (one-shots, loops of unknown tempo) plays as it is (null).
 */
export function previewWarpOf(row: Pick<SampleRow, 'kind' | 'bpm' | 'key' | 'tags'>, songKey: string | null): PreviewWarp | null {
  if (row.kind !== 'loop' || row.bpm === null || !(row.bpm > 0)) return null;
  const transpose = songKey !== null && row.key !== null ? keyShift(row.key, songKey) : 0;
  return { mode: warpModeOf(row), sourceTempo: row.bpm, transpose };
}

/** How a library sample is placed: warped from its tempo, warped once the user gives a tempo ('ask'), or as it is (null). */
export type PlacementTiming = { readonly mode: WarpMode; readonly sourceTempo: number } | 'ask' | null;

/**
 * With "Warp loops to the project tempo" on, a loop follows the song's tempo in beats mode (drums)
 * or tonal mode (the rest) from its known tempo, and a loop of unknown tempo asks for it rather
 * than being guessed; one-shots, and everything with the setting off, play at their own speed.
 */
export function placementTiming(row: Pick<SampleRow, 'kind' | 'bpm' | 'tags'>, warpLoops: boolean): PlacementTiming {
  if (!warpLoops || row.kind !== 'loop') return null;
  if (row.bpm === null || !(row.bpm >= 20 && row.bpm <= 999)) return 'ask';
  return { mode: warpModeOf(row), sourceTempo: row.bpm };
}
