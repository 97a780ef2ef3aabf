import { describe, expect, it } from 'vitest';
import { activeGrid, beatAt, floorBeat, notesInBand, pitchAt, pitchY, roundBeat, zoomed } from '../../../renderer/ui/beats/piano-roll-geometry';

const view = { pxPerBeat: 100, rowPx: 10 };
const n = (pitch: number, start: number, length: number) => ({ pitch, start, length, velocity: 0.8 }) as never;

describe('piano roll geometry', () => {
  it('puts 127 at the top and finds the row under a y', () => {
    expect(pitchY(127, view)).toBe(0);
    expect(pitchY(60, view)).toBe(670);
    expect(pitchAt(675, view)).toBe(60);
    expect(pitchAt(-5, view)).toBe(127);
    expect(pitchAt(99_999, view)).toBe(0);
    expect(beatAt(250, view)).toBe(2.5);
  });

  it('snaps to the grid, and not while the off-grid modifier is held', () => {
    expect(floorBeat(1.37, 0.25)).toBe(1.25);
    expect(roundBeat(1.37, 0.25)).toBe(1.25);
    expect(roundBeat(1.4, 0.25)).toBe(1.5);
    expect(floorBeat(1.37, activeGrid(0.25, true))).toBe(1.37);
    expect(floorBeat(1 / 3, 1 / 3)).toBeCloseTo(1 / 3, 12);
  });

  it('selects the notes a rubber band touches, drawn in any direction', () => {
    const notes = [n(60, 0, 1), n(62, 1, 0.5), n(72, 2, 1)];
    expect(notesInBand(notes, { b0: 1.2, b1: 0.5, p0: 63, p1: 59 })).toEqual([0, 1]);
    expect(notesInBand(notes, { b0: 1.6, b1: 1.9, p0: 0, p1: 127 })).toEqual([]);
  });

  it('zooms within limits on both axes', () => {
    expect(zoomed(view, 'x', 2).pxPerBeat).toBe(200);
    expect(zoomed(view, 'x', 100).pxPerBeat).toBe(640);
    expect(zoomed(view, 'y', 0.1).rowPx).toBe(6);
  });
});
