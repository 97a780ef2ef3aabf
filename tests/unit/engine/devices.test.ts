import { describe, expect, it } from 'vitest';
import { defaultParams, deviceTypes, type DeviceType } from '../../../src/devices/catalog';
import { noteValueIndex } from '../../../src/devices/effects/note-values';
import { eqFromParams } from '../../../src/engine/devices/eq-device';
import { createDeviceProcessor } from '../../../src/engine/devices/registry';
import { createChannel } from '../../../src/model/new-track';
import type { Bus, Device } from '../../../src/model/project-schema';
import { channelMeterIndex } from '../../../src/protocol/engine';
import { clip, constant, engineWith, nonZero, rate, render, status, timeline120, track } from './engine-harness';

/**
 * Every stock device is registered and does what it says through the whole engine: a clip plays
 * into a track, the device sits on the track (or a bus), and the master's output is measured.
 */
const device = (type: DeviceType, params: Record<string, number> = {}, extra: Partial<Device> = {}): Device => ({
  id: `d-${type}`,
  type,
  bypass: false,
  params: { ...defaultParams(type), ...params },
  ...extra,
});
const sine = (hz: number, amplitude: number, seconds = 2) => Float32Array.from({ length: seconds * rate }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
const rms = (x: Float32Array, from: number, to: number) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (x[i] ?? 0) ** 2;
  return Math.sqrt(sum / (to - from));
};
const db = (ratio: number) => 20 * Math.log10(ratio);

/** The master's left output for a sine clip through `inserts` on its track. */
function through(inserts: Device[], source: Float32Array, frames = rate): Float32Array {
  const engine = engineWith({ s: { planes: [source] } }, [track('t', [clip('s', { length: 8 })], { inserts })]);
  return render(engine, frames)[0];
}

