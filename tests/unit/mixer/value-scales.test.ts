import { describe, expect, it } from 'vitest';
import { keyedValue } from '../../../renderer/ui/value-scale';
import { gainScale, panScale } from '../../../renderer/ui/mixer/value-scales';

describe('gain scale keys', () => {
  it('steps 0.5 dB (Shift 0.1 dB) in the mixing range, on the grid', () => {
    expect(keyedValue(gainScale, 0, 'ArrowUp', false)).toBe(0.5);
    expect(keyedValue(gainScale, -3.2, 'ArrowDown', false)).toBe(-3.5);
    expect(keyedValue(gainScale, -3.2, 'ArrowDown', true)).toBeCloseTo(-3.3, 10);
    expect(keyedValue(gainScale, 6, 'ArrowUp', false)).toBe(6);
    expect(keyedValue(gainScale, 20, 'ArrowRight', false)).toBe(6);
  });

  it('moves along the travel below −40 dB, so silence is a few presses away, and back', () => {
    let db = -40;
    let presses = 0;
    while (db > gainScale.min && presses < 50) {
      db = keyedValue(gainScale, db, 'ArrowDown', false) ?? db;
      presses++;
    }
    expect(db).toBe(-144);
    expect(presses).toBeLessThan(10);
    const up = keyedValue(gainScale, -144, 'ArrowUp', false) ?? -144;
    expect(up).toBeGreaterThan(-144);
    expect(up).toBeLessThan(-40);
  });

  it('pages a tenth of the travel and goes to the ends with Home and End', () => {
    expect(keyedValue(gainScale, 0, 'PageDown', false)).toBe(-3.3);
    expect(keyedValue(gainScale, 0, 'Home', false)).toBe(-144);
    expect(keyedValue(gainScale, 0, 'End', false)).toBe(6);
    expect(keyedValue(gainScale, 0, 'Enter', false)).toBeNull();
  });
});

describe('pan scale', () => {
  it('maps −1…+1 evenly onto the travel, in whole percent', () => {
    expect(panScale.toPosition(0)).toBe(0.5);
    expect(panScale.toPosition(-1)).toBe(0);
    expect(panScale.fromPosition(0.625)).toBe(0.25);
    expect(panScale.fromPosition(2)).toBe(1);
  });

  it('steps 5 % (Shift 1 %) and pages 25 %, clamped', () => {
    expect(keyedValue(panScale, 0, 'ArrowRight', false)).toBe(0.05);
    expect(keyedValue(panScale, 0, 'ArrowLeft', true)).toBe(-0.01);
    expect(keyedValue(panScale, 0.9, 'PageUp', false)).toBe(1);
    expect(keyedValue(panScale, -0.3, 'Home', false)).toBe(-1);
  });
});
