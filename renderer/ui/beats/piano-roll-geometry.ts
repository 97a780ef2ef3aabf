/**
 * Where things are in the piano roll: beats across (pixels per beat), pitches down (127 at the
 * top, a row each), and what a pointer position means on the grid (snap, the off-grid modifier).
 */
import type { PatternNote } from '../../../src/model/beats/pattern-shape';
import type { SnapRounding } from '../../../src/model/snap';

export const topPitch = 127;
export const pitchRows = 128;
/** Within this many pixels of a note's right edge, a press resizes it. */
export const resizeEdgePx = 6;

export interface RollView {
  readonly pxPerBeat: number;
  readonly rowPx: number;
}

export function beatX(beat: number, view: RollView): number {
  return beat * view.pxPerBeat;
}

export function pitchY(pitch: number, view: RollView): number {
  return (topPitch - pitch) * view.rowPx;
}

/** The pitch row under a y (clamped to 0–127). */
export function pitchAt(y: number, view: RollView): number {
  return Math.min(topPitch, Math.max(0, topPitch - Math.floor(y / view.rowPx)));
}

export function beatAt(x: number, view: RollView): number {
  return Math.max(0, x / view.pxPerBeat);
}

/**
 * The grid a gesture snaps to: the song's grid where the clip sits (`src/model/beats/pattern-grid.ts`),
 * so bars and steps follow the song's meters. With snap off, `snap` keeps a beat and `step` is null.
 */
export interface RollGrid {
  snap(beat: number, rounding: SnapRounding): number;
  /** The step from the grid line at or before `beat` to the next. */
  step(beat: number): number | null;
}

/** Where a gesture puts `beat`: on the grid, or as it is while the off-grid modifier (Alt) is held. */
export function gestureBeat(grid: RollGrid, beat: number, rounding: SnapRounding, offGrid: boolean): number {
  return offGrid ? beat : grid.snap(beat, rounding);
}

/**
 * How far a drag moves a note edge at `from` when the pointer has travelled `travel` beats: from
 * the grid line nearest the edge to the one nearest where it is dragged, so an edge on the grid
 * lands on the grid and an off-grid one keeps its distance from it (its feel). Alt: the travel itself.
 */
export function gridTravel(grid: RollGrid, from: number, travel: number, offGrid: boolean): number {
  return offGrid ? travel : grid.snap(from + travel, 'nearest') - grid.snap(from, 'nearest');
}

/** The notes a rubber band from (b0, p0) to (b1, p1) touches. */
export function notesInBand(notes: readonly PatternNote[], band: { b0: number; b1: number; p0: number; p1: number }): number[] {
  const [bLow, bHigh] = band.b0 < band.b1 ? [band.b0, band.b1] : [band.b1, band.b0];
  const [pLow, pHigh] = band.p0 < band.p1 ? [band.p0, band.p1] : [band.p1, band.p0];
  return notes.flatMap((note, index) =>
    note.pitch >= pLow && note.pitch <= pHigh && note.start < bHigh && note.start + note.length > bLow ? [index] : [],
  );
}

/** Zoom steps: each press multiplies or divides by this, within the limits. */
export const zoomLimits = { minPxPerBeat: 12, maxPxPerBeat: 640, minRowPx: 6, maxRowPx: 32 } as const;

export function zoomed(view: RollView, axis: 'x' | 'y', factor: number): RollView {
  if (axis === 'x') {
    return { ...view, pxPerBeat: Math.min(zoomLimits.maxPxPerBeat, Math.max(zoomLimits.minPxPerBeat, view.pxPerBeat * factor)) };
  }
  return { ...view, rowPx: Math.round(Math.min(zoomLimits.maxRowPx, Math.max(zoomLimits.minRowPx, view.rowPx * factor))) };
}
