/**
 * The timeline's snap grid. Bars come from the song's meters through the one clock: a bar of [n, d]
 * is n × 4 / d quarter beats, and every bar starts a fresh grid, so a 6/8 bar is 3 beats long and
 * a 7/8 bar's last eighth is a line even on a quarter-note grid. Subdivisions are counted from each
 * bar's start; a bar's end is always a line (the last step of a bar may be short).
 */
import { Clock, type TimeMap } from '../std/clock';
import { beats } from '../std/units';

/** Grid settings a producer picks from, as DAWs name them (a "beat" is a quarter note). */
export const snapOptions = ['bar', '1/2', 'beat', '1/8', '1/16', '1/32', '1/4T', '1/8T', '1/16T', 'off'] as const;
export type SnapSetting = (typeof snapOptions)[number];

/** Which grid line a position goes to: the nearest, the one at or before it, the one at or after it. */
export type SnapRounding = 'nearest' | 'floor' | 'ceil';

/** Lines closer than this (in steps) to a position count as on it, so a float a hair off a line keeps it. */
const onLine = 1e-9;

/**
 * The grid step in beats for a grid that does not follow the song's meters (the piano roll's
 * pattern, which has no position of its own): `barBeats` is the length of a bar in beats there.
 * Null when snapping is off.
 */
export function gridBeats(setting: SnapSetting, barBeats: number): number | null {
  switch (setting) {
    case 'bar':
      return barBeats;
    case '1/2':
      return 2;
    case 'beat':
      return 1;
    case '1/8':
      return 0.5;
    case '1/16':
      return 0.25;
    case '1/32':
      return 0.125;
    case '1/4T':
      return 2 / 3;
    case '1/8T':
      return 1 / 3;
    case '1/16T':
      return 1 / 6;
    case 'off':
      return null;
  }
}

/**
 * `beat` (a song position in beats) moved onto the grid of `setting` under the meters of `map` (a
 * project, or anything a clock is built from); `'off'` leaves it as it is.
 */
export function snapToGrid(beat: number, setting: SnapSetting, map: TimeMap, rounding: SnapRounding = 'nearest'): number {
  if (setting === 'off' || !Number.isFinite(beat)) return beat;
  const clock = Clock.of(map);
  const bar = clock.barAt(beats(beat));
  const start: number = clock.barStart(bar);
  const end: number = clock.barStart(bar + 1);
  const step = gridBeats(setting, end - start) as number;
  if (end - beat <= onLine * step) return end;
  const into = (beat - start) / step;
  if (rounding === 'floor') return Math.min(end, start + Math.floor(into + onLine) * step);
  if (rounding === 'ceil') return Math.min(end, start + Math.ceil(into - onLine) * step);
  const below = start + Math.floor(into) * step;
  const above = Math.min(end, below + step);
  return beat - below < above - beat ? below : above;
}
