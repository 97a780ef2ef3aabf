import { describe, expect, it } from 'vitest';
import { bpmToY, tempoCurvePoints, tempoLaneHeight, tempoRange } from '../../../renderer/ui/timeline/tempo-lane-geometry';

describe('the tempo lane', () => {
  it('draws a jump as a step and a ramp as a slope, on to the end of the lanes', () => {
    const changes = [
      { beat: 4, bpm: 100, ramp: false },
      { beat: 8, bpm: 140, ramp: true },
    ];
    const range = tempoRange(120, changes);
    const y = (bpm: number) => bpmToY(bpm, range);
    expect(tempoCurvePoints(120, changes, 16, 10)).toBe(`0,${y(120)} 40,${y(120)} 40,${y(100)} 80,${y(140)} 160,${y(140)}`);
  });

  it('spans every tempo of the song within the lane, at least 20 BPM wide', () => {
    const range = tempoRange(90, [{ beat: 2, bpm: 180, ramp: false }]);
    expect(bpmToY(180, range)).toBeGreaterThan(0);
    expect(bpmToY(90, range)).toBeLessThan(tempoLaneHeight);
    expect(bpmToY(180, range)).toBeLessThan(bpmToY(90, range));
    expect(tempoRange(120, [])).toEqual({ low: 110, high: 130 });
  });
});
