import { describe, expect, it } from 'vitest';
import { gridStepAt, snapInPattern } from '../../../src/model/beats/pattern-grid';
import type { SnapSetting } from '../../../src/model/snap';
import type { TimeMap } from '../../../src/std/clock';
import { beatAt, gestureBeat, gridTravel, notesInBand, pitchAt, pitchY, zoomed, type RollGrid } from '../../../renderer/ui/beats/piano-roll-geometry';

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
    const sixteenths = rollGrid('1/16', { tempo: 120 }, 0);
    expect(gestureBeat(sixteenths, 1.37, 'floor', false)).toBe(1.25);
    expect(gestureBeat(sixteenths, 1.37, 'nearest', false)).toBe(1.25);
    expect(gestureBeat(sixteenths, 1.4, 'nearest', false)).toBe(1.5);
    expect(gestureBeat(sixteenths, 1.37, 'floor', true)).toBe(1.37);
    expect(gestureBeat(rollGrid('1/8T', { tempo: 120 }, 0), 1 / 3, 'floor', false)).toBeCloseTo(1 / 3, 12);
  });

  it('drags an edge from grid line to grid line: an on-grid note lands on the grid, an off-grid one keeps its distance', () => {
    const sixteenths = rollGrid('1/16', { tempo: 120 }, 0);
    expect(gridTravel(sixteenths, 1, 0.1, false)).toBe(0);
    expect(gridTravel(sixteenths, 1, 0.2, false)).toBe(0.25);
    expect(gridTravel(sixteenths, 1.05, 0.49, false)).toBe(0.5);
    expect(gridTravel(sixteenths, 1.05, 0.49, true)).toBe(0.49);
    // By bars across a meter change (song bar 2 in 6/8 from beat 8; the pattern starts on beat 4): a 4/4 bar's note moves 4 beats onto the 6/8 bar, then 3.
    const bars = rollGrid('bar', { tempo: 120, meterChanges: [{ bar: 2, timeSignature: [6, 8] }] }, 4);
    expect(gridTravel(bars, 0, 3.9, false)).toBe(4);
    expect(gridTravel(bars, 4, 3.2, false)).toBe(3);
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

function rollGrid(setting: SnapSetting, song: TimeMap, origin: number): RollGrid {
  return { snap: (beat, rounding) => snapInPattern(beat, setting, song, origin, rounding), step: (beat) => gridStepAt(beat, setting, song, origin) };
}
