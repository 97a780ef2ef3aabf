import { describe, expect, it } from 'vitest';
import { channelParams } from '../../../src/devices/catalog';
import { Engine } from '../../../src/engine/engine';
import { SafetyStage } from '../../../src/engine/safety-stage';
import { createChannel } from '../../../src/model/new-track';
import type { Bus, Device } from '../../../src/model/project-schema';
import { blockFrames, channelMeterIndex, safetyReasons, statusSlots } from '../../../src/protocol/engine';
import { clip, constant, engineWith, nonZero, rate, render, status, timeline120, track } from './engine-harness';

const bus = (id: string, channel: Partial<Bus['channel']> = {}): Bus => ({ id, name: id, colour: '#000000', channel: { ...createChannel(), ...channel } });
const limiter = (id: string, ceilingDb = -1): Device => ({ id, type: 'limiter', bypass: false, params: { ceilingDb, releaseMs: 50 } });
const utility = (id: string, params: Partial<Record<string, number>> = {}): Device => ({
  id,
  type: 'utility',
  bypass: false,
  params: { gainDb: 0, pan: 0, width: 100, mono: 0, invertLeft: 0, invertRight: 0, ...params } as Record<string, number>,
});

describe('parameters travel on their own path, smoothed', () => {
  it('ramps a fader change over its smoothing time: no step larger than the slope, the target reached on time', () => {
    const engine = engineWith({ dc: { planes: [constant(4 * rate, 1)] } }, [track('t', [clip('dc', { length: 8 })])]);
    render(engine, 1024);
    engine.command({ type: 'set-param', target: 't', param: 'gainDb', value: -24 });
    const [left] = render(engine, 4096);
    const smoothingFrames = ((channelParams.find((spec) => spec.id === 'gainDb')?.smoothingMs ?? 0) * rate) / 1000;
    // The ramp moves 24 dB over the smoothing time; its steepest frame is the first, from unity:
    // 1 − 10^(−slope/20). A jump (the engine before parameters were smoothed) would step by 0.94.
    const slopeDb = 24 / smoothingFrames;
    const allowed = 1 - 10 ** (-slopeDb / 20);
    let largest = 0;
    for (let i = 1; i < left.length; i++) largest = Math.max(largest, Math.abs((left[i] ?? 0) - (left[i - 1] ?? 0)));
    expect(largest).toBeLessThanOrEqual(allowed);
    expect(largest).toBeGreaterThan(0);
    expect(left[0]).toBeLessThan(1);
    expect(left[Math.ceil(smoothingFrames / blockFrames) * blockFrames]).toBeCloseTo(10 ** (-24 / 20), 6);
    expect(left[4095]).toBeCloseTo(10 ** (-24 / 20), 6);
  });

  it('fades a mute in and out instead of cutting', () => {
    const engine = engineWith({ dc: { planes: [constant(rate, 0.5)] } }, [track('t', [clip('dc', { length: 4 })])]);
    render(engine, 256);
    engine.command({ type: 'set-param', target: 't', param: 'mute', value: 1 });
    const [left] = render(engine, 1024);
    expect(left[0]).toBeGreaterThan(0.49);
    expect(left[100]).toBeGreaterThan(0);
    expect(left[100]).toBeLessThan(0.5);
    expect(left[1023]).toBe(0);
  });

  it('moves a send level and a device parameter with set-param, and ignores unknown targets', () => {
    const engine = engineWith({ dc: { planes: [constant(rate, 0.5)] } }, [track('t', [clip('dc', { length: 4 })], { inserts: [utility('u')] })]);
    render(engine, 256);
    engine.command({ type: 'set-param', target: 'u', param: 'gainDb', value: -6.0206 });
    engine.command({ type: 'set-param', target: 'nobody', param: 'gainDb', value: 3 });
    const [left] = render(engine, 4096);
    expect(left[4095]).toBeCloseTo(0.25, 4);
  });
});

