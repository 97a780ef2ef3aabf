import { describe, expect, it } from 'vitest';
import { channelParams, deviceCatalog } from '../../../src/devices/catalog';
import { thinRecording, writeRecordedStretch, type RecordedStretch, type RecordedValue } from '../../../src/model/automation-write';
import { laneValueAt } from '../../../src/model/lane-values';
import { addAutomationPoint } from '../../../src/model/edits/automation-edits';
import type { Project } from '../../../src/model/project-schema';
import { deepFreeze, expectValid, project } from './edits/helpers';

const volumeSpec = channelParams[0];
const frequencySpec = deviceCatalog.eq.params.find((spec) => spec.taper === 'log' && spec.unit === 'Hz');
if (!frequencySpec) throw new Error('the EQ has a log-taper frequency');

/** A control moved 60 times a second at 120 BPM (a beat is 0.5 s): values from `shape(beat)`. */
function recorded(from: number, to: number, shape: (beat: number) => number): RecordedValue[] {
  const values: RecordedValue[] = [];
  for (let beat = from; beat <= to + 1e-9; beat += 1 / 30) values.push({ beat, value: shape(beat) });
  return values;
}

function stretch(values: readonly RecordedValue[], fields: Partial<RecordedStretch> = {}): RecordedStretch {
  return { target: 't1', param: 'gainDb', spec: volumeSpec, held: 0, from: values[0]?.beat ?? 0, to: values.at(-1)?.beat ?? 0, values, ...fields };
}

describe('thinning a recorded pass', () => {
  it('keeps a steady fade as its two ends and a held value as one stretch', () => {
    const fade = recorded(0, 8, (beat) => -beat * 3);
    expect(fade.length).toBeGreaterThan(200);
    expect(thinRecording(fade, volumeSpec)).toEqual([fade[0], fade.at(-1)]);
    expect(thinRecording(recorded(0, 4, () => -6), volumeSpec)).toHaveLength(2);
  });

  it('keeps any shape within 0.1 dB with far fewer points than were recorded', () => {
    const wobble = recorded(0, 8, (beat) => -12 + 6 * Math.sin(beat * 1.3) + 2 * Math.sin(beat * 5));
    const thinned = thinRecording(wobble, volumeSpec);
    expect(thinned.length).toBeLessThan(wobble.length / 3);
    const lane = thinned.map((point) => ({ ...point, curve: 'linear' as const }));
    for (const point of wobble) expect(Math.abs(laneValueAt(lane, volumeSpec, point.beat, 0) - point.value)).toBeLessThanOrEqual(0.1 + 1e-9);
  });

  it('measures a log-taper frequency by its position on the knob: within 0.5 % of the travel', () => {
    const sweep = recorded(0, 4, (beat) => 100 * Math.pow(100, beat / 4) * (1 + 0.05 * Math.sin(beat * 9)));
    const thinned = thinRecording(sweep, frequencySpec);
    const lane = thinned.map((point) => ({ ...point, curve: 'exponential' as const }));
    const position = (hz: number) => Math.log(hz / frequencySpec.min) / Math.log(frequencySpec.max / frequencySpec.min);
    for (const point of sweep) expect(Math.abs(position(laneValueAt(lane, frequencySpec, point.beat, 0)) - position(point.value))).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(thinned.length).toBeLessThan(sweep.length / 3);
  });
});

describe('writing a pass into a lane', () => {
  const withLane = (): Project => {
    let next = project();
    for (const [beat, value] of [[0, -12], [16, 0]] as const) next = addAutomationPoint(next, { target: 't1', param: 'gainDb' }, volumeSpec, beat, value).project;
    return deepFreeze(next);
  };

  it('replaces the lane inside the pass and leaves it exactly as it was outside', () => {
    const before = withLane();
    const pass = recorded(4, 8, (beat) => -20 + beat);
    const after = expectValid(writeRecordedStretch(before, stretch(pass)));
    const points = after.automation[0]?.points ?? [];
    const old = before.automation[0]?.points ?? [];
    for (const beat of [0, 1, 3.99, 8.01, 12, 16]) expect(laneValueAt(points, volumeSpec, beat, 0)).toBeCloseTo(laneValueAt(old, volumeSpec, beat, 0), 9);
    for (const beat of [4, 5.5, 7, 8 - 1e-6]) expect(laneValueAt(points, volumeSpec, beat, 0)).toBeCloseTo(-20 + beat, 1);
    expect(points.length).toBeLessThan(8);
  });

  it('creates the lane for a parameter that had none, back to the document value after the pass', () => {
    const after = expectValid(writeRecordedStretch(project(), stretch(recorded(2, 3, () => -6), { held: -1 })));
    const points = after.automation[0]?.points ?? [];
    expect(laneValueAt(points, volumeSpec, 1, -1)).toBe(-1);
    expect(laneValueAt(points, volumeSpec, 2.5, -1)).toBe(-6);
    expect(laneValueAt(points, volumeSpec, 4, -1)).toBe(-1);
  });

  it('changes nothing when nothing was recorded', () => {
    const before = project();
    expect(writeRecordedStretch(before, stretch([]))).toBe(before);
  });
});