describe('stock devices in the engine', () => {
  it('has a processor for every catalog type', () => {
    for (const type of deviceTypes) expect(createDeviceProcessor(type, rate).latencyFrames, type).toBeGreaterThanOrEqual(0);
  });

  it('EQ: a −12 dB bell at 1 kHz takes 12 dB off a 1 kHz sine, other frequencies follow the drawn curve; bypass restores it', () => {
    const cut = device('eq', { p2Hz: 1000, p2GainDb: -12, p2Q: 1 });
    const curve = eqFromParams(rate, cut.params);
    expect(curve.magnitudeDb(1000)).toBeCloseTo(-12, 6);
    for (const hz of [100, 1000, 3000]) {
      const dry = through([], sine(hz, 0.5));
      const wet = through([cut], sine(hz, 0.5));
      expect(db(rms(wet, rate / 2, rate) / rms(dry, rate / 2, rate))).toBeCloseTo(curve.magnitudeDb(hz), 1);
    }
    const bypassed = through([{ ...cut, bypass: true }], sine(1000, 0.5));
    expect(bypassed).toEqual(through([], sine(1000, 0.5)));
  });

  it('EQ: a 48 dB/oct high-pass at 400 Hz removes a 100 Hz sine', () => {
    const wet = through([device('eq', { hpOn: 1, hpHz: 400, hpSlope: 2 })], sine(100, 0.5));
    const dry = through([], sine(100, 0.5));
    expect(db(rms(wet, rate / 2, rate) / rms(dry, rate / 2, rate))).toBeLessThan(-45);
  });

  it('compressor: 4:1 above −30 dB, hard knee, brings a −6 dBFS sine to about −24 dBFS and meters the reduction', () => {
    const settings = { thresholdDb: -30, ratio: 4, kneeDb: 0, attackMs: 1, releaseMs: 50 };
    const engine = engineWith({ s: { planes: [sine(1000, 0.5)] } }, [track('t', [clip('s', { length: 8 })], { inserts: [device('compressor', settings)] })]);
    const [wet] = render(engine, rate);
    const dry = through([], sine(1000, 0.5));
    // Peak levels of the sine before and after (the pan law already applied to both): T + (in − T) / R.
    const inputDb = db(rms(dry, rate / 2, rate) * Math.SQRT2);
    const outputDb = db(rms(wet, rate / 2, rate) * Math.SQRT2);
    expect(outputDb).toBeCloseTo(-30 + (inputDb + 30) / 4, 0);
    expect(status(engine)[channelMeterIndex(1, 'gainReductionDb')]).toBeLessThan(-10);
  });

  it('compressor with a sidechain: a quiet pad ducks under a loud kick on another track, listed after it', () => {
    const key = (sidechain?: string) => device('compressor', { thresholdDb: -30, ratio: 10, kneeDb: 0, attackMs: 0.1, releaseMs: 20 }, sidechain ? { sidechain } : {});
    const padOnly = (sidechain?: string) => {
      const engine = engineWith({ pad: { planes: [sine(220, 0.02)] }, kick: { planes: [constant(rate, 0.9)] } }, [
        track('pad', [clip('pad', { length: 8 })], { inserts: [key(sidechain)] }),
        // The kick itself is not heard: it feeds a muted bus (its own fader, which the key follows, stays up).
        track('kick', [clip('kick', { length: 8 })], { output: 'silent' }),
      ], timeline120, rate, { buses: [{ id: 'silent', name: 'Silent', colour: '#000000', channel: { ...createChannel(), mute: true } }] });
      return render(engine, rate)[0];
    };
    const plain = rms(padOnly(), rate / 2, rate);
    const ducked = rms(padOnly('kick'), rate / 2, rate);
    // The pad alone (−34 dBFS) sits below the threshold: untouched. Keyed by the kick, it is pushed down hard.
    expect(db(ducked / plain)).toBeLessThan(-20);
  });

  it('reverb: an impulse leaves a tail; at mix 0 it does not', () => {
    const impulse = new Float32Array(rate).fill(0);
    impulse[0] = 1;
    const wet = through([device('reverb', { mix: 100, decayS: 1 })], impulse);
    const dry = through([device('reverb', { mix: 0 })], impulse);
    expect(rms(wet, rate / 10, rate / 5)).toBeGreaterThan(1e-3);
    expect(nonZero(dry)).toEqual([0]);
  });

  it('delay: a synced quarter note follows the tempo to the frame (0.5 s at 120 BPM, 0.4 s at 150)', () => {
    const impulse = new Float32Array(rate).fill(0);
    impulse[0] = 1;
    for (const tempo of [120, 150]) {
      const params = { sync: 1, noteValue: noteValueIndex('1/4'), feedback: 0, filterOn: 0, mix: 50 };
      const engine = engineWith({ s: { planes: [impulse] } }, [track('t', [clip('s', { length: 8 })], { inserts: [device('delay', params)] })], { ...timeline120, tempo });
      const [left] = render(engine, rate);
      expect(nonZero(left)).toEqual([0, Math.round((60 / tempo) * rate)]);
    }
  });

  it('saturation squares a sine off; the bitcrusher leaves only its bit grid', () => {
    const hot = through([device('saturation', { driveDb: 24, mix: 100 })], sine(100, 0.5));
    const crest = Math.max(...hot.subarray(rate / 2)) / rms(hot, rate / 2, rate);
    expect(crest).toBeLessThan(1.2); // a sine's crest is 1.41, a square's 1
    const crushed = through([device('bitcrusher', { bits: 2, mix: 100 })], sine(100, 0.5));
    expect(new Set(crushed.subarray(rate / 2)).size).toBeLessThanOrEqual(4);
  });

  it('filter: a 200 Hz low-pass takes a 5 kHz sine far down; its LFO sweeps with the transport, the same at any tempo position', () => {
    const dry = through([], sine(5000, 0.5));
    const wet = through([device('filter', { mode: 0, cutoffHz: 200 })], sine(5000, 0.5));
    expect(db(rms(wet, rate / 2, rate) / rms(dry, rate / 2, rate))).toBeLessThan(-40);
    // The LFO is read from the beat: two engines rendering the same frames in different block sizes agree bit for bit.
    const swept = (block: number) => {
      const engine = engineWith({ s: { planes: [sine(3000, 0.5)] } }, [track('t', [clip('s', { length: 8 })], { inserts: [device('filter', { cutoffHz: 1000, lfoNote: 8, lfoDepth: 2 })] })]);
      return render(engine, rate / 2, block)[0];
    };
    expect(swept(128)).toEqual(swept(100));
  });

  it('chorus: at mix 0 the input passes bit for bit; wet, it moves the signal', () => {
    const source = sine(440, 0.5);
    expect(through([device('chorus', { mix: 0 })], source)).toEqual(through([], source));
    const wet = through([device('chorus', { mix: 100, depthMs: 10 })], source);
    const dry = through([], source);
    let difference = 0;
    for (let i = rate / 2; i < rate; i++) difference += ((wet[i] ?? 0) - (dry[i] ?? 0)) ** 2;
    expect(Math.sqrt(difference / (rate / 2))).toBeGreaterThan(0.05);
  });

  it('a device on a bus processes what the tracks send it', () => {
    const impulse = new Float32Array(rate).fill(0);
    impulse[0] = 1;
    const verb: Bus = { id: 'verb', name: 'Verb', colour: '#000000', channel: { ...createChannel(), inserts: [device('reverb', { mix: 100 })] } };
    const engine = engineWith({ s: { planes: [impulse] } }, [track('t', [clip('s', { length: 8 })], { sends: [{ id: 'x', target: 'verb', levelDb: 0, tap: 'post' }] })], timeline120, rate, { buses: [verb] });
    const [left] = render(engine, rate);
    expect(rms(left, rate / 10, rate / 5)).toBeGreaterThan(1e-3);
  });
});
