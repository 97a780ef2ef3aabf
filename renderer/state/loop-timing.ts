import { keyShift } from '../../src/analysis/musical-key';
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
