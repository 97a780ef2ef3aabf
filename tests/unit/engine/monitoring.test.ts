import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { blockFrames } from '../../../src/protocol/engine';
import { clip, constant, engineWith, ramp, render, track } from './engine-harness';

/** Renders `blocks` blocks, handing the engine the same live input (one plane per input channel) before each. */
function monitored(engine: Engine, input: readonly Float32Array[], blocks: number): [Float32Array, Float32Array] {
  const left = new Float32Array(blocks * blockFrames);
  const right = new Float32Array(blocks * blockFrames);
  const l = new Float32Array(blockFrames);
  const r = new Float32Array(blockFrames);
  for (let b = 0; b < blocks; b++) {
    engine.input(input);
    engine.render(l, r, blockFrames);
    left.set(l, b * blockFrames);
    right.set(r, b * blockFrames);
  }
  return [left, right];
}

const gainOf = (db: number) => Math.fround(10 ** (db / 20));
const guitar = [Float32Array.from({ length: blockFrames }, (_, i) => Math.sin(i / 5) * 0.5), constant(blockFrames, 0.25)];

describe('input monitoring', () => {
  it('plays the live input through the monitored track\'s channel: its fader sets the level, stereo input stays stereo', () => {
    const engine = engineWith({}, [track('vox', [], { gainDb: -6 }), track('other', [])]);
    engine.command({ type: 'set-monitoring', tracks: ['vox'], channels: [0, 1] });
    const [left, right] = monitored(engine, guitar, 20);
    const gain = gainOf(-6);
    for (const i of [0, 17, 1000, 2559]) {
      expect(left[i]).toBeCloseTo((guitar[0]?.[i % blockFrames] ?? 0) * gain, 6);
      expect(right[i]).toBeCloseTo(0.25 * gain, 6);
    }
  });

  it('plays one input channel as a mono source, panned by the mono law (unity in the centre, +3 dB hard to one side)', () => {
    const centre = engineWith({}, [track('vox', [])]);
    centre.command({ type: 'set-monitoring', tracks: ['vox'], channels: [1] });
    const [left, right] = monitored(centre, guitar, 4);
    expect(left[300]).toBeCloseTo(0.25, 6);
    expect(right[300]).toBe(left[300]);
    const hardLeft = engineWith({}, [track('vox', [], { pan: -1 })]);
    hardLeft.command({ type: 'set-monitoring', tracks: ['vox'], channels: [1] });
    const [l, r] = monitored(hardLeft, guitar, 4);
    expect(l[300]).toBeCloseTo(0.25 * Math.SQRT2, 6);
    expect(r[300]).toBeCloseTo(0, 6);
  });

  it('sounds while stopped, and is silenced by the track\'s mute and by monitoring off', () => {
    const engine = engineWith({}, [track('vox', [])]);
    engine.command({ type: 'stop' });
    engine.command({ type: 'set-monitoring', tracks: ['vox'], channels: [0, 1] });
    expect(monitored(engine, guitar, 2)[1][200]).toBeCloseTo(0.25, 6);
    engine.command({ type: 'set-monitoring', tracks: [], channels: [0, 1] });
    expect(monitored(engine, guitar, 2)[1].every((x) => x === 0)).toBe(true);
    const muted = engineWith({}, [track('vox', [], { mute: true })]);
    muted.command({ type: 'set-monitoring', tracks: ['vox'], channels: [0, 1] });
    expect(monitored(muted, guitar, 20)[1].subarray(blockFrames * 10).every((x) => x === 0)).toBe(true);
  });

  it('never changes what the document plays: monitoring without live input (a render) is bit-identical to none', () => {
    const song = () => engineWith({ a: { planes: [ramp(4000)] } }, [track('vox', [clip('a')], { gainDb: -3, pan: 0.3 })]);
    const plain = render(song(), 6000);
    const asked = song();
    asked.command({ type: 'set-monitoring', tracks: ['vox'], channels: [0, 1] });
    const rendered = render(asked, 6000);
    expect(Array.from(rendered[0])).toEqual(Array.from(plain[0]));
    expect(Array.from(rendered[1])).toEqual(Array.from(plain[1]));
    // And the input of one block is not heard in the next.
    const once = song();
    once.command({ type: 'set-monitoring', tracks: ['vox'], channels: [0, 1] });
    monitored(once, guitar, 1);
    const after = new Float32Array(blockFrames);
    once.render(after, new Float32Array(blockFrames), blockFrames);
    expect(Array.from(after)).toEqual(Array.from(plain[0].subarray(blockFrames, 2 * blockFrames)));
  });

  it('follows the track when the routing is compiled again, and forgets a deleted track', () => {
    const engine = engineWith({}, [track('vox', [])]);
    engine.command({ type: 'set-monitoring', tracks: ['vox', 'gone'], channels: [0, 1] });
    engine.command({ type: 'set-mixer', mixer: { channels: [{ id: 'master', kind: 'master', output: null, solo: false, soloSafe: false, inserts: [], sends: [] }, { id: 'vox', kind: 'track', output: 'master', solo: false, soloSafe: false, inserts: [], sends: [] }] }, params: [] });
    expect(monitored(engine, guitar, 2)[1][200]).toBeCloseTo(0.25, 6);
  });
});
