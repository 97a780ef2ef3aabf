/**
 * Quantize: notes pulled towards the grid by a strength, with swing on the off-beat lines.
 * Unlike playback swing (applied to notes lying exactly on odd steps), quantize writes the swung
 * position into the notes, as Ableton's and FL Studio's quantize with swing do.
 */
import { beats } from '../../std/units';
import { clampNumber, patternLimits, type PatternContent } from './pattern-shape';
import { replaceNotesAt, unchanged, type NoteEditResult } from './replace-notes';

export interface QuantizeSettings {
  /** The grid in beats (a 1/16 = 0.25). */
  readonly grid: number;
  /** 0–1: 1 moves onto the line, 0.5 halfway there. */
  readonly strength: number;
  /** 50–75 %: odd grid lines are late by (swing − 50) / 50 of a step. 50 = straight. */
  readonly swing: number;
  /** Also pull note ends onto the (straight) grid, keeping at least one step. */
  readonly ends: boolean;
  /**
   * The song's bars over the pattern (sorted by start; the first at or before 0), each with its
   * own grid step: lines are counted from each bar's start and a bar's end is a line, as the
   * timeline's snap does. Absent: one grid of `grid` from 0.
   */
  readonly bars?: readonly QuantizeBar[];
}

/** A bar of the song as quantize sees it: where it starts (pattern beats) and its grid step there. */
export interface QuantizeBar {
  readonly start: number;
  readonly grid: number;
}

/** Where grid line `k` lies with swing: odd lines are late. */
export function swungLine(k: number, grid: number, swing: number): number {
  const late = k % 2 === 1 ? ((clampNumber(swing, patternLimits.minSwing, patternLimits.maxSwing) - 50) / 50) * grid : 0;
  return k * grid + late;
}

/**
 * The nearest swung grid line to `position` that lies in [0, `limit`), lines counted from
 * `barStart`; a bar ending at `barEnd` (before `limit`) has a line there too.
 */
export function nearestLine(position: number, grid: number, swing: number, limit: number, barStart = 0, barEnd = Infinity): number {
  const k = Math.floor((position - barStart) / grid);
  const candidates = [k - 1, k, k + 1].map((line) => barStart + swungLine(line, grid, swing)).filter((line) => line >= Math.max(0, barStart) && line < Math.min(limit, barEnd));
  if (barEnd < limit) candidates.push(barEnd);
  return candidates.reduce((best, line) => (Math.abs(line - position) < Math.abs(best - position) ? line : best), candidates[0] ?? 0);
}

/** The line a start at `position` goes to: in its bar's grid when the song's bars are given. */
function lineFor(position: number, settings: QuantizeSettings, limit: number): number {
  const bars = settings.bars;
  if (!bars || bars.length === 0) return nearestLine(position, settings.grid, settings.swing, limit);
  const index = Math.max(0, bars.findLastIndex((bar) => bar.start <= position));
  const bar = bars[index] as QuantizeBar;
  return nearestLine(position, bar.grid, settings.swing, limit, bar.start, bars[index + 1]?.start ?? Infinity);
}

export function quantizeNotes<P extends PatternContent>(pattern: P, indices: readonly number[], settings: QuantizeSettings): NoteEditResult<P> {
  const { grid } = settings;
  const strength = clampNumber(settings.strength, 0, 1);
  if (!(grid > 0) || !Number.isFinite(grid)) return unchanged(pattern, indices);
  return replaceNotesAt(pattern, indices, (note) => {
    const start = note.start + (lineFor(note.start, settings, pattern.length) - note.start) * strength;
    if (!settings.ends) return { ...note, start: beats(start) };
    const end = note.start + note.length;
    const targetEnd = Math.max(Math.round(end / grid) * grid, start + grid);
    return { ...note, start: beats(start), length: beats(Math.max(patternLimits.minNoteLength, end + (targetEnd - end) * strength - start)) };
  });
}
