import { describe, expect, it } from 'vitest';
import { describeGain, describePan, formatGain, formatPan, parseGain, parsePan } from '../../../renderer/ui/mixer/channel-values';
import { faderDb, faderFloorDb, faderPosition, faderScaleMarks, faderTopDb } from '../../../renderer/ui/mixer/fader-taper';

describe('fader taper', () => {
  it('puts 0 dB at 78 % of the travel and the top at +6 dB, as Ardour does', () => {
    expect(faderPosition(faderTopDb)).toBe(1);
    expect(faderTopDb).toBe(6);
    expect(faderPosition(0)).toBeCloseTo(0.7825, 3);
    expect(faderPosition(-6)).toBeCloseTo(0.6075, 3);
    expect(faderPosition(-60)).toBeCloseTo(0.0396, 3);
    expect(faderPosition(faderFloorDb)).toBe(0);
    expect(faderPosition(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(faderPosition(Number.NaN)).toBe(0);
    expect(faderPosition(24)).toBe(1);
  });

  it('rises with the gain and maps back to the same gain', () => {
    let previous = -1;
    for (const mark of [...faderScaleMarks].reverse()) {
      const position = faderPosition(mark);
      expect(position).toBeGreaterThan(previous);
      previous = position;
      expect(faderDb(position)).toBeCloseTo(mark, 1);
    }
    expect(faderDb(0)).toBe(faderFloorDb);
    expect(faderDb(1.5)).toBe(faderTopDb);
    expect(faderDb(-1)).toBe(faderFloorDb);
    expect(faderDb(0.5)).toBe(-10.5);
  });
});

describe('gain text', () => {
  it('formats with a sign, one decimal and −∞ at the floor', () => {
    expect(formatGain(0)).toBe('0.0');
    expect(formatGain(-0.04)).toBe('0.0');
    expect(formatGain(-6)).toBe('−6.0');
    expect(formatGain(3.25)).toBe('+3.3');
    expect(formatGain(-144)).toBe('−∞');
    expect(describeGain(-6)).toBe('−6.0 dB');
    expect(describeGain(-144)).toBe('silent (−∞ dB)');
  });

  it('parses what people type', () => {
    expect(parseGain('-6')).toBe(-6);
    expect(parseGain(' −6.5 dB ')).toBe(-6.5);
    expect(parseGain('+3,5')).toBe(3.5);
    expect(parseGain('0')).toBe(0);
    expect(parseGain('.5db')).toBe(0.5);
    expect(parseGain('-inf')).toBe(faderFloorDb);
    expect(parseGain('−∞')).toBe(faderFloorDb);
    expect(parseGain('loud')).toBeNull();
    expect(parseGain('')).toBeNull();
    expect(parseGain('1e3')).toBeNull();
    expect(parseGain('--3')).toBeNull();
  });
});

describe('pan text', () => {
  it('formats as C, 25L, 100R', () => {
    expect(formatPan(0)).toBe('C');
    expect(formatPan(0.004)).toBe('C');
    expect(formatPan(-0.25)).toBe('25L');
    expect(formatPan(1)).toBe('100R');
    expect(describePan(-0.5)).toBe('50 % left');
    expect(describePan(0)).toBe('centre');
  });

  it('parses sides before or after, signed numbers and centre', () => {
    expect(parsePan('C')).toBe(0);
    expect(parsePan('centre')).toBe(0);
    expect(parsePan('25L')).toBe(-0.25);
    expect(parsePan('l 25')).toBe(-0.25);
    expect(parsePan('R100')).toBe(1);
    expect(parsePan('40 %')).toBe(0.4);
    expect(parsePan('−30')).toBe(-0.3);
    expect(parsePan('250r')).toBe(1);
    expect(parsePan('L25R')).toBeNull();
    expect(parsePan('L-25')).toBeNull();
    expect(parsePan('left')).toBeNull();
  });
});
