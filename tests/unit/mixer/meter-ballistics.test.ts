import { describe, expect, it } from 'vitest';
import { MeterBallistics } from '../../../renderer/ui/mixer/meter-ballistics';

const db = (value: number) => 10 ** (value / 20);

describe('meter ballistics', () => {
  it('holds the recent peak for 1.5 s, then lets it fall 20 dB/s to the level', () => {
    const meter = new MeterBallistics();
    meter.update(0, [db(-6), db(-12)], [0, 0]);
    expect(meter.holdDb[0]).toBeCloseTo(-6, 6);
    meter.update(1.4, [db(-30), db(-30)], [0, 0]);
    expect(meter.holdDb[0]).toBeCloseTo(-6, 6);
    meter.update(1.75, [db(-30), db(-30)], [0, 0]);
    expect(meter.holdDb[0]).toBeCloseTo(-11, 6);
    meter.update(2, [db(-30), db(-30)], [0, 0]);
    expect(meter.holdDb[0]).toBeCloseTo(-16, 6);
    meter.update(5, [db(-30), db(-30)], [0, 0]);
    expect(meter.holdDb[0]).toBeCloseTo(-30, 6);
    meter.update(5.1, [db(-3), db(-30)], [0, 0]);
    expect(meter.holdDb[0]).toBeCloseTo(-3, 6);
  });

  it('lights the clip indicator at full scale, from the peaks or the engine’s held peaks, until reset', () => {
    const meter = new MeterBallistics();
    meter.update(0, [0.5, 0.99], [0, 0]);
    expect(meter.clipped).toBe(false);
    meter.update(0.1, [0.5, 0.5], [0.5, 1.2]);
    expect(meter.clipped).toBe(true);
    meter.update(10, [0.01, 0.01], [0, 0]);
    expect(meter.clipped).toBe(true);
    expect(meter.highest).toBe(1.2);
    meter.reset();
    expect(meter.clipped).toBe(false);
    expect(meter.holdDb).toEqual([-120, -120]);
  });
});
