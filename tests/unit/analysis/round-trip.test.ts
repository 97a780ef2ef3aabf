import { describe, expect, it } from 'vitest';
import { calibrationClick, findClick } from '../../../src/analysis/round-trip';

describe('findClick', () => {
  const click = calibrationClick();

  it('finds a click delayed, quieter and under noise to the frame', () => {
    const recording = new Float32Array(24_000);
    let seed = 7;
    for (let i = 0; i < recording.length; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      recording[i] = (seed / 2 ** 31 - 0.5) * 0.02;
    }
    for (let i = 0; i < click.length; i++) recording[1_237 + i] = (recording[1_237 + i] as number) + (click[i] as number) * 0.3;
    expect(findClick(recording, click)).toBe(1_237);
  });

  it('answers null for a recording of silence (no cable)', () => {
    expect(findClick(new Float32Array(4_800), click)).toBeNull();
  });
});
