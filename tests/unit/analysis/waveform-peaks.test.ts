import { describe, expect, it } from 'vitest';
import { waveformPeaks } from '../../../src/analysis/waveform-peaks';

describe('waveformPeaks', () => {
  it('gives min/max pairs per bucket over all channels, as bytes scaled by 127', () => {
    const left = Float32Array.from([0, 0.5, -0.25, 1, -1, 0.1, 0, 0]);
    const right = Float32Array.from([0.2, 0, 0, 0, 0, 0, -0.5, 0.75]);
    expect([...waveformPeaks([left, right], 4)]).toEqual([0, 64, -32, 127, -127, 13, -64, 95]);
  });

  it('clamps overs and repeats frames when the sound is shorter than the buckets', () => {
    expect([...waveformPeaks([Float32Array.from([2, -3])], 4)]).toEqual([127, 127, 127, 127, -127, -127, -127, -127]);
  });

  it('is all zeros for an empty sound and refuses a bad bucket count', () => {
    expect([...waveformPeaks([new Float32Array(0)], 2)]).toEqual([0, 0, 0, 0]);
    expect(() => waveformPeaks([], 0)).toThrow(RangeError);
  });
});
