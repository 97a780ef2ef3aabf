/**
 * The song's bars and snap grid seen from inside a note clip's pattern. A pattern has no meter of
 * its own: pattern beat 0 sits on song beat `origin` (the clip's start minus its offset), so its
 * bars are the song's bars there, through the one clock (`src/std/clock.ts`), and snapping is
 * `snapToGrid` at that place. A pattern that spans a meter change shows and snaps to both meters.
 */
import { Clock, type TimeMap } from '../../std/clock';
import { beats } from '../../std/units';
import { snapToGrid, type SnapRounding, type SnapSetting } from '../snap';

/** A song bar as the pattern sees it. */
export interface PatternBar {
  /** Where the bar starts, in pattern beats (the first may start before 0). */
  readonly start: number;
  /** How many beats (quarter notes) it lasts. */
  readonly length: number;
  /** Beats (quarter notes) per beat of its meter: 4 / d. */
  readonly beatLength: number;
  /** The song's bar number, 1-based, as the timeline's ruler shows it. */
  readonly number: number;
  readonly meter: readonly [number, number];
}

/** Every song bar that overlaps pattern beats [0, length) when pattern beat 0 sits on song beat `origin`. */
export function patternBars(map: TimeMap, origin: number, length: number): PatternBar[] {
  const clock = Clock.of(map);
  const bars: PatternBar[] = [];
  for (let bar = clock.barAt(beats(origin)); clock.barStart(bar) < origin + length; bar++) {
    const start = clock.barStart(bar);
    bars.push({ start: start - origin, length: clock.barLength(bar), beatLength: clock.meterBeatLength(start), number: bar + 1, meter: clock.meterOf(bar) });
  }
  return bars;
}

/** `beat` (pattern beats) moved onto the song's grid of `setting` at pattern origin `origin`; 'off' leaves it. */
export function snapInPattern(beat: number, setting: SnapSetting, map: TimeMap, origin: number, rounding: SnapRounding = 'nearest'): number {
  if (setting === 'off') return beat;
  return snapToGrid(origin + beat, setting, map, rounding) - origin;
}

/** The length of the grid step that starts at or before `beat` (pattern beats); null when snapping is off. */
export function gridStepAt(beat: number, setting: SnapSetting, map: TimeMap, origin: number): number | null {
  if (setting === 'off') return null;
  const line = snapInPattern(beat, setting, map, origin, 'floor');
  return snapInPattern(line + 1e-6, setting, map, origin, 'ceil') - line;
}

/** How many song bars pattern beats [0, length) cover from `origin` (fractional when it ends inside a bar). */
export function patternLengthInBars(map: TimeMap, origin: number, length: number): number {
  const clock = Clock.of(map);
  return clock.barsAt(beats(origin + length)) - clock.barsAt(beats(origin));
}

/** The pattern length (beats) that covers `bars` song bars from `origin`. */
export function patternLengthOfBars(map: TimeMap, origin: number, bars: number): number {
  const clock = Clock.of(map);
  return clock.barStart(clock.barsAt(beats(origin)) + bars) - origin;
}