describe('the channel graph', () => {
  it('routes tracks through buses to the master, with pre- and post-fader sends', () => {
    const samples = { a: { planes: [constant(rate, 0.5)] } };
    const tracks = [
      track('t', [clip('a', { length: 4 })], { gainDb: -144, output: 'b1', sends: [{ id: 'pre', target: 'b2', levelDb: -6.0206, tap: 'pre' }, { id: 'post', target: 'b2', levelDb: 0, tap: 'post' }] }),
    ];
    const engine = engineWith(samples, tracks, timeline120, rate, { buses: [bus('b1'), bus('b2', { gainDb: -6.0206 })] });
    const [left] = render(engine, 512);
    // Fader at −144 dB: the output and the post send are all but silent; the pre send carries 0.25, and b2 halves it.
    expect(left[500]).toBeCloseTo(0.125, 4);
  });

  it('solos a bus: the tracks that feed it sound, the others do not', () => {
    const samples = { a: { planes: [constant(rate, 0.25)] }, b: { planes: [constant(rate, 0.5)] } };
    const tracks = [track('ta', [clip('a')], { output: 'b1' }), track('tb', [clip('b')])];
    const engine = engineWith(samples, tracks, timeline120, rate, { buses: [bus('b1', { solo: true })] });
    expect(render(engine, 256)[0][200]).toBe(0.25);
  });

  it('solos a track dry: an effect return fed by its send is silent unless solo safe, its group bus carries it, a solo-safe track keeps sounding', () => {
    // 'a' (0.25) goes to a group bus and sends to a return bus; 'b' (0.5) goes to the master; 'c' (0.125) too.
    const samples = { a: { planes: [constant(rate, 0.25)] }, b: { planes: [constant(rate, 0.5)] }, c: { planes: [constant(rate, 0.125)] } };
    const send = { id: 'fx', target: 'ret', levelDb: 0, tap: 'post' as const };
    const mix = (soloSafeReturn: boolean, soloSafeTrack: boolean) => {
      const tracks = [track('ta', [clip('a')], { solo: true, output: 'grp', sends: [send] }), track('tb', [clip('b')], { soloSafe: soloSafeTrack }), track('tc', [clip('c')])];
      const engine = engineWith(samples, tracks, timeline120, rate, { buses: [bus('grp'), bus('ret', { soloSafe: soloSafeReturn })] });
      return render(engine, 256)[0][200];
    };
    expect(mix(false, false)).toBe(0.25);
    expect(mix(true, false)).toBe(0.5);
    expect(mix(false, true)).toBe(0.75);
    // With nothing soloed, solo safe changes nothing.
    const tracks = [track('ta', [clip('a')], { sends: [send] }), track('tb', [clip('b')])];
    for (const soloSafe of [false, true]) expect(render(engineWith(samples, tracks, timeline120, rate, { buses: [bus('ret', { soloSafe })] }), 256)[0][200]).toBe(1);
  });

  it('keeps a track with a limiter and a dry track of the same click sample-aligned at the master', () => {
    const click = Float32Array.of(0.5);
    const tracks = [track('wet', [clip('c', { start: 1, length: 0.5 })], { inserts: [limiter('d1')] }), track('dry', [clip('c', { start: 1, length: 0.5 })])];
    const engine = engineWith({ c: { planes: [click] } }, tracks, timeline120, rate, {});
    const latency = engine.outputLatency;
    expect(latency).toBe(Math.round(0.0015 * rate));
    const [left] = render(engine, rate);
    // Both clicks land on the same frame, the beat's frame delayed by the limiter's lookahead: one sample, twice as loud.
    expect(nonZero(left)).toEqual([rate / 2 + latency]);
    expect(left[rate / 2 + latency]).toBeCloseTo(1, 6);
  });

  it('aligns a send through a limiter bus with the dry path, and a bypassed limiter keeps its latency', () => {
    const click = Float32Array.of(0.25);
    for (const bypass of [false, true]) {
      const tracks = [track('t', [clip('c', { start: 1, length: 0.5 })], { sends: [{ id: 's', target: 'b', levelDb: 0, tap: 'post' }] })];
      const engine = engineWith({ c: { planes: [click] } }, tracks, timeline120, rate, { buses: [bus('b', { inserts: [{ ...limiter('d'), bypass }] })] });
      const [left] = render(engine, rate);
      expect(nonZero(left)).toEqual([rate / 2 + engine.outputLatency]);
      expect(left[rate / 2 + engine.outputLatency]).toBeCloseTo(0.5, 6);
    }
  });

  it('reports the playhead as heard: the latency taken off', () => {
    const engine = engineWith({}, [], timeline120, rate, { master: { gainDb: 0, pan: 0, inserts: [limiter('d')] } });
    render(engine, 1024);
    expect(status(engine)[statusSlots.playheadFrame]).toBe(1024 - engine.outputLatency);
    expect(status(engine)[statusSlots.outputLatencyFrames]).toBe(engine.outputLatency);
  });

  it('meters buses and reports gain reduction of a channel inserts', () => {
    const loud = constant(rate, 0.9);
    const engine = engineWith({ a: { planes: [loud] } }, [track('t', [clip('a')], { output: 'b' })], timeline120, rate, { buses: [bus('b', { inserts: [limiter('d', -12)] })] });
    render(engine, 4096);
    const s = status(engine);
    // Meter order: master, the track, the bus.
    expect(s[channelMeterIndex(1, 'peakLeft')]).toBeCloseTo(0.9, 3);
    expect(s[channelMeterIndex(2, 'peakLeft')]).toBeLessThan(10 ** (-11.9 / 20));
    expect(s[channelMeterIndex(2, 'gainReductionDb')]).toBeLessThan(-8);
  });

  it('applies the Utility: width 0 is mono, invert flips one side', () => {
    const engine = engineWith({ s: { planes: [constant(rate, 0.5), constant(rate, 0.1)] } }, [track('t', [clip('s')], { inserts: [utility('u', { width: 0, invertRight: 1 })] })]);
    const [left, right] = render(engine, 256);
    expect(left[200]).toBeCloseTo(0.3, 6);
    expect(right[200]).toBeCloseTo(-0.3, 6);
  });
});

