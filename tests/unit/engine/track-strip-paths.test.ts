import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine';
import { masterChannelId, type Device } from '../../../src/model/project-schema';
import { channelMeterIndex, createStatusBuffer } from '../../../src/protocol/engine';
import { clip, engineCommands, rate, render, track } from './engine-harness';

/** Seeded noise in [−0.5, 0.5): every product and sum of the strip's passes rounds somewhere. */
function noise(frames: number, seed: number): Float32Array {
  let state = seed >>> 0;
  return Float32Array.from({ length: frames }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
}

const samples = {
  mono: { planes: [noise(2 * rate, 1)] },
  stereo: { planes: [noise(2 * rate, 2), noise(2 * rate, 3)] },
};
/** A Utility at its defaults, bypassed: it changes nothing, but a strip with an insert pans its input before the fader's pass. */
const bypassed: Device = { id: 'u', type: 'utility', bypass: true, params: { gainDb: 0, pan: 0, width: 100, mono: 0, invertLeft: 0, invertRight: 0 } };

/**
 * A mono and a stereo clip on one panned track at −3.5 dB, and a stereo clip alone on another (its
 * mono sum stays silent), with or without the bypassed insert on each.
 */
function engine(inserts: Device[], metered = true): Engine {
  const tracks = [
    track('t', [clip('mono', { length: 3 }), clip('stereo', { length: 3, gainDb: -1.5 })], { gainDb: -3.5, pan: 0.3, inserts }),
    track('s', [clip('stereo', { length: 3, offset: 0.25 })], { gainDb: -2, pan: -0.4, inserts: inserts.map((device) => ({ ...device, id: `${device.id}-s` })) }),
  ];
  const made = new Engine(rate, metered);
  for (const command of engineCommands(samples, tracks)) made.command(command);
  return made;
}

/** Renders a while, moves the fader, then the pan (a ramp: the strip's pan pass), then the master's fader and balance, rendering on after each. */
function play(made: Engine): Float32Array[] {
  const out = [...render(made, 6000)];
  made.command({ type: 'set-param', target: 't', param: 'gainDb', value: -9 });
  out.push(...render(made, 6000));
  made.command({ type: 'set-param', target: 't', param: 'pan', value: -0.6 });
  out.push(...render(made, 12_000));
  // The master's fader and balance too: still at unity, gliding, then held off unity.
  made.command({ type: 'set-param', target: masterChannelId, param: 'gainDb', value: -4.5 });
  made.command({ type: 'set-param', target: masterChannelId, param: 'pan', value: 0.35 });
  out.push(...render(made, 12_000));
  return out;
}

describe('a track strip with nothing between pan and fader', () => {
  it('reads its panned clips in the fader’s pass to the same bits as panning them into the strip first', () => {
    const placed = play(engine([]));
    const panned = play(engine([bypassed]));
    expect(placed.some((plane) => plane.some((x) => x !== 0))).toBe(true);
    placed.forEach((plane, i) => expect(Buffer.from(plane.buffer).equals(Buffer.from((panned[i] as Float32Array).buffer))).toBe(true));
  });

  it('renders the same bits unmetered (an offline render), and leaves the meters alone', () => {
    const metered = engine([]);
    const unmetered = engine([], false);
    const heard = play(metered);
    const rendered = play(unmetered);
    heard.forEach((plane, i) => expect(Buffer.from(plane.buffer).equals(Buffer.from((rendered[i] as Float32Array).buffer))).toBe(true));
    const status = (made: Engine) => {
      const buffer = new Float64Array(createStatusBuffer());
      made.writeStatus(buffer);
      return [buffer[channelMeterIndex(0, 'rmsLeft')], buffer[channelMeterIndex(1, 'rmsLeft')]];
    };
    expect(status(metered).every((rms) => (rms ?? 0) > 0)).toBe(true);
    expect(status(unmetered)).toEqual([0, 0]);
  });
});
