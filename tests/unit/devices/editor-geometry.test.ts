import { describe, expect, it } from 'vitest';
import { deviceCatalog, defaultParams, findParam } from '../../../src/devices/catalog';
import { bandHandles, dbAtY, hzAtX, responsePoints, xOfHz, yOfDb } from '../../../renderer/ui/devices/eq-curve';
import { paramScale } from '../../../renderer/ui/devices/param-scale';

const box = { width: 600, height: 200 };

describe('the EQ curve', () => {
  it('maps frequency to x on a log axis and gain to y, both ways', () => {
    expect(xOfHz(20, box)).toBeCloseTo(0, 9);
    expect(xOfHz(20_000, box)).toBeCloseTo(600, 9);
    expect(xOfHz(632.46, box)).toBeCloseTo(300, 2); // the geometric middle
    expect(hzAtX(xOfHz(1234, box), box)).toBeCloseTo(1234, 6);
    expect(yOfDb(0, box)).toBe(100);
    expect(yOfDb(24, box)).toBe(0);
    expect(dbAtY(yOfDb(-7.5, box), box)).toBeCloseTo(-7.5, 9);
  });

  it('draws the response the engine runs: a +6 dB, Q 1 bell at 1 kHz peaks at 1 kHz, 6 dB up; flat settings draw a flat line', () => {
    const params = { ...defaultParams('eq'), p2Hz: 1000, p2GainDb: 6, p2Q: 1 };
    const points = responsePoints(params, 48_000, box, 601);
    const peak = points.reduce((best, point) => (point.db > best.db ? point : best));
    expect(peak.db).toBeCloseTo(6, 1);
    expect(hzAtX(peak.x, box)).toBeGreaterThan(950);
    expect(hzAtX(peak.x, box)).toBeLessThan(1050);
    expect(peak.y).toBeCloseTo(yOfDb(6, box), 0);
    expect(responsePoints(defaultParams('eq'), 48_000, box).every((point) => Math.abs(point.db) < 1e-9)).toBe(true);
  });

  it('puts a handle per band at its frequency and gain, the cuts on the 0 dB line, and marks bands that are off', () => {
    const handles = bandHandles({ ...defaultParams('eq'), p3Hz: 2000, p3GainDb: -12, hpOn: 1, hpHz: 80 }, box);
    expect(handles.map((handle) => handle.prefix)).toEqual(['hp', 'ls', 'p1', 'p2', 'p3', 'p4', 'hs', 'lp']);
    const p3 = handles.find((handle) => handle.prefix === 'p3');
    expect(p3).toMatchObject({ hzParam: 'p3Hz', gainParam: 'p3GainDb', on: true, x: xOfHz(2000, box), y: yOfDb(-12, box) });
    expect(handles[0]).toMatchObject({ gainParam: null, on: true, x: xOfHz(80, box), y: yOfDb(0, box) });
    expect(handles[7]?.on).toBe(false);
  });
});

describe('a device knob’s travel', () => {
  const spec = (type: keyof typeof deviceCatalog, id: string) => findParam(deviceCatalog[type].params, id)!;

  it('moves a log parameter evenly in ratios and a linear one evenly', () => {
    const hz = paramScale(spec('eq', 'p2Hz'));
    expect(hz.toPosition(632.46)).toBeCloseTo(0.5, 4);
    expect(hz.fromPosition(hz.toPosition(440))).toBeCloseTo(440, 6);
    const gain = paramScale(spec('eq', 'p2GainDb'));
    expect(gain.toPosition(0)).toBe(0.5);
    expect(gain.step(0, 1, false)).toBeCloseTo(0.48, 9);
    expect(gain.step(0, -1, true)).toBeCloseTo(-0.048, 9);
    expect(gain.page(24, 1)).toBe(24);
    expect(gain.default).toBe(0);
  });

  it('steps a choice one option at a time', () => {
    const slope = paramScale(spec('eq', 'hpSlope'));
    expect(slope.step(0, 1, false)).toBe(1);
    expect(slope.step(2, 1, true)).toBe(2);
    expect(slope.fromPosition(0.9)).toBe(2);
  });
});