describe('the output safety stage', () => {
  it('mutes a NaN or a runaway block at once, names the channel, then fades back after a quarter second', () => {
    const safety = new SafetyStage(rate);
    const left = new Float32Array(blockFrames).fill(0.5);
    const right = new Float32Array(blockFrames).fill(0.5);
    left[10] = Number.NaN;
    safety.process(left, right, blockFrames, 3);
    expect(Array.from(left).every((x) => x === 0)).toBe(true);
    expect([safety.trips, safety.channel, safety.reason]).toEqual([1, 3, safetyReasons.notANumber]);
    let frames = blockFrames;
    let firstSound = -1;
    while (frames < rate) {
      left.fill(0.5);
      right.fill(0.5);
      safety.process(left, right, blockFrames, -1);
      const index = left.findIndex((x) => x > 0);
      if (firstSound < 0 && index >= 0) firstSound = frames + index;
      frames += blockFrames;
    }
    expect(firstSound).toBeGreaterThanOrEqual(0.25 * rate);
    expect(firstSound).toBeLessThan(0.25 * rate + blockFrames + 1);
    left.fill(40);
    safety.process(left, right, blockFrames, 0);
    expect([safety.trips, safety.reason]).toEqual([2, safetyReasons.runaway]);
  });

  it('finds the channel whose output went bad, upstream first', () => {
    const engine = new Engine(rate);
    const blast = constant(rate, 1000);
    const runaway = engineWith({ x: { planes: [blast] } }, [track('quiet', []), track('loud', [clip('x')])]);
    render(runaway, 256);
    expect(runaway.faultyChannel).toBe(2);
    expect(engine.faultyChannel).toBe(-1);
  });
});
