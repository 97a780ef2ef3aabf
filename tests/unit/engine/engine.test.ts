import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine';
import { createStatusBuffer, statusSlots, type SharedSample } from '../../../src/protocol/engine';

const block = 128;

function sharedSample(sampleId: string, sampleRate: number, planes: Float32Array[]): SharedSample {
  const frames = planes[0]?.length ?? 0;
  const pcm = new SharedArrayBuffer(frames * planes.length * 4);
  planes.forEach((plane, c) => new Float32Array(pcm, c * frames * 4, frames).set(plane));
  return { sampleId, sampleRate, frames, channelCount: planes.length, pcm };
}

/** Renders `blocks` blocks and returns the concatenated output. */
function renderBlocks(engine: Engine, blocks: number): [Float32Array, Float32Array] {
  const left = new Float32Array(blocks * block);
  const right = new Float32Array(blocks * block);
  const l = new Float32Array(block);
  const r = new Float32Array(block);
  for (let b = 0; b < blocks; b++) {
    engine.render(l, r, block);
    left.set(l, b * block);
    right.set(r, b * block);
  }
  return [left, right];
}

describe('engine (first cut: one cued sample on the transport)', () => {
  it('is silent until play, then plays the cued sample from frame 0, sample for sample', () => {
    const engine = new Engine(48_000);
    const ramp = Float32Array.from({ length: 300 }, (_, i) => (i + 1) / 1000);
    engine.command({ type: 'add-sample', sample: sharedSample('ramp', 48_000, [ramp, ramp.map((x) => -x)]) });
    engine.command({ type: 'cue', sampleId: 'ramp' });
    expect(renderBlocks(engine, 2)[0].every((x) => x === 0)).toBe(true);
    engine.command({ type: 'play' });
    const [left, right] = renderBlocks(engine, 4);
    expect(Array.from(left.subarray(0, 300))).toEqual(Array.from(ramp));
    expect(Array.from(right.subarray(0, 300))).toEqual(Array.from(ramp.map((x) => -x)));
    expect(left.subarray(300).every((x) => x === 0)).toBe(true);
  });

  it('feeds a mono sample to both channels and keeps time across stop, seek and play', () => {
    const engine = new Engine(48_000);
    const mono = Float32Array.from({ length: 1024 }, (_, i) => i / 1024);
    engine.command({ type: 'add-sample', sample: sharedSample('m', 48_000, [mono]) });
    engine.command({ type: 'cue', sampleId: 'm' });
    engine.command({ type: 'play' });
    renderBlocks(engine, 2);
    engine.command({ type: 'stop' });
    renderBlocks(engine, 3);
    const status = new Float64Array(createStatusBuffer());
    engine.writeStatus(status);
    expect(status[statusSlots.playheadFrame]).toBe(256);
    expect(status[statusSlots.playing]).toBe(0);
    expect(status[statusSlots.blocksRendered]).toBe(5);
    engine.command({ type: 'seek', frame: 512 });
    engine.command({ type: 'play' });
    const [left, right] = renderBlocks(engine, 1);
    expect(left[0]).toBe(mono[512]);
    expect(right[5]).toBe(mono[517]);
  });

  it('plays a source of another rate at the right pitch and length', () => {
    const engine = new Engine(48_000);
    const source = new Float32Array(44_100).fill(0.5);
    engine.command({ type: 'add-sample', sample: sharedSample('cd', 44_100, [source]) });
    engine.command({ type: 'cue', sampleId: 'cd' });
    engine.command({ type: 'play' });
    const [left] = renderBlocks(engine, 400);
    const lastSounding = left.findLastIndex((x) => x !== 0);
    // One second of 44.1 kHz audio lasts 48,000 frames at 48 kHz.
    expect(Math.abs(lastSounding + 1 - 48_000)).toBeLessThanOrEqual(1);
  });

  it('meters the output: peak, RMS and a peak hold that play resets', () => {
    const engine = new Engine(48_000);
    const amplitude = 0.25;
    const sine = Float32Array.from({ length: 3 * 48_000 }, (_, i) => amplitude * Math.sin((2 * Math.PI * 1000 * i) / 48_000));
    engine.command({ type: 'add-sample', sample: sharedSample('sine', 48_000, [sine, sine]) });
    engine.command({ type: 'cue', sampleId: 'sine' });
    engine.command({ type: 'play' });
    // 2.7 s: many times the 300 ms RMS window, so the average has settled.
    renderBlocks(engine, 1000);
    const status = new Float64Array(createStatusBuffer());
    engine.writeStatus(status);
    expect(status[statusSlots.peakLeft]).toBeCloseTo(amplitude, 3);
    expect(status[statusSlots.rmsRight]).toBeCloseTo(amplitude / Math.SQRT2, 2);
    expect(status[statusSlots.peakHoldLeft]).toBeCloseTo(amplitude, 3);
    engine.command({ type: 'stop' });
    renderBlocks(engine, 400);
    engine.writeStatus(status);
    expect(status[statusSlots.peakLeft]).toBeLessThan(amplitude / 2);
    expect(status[statusSlots.peakHoldLeft]).toBeCloseTo(amplitude, 3);
    engine.command({ type: 'reset-peak-hold' });
    renderBlocks(engine, 1);
    engine.writeStatus(status);
    expect(status[statusSlots.peakHoldLeft]).toBe(0);
  });

  it('falls silent when its sample is removed, and picks it up when it arrives after the cue', () => {
    const engine = new Engine(48_000);
    const ones = new Float32Array(512).fill(1);
    engine.command({ type: 'cue', sampleId: 'late' });
    engine.command({ type: 'play' });
    expect(renderBlocks(engine, 1)[0].every((x) => x === 0)).toBe(true);
    engine.command({ type: 'add-sample', sample: sharedSample('late', 48_000, [ones]) });
    expect(renderBlocks(engine, 1)[0][0]).toBe(1);
    engine.command({ type: 'remove-sample', sampleId: 'late' });
    expect(renderBlocks(engine, 1)[0].every((x) => x === 0)).toBe(true);
  });
});
