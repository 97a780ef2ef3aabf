import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { defaultParams, type DeviceType } from '../../../src/devices/catalog';
import { createChannel, createTrack } from '../../../src/model/new-track';
import { currentProjectVersion, type AudioClip, type Device, type Project, type Track } from '../../../src/model/project-schema';
import { blockFrames } from '../../../src/protocol/engine';
import { MixPlanes, prepareProject, renderSpan, startEngine, type PreparedProject } from '../../../electron/services/render/render-span';
import { startSplitHelper, type SplitHelper } from '../../../electron/services/render/split-render';
import { tempDir } from '../../support/temp-dir';

const RATE = 48_000;
const SECONDS = 9;

function device(id: string, type: DeviceType, sidechain?: string): Device {
  return { id, type, bypass: false, params: defaultParams(type), ...(sidechain ? { sidechain } : {}) };
}

function clip(id: string, source: string, extra: Partial<AudioClip> = {}): AudioClip {
  return { kind: 'audio', id, name: '', source, start: 0, length: (SECONDS * 120) / 60, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: true, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...extra };
}

/** A decaying burst every 0.4 s over noise: material that keeps compressors, reverb and the limiter busy. */
function source(seed: number): Float32Array[] {
  return [0, 1].map((channel) => {
    const out = new Float32Array(4 * RATE);
    let state = 0x2545_f491 + seed * 2 + channel;
    const step = (2 * Math.PI * 90 * 2 ** ((seed * 5 + channel * 7) / 24)) / RATE;
    for (let i = 0; i < out.length; i++) {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      out[i] = 0.5 * Math.exp((-9 * (i % (0.4 * RATE))) / RATE) * Math.sin(i * step) + 0.05 * (state / 2 ** 32 - 0.5);
    }
    return out;
  });
}

/**
 * Ten tracks through EQ and compressor with pre- and post-fader sends to a reverb and a delay bus,
 * three into a drum bus, one muted, one with a volume ramp, one resampled, one keying the
 * compressor of another near the end of the list (so both stay on the main thread); a limiter on the master.
 */
function writeProject(dir: string): PreparedProject['loaded'] {
  const files = [0, 1, 2].map((s) => {
    const file = path.join(dir, `source-${s}.wav`);
    writeFileSync(file, encodeWav({ sampleRate: RATE, channels: source(s) }, { bitDepth: 24 }));
    return file;
  });
  const tracks: Track[] = Array.from({ length: 10 }, (_, i) => {
    const id = `t${i}`;
    return {
      ...createTrack(id, `Track ${i}`, i),
      channel: {
        ...createChannel(),
        gainDb: -12 - (i % 3),
        pan: -0.8 + 0.16 * i,
        mute: i === 4,
        output: i >= 7 ? 'drums' : 'master',
        inserts: [device(`${id}-eq`, 'eq'), device(`${id}-comp`, 'compressor', i === 8 ? 't1' : undefined)],
        sends: [
          { id: `${id}-reverb`, target: 'reverb', levelDb: -10 - i, tap: i % 2 === 0 ? ('pre' as const) : ('post' as const) },
          { id: `${id}-delay`, target: 'delay', levelDb: -14, tap: 'post' as const },
        ],
      },
      clips: [clip(`c${i}`, `s${i % 3}`, i === 5 ? { rate: 1.37, offset: 0.3 } : { offset: (i * 0.17) % 1 })],
    };
  });
  const project: Project = {
    format: 'glowroom',
    version: currentProjectVersion,
    name: 'split',
    tempo: 120,
    timeSignature: [4, 4],
    sampleRate: RATE,
    sources: Object.fromEntries(files.map((file, s) => [`s${s}`, { path: file }])),
    tracks,
    buses: [
      { id: 'reverb', name: 'Reverb', colour: '#3366ff', channel: { ...createChannel(), inserts: [device('reverb-fx', 'reverb')] } },
      { id: 'delay', name: 'Delay', colour: '#33ff66', channel: { ...createChannel(), inserts: [device('delay-fx', 'delay')] } },
      { id: 'drums', name: 'Drums', colour: '#ff6633', channel: { ...createChannel(), gainDb: -3, inserts: [device('drums-fx', 'utility')] } },
    ],
    markers: [],
    master: { gainDb: 0, pan: 0, inserts: [device('master-fx', 'limiter')] },
    automation: [{ target: 't8', param: 'gainDb', points: [{ beat: 2, value: -30, curve: 'linear' }, { beat: 14, value: 0, curve: 'linear' }] }],
    tempoChanges: [],
    meterChanges: [],
    swing: 50,
    patterns: {},
    key: null,
  };
  return { project, folder: dir };
}

describe('a render split over two threads', () => {
  it('gives half the work to a helper engine and the same mix to the bit, blocks and whole render alike', async () => {
    const prepared = await prepareProject(writeProject(tempDir()), RATE);
    onTestFinished(() => prepared.dispose());
    const span = { startFrame: 0, frames: SECONDS * RATE, tailFrames: 2 * RATE };
    const blocks = 600;
    const render = (split: boolean) => {
      let helper: SplitHelper | null = null;
      const { engine, drop } = startEngine(prepared, 0, (e) => e.outputLatency, (e) => {
        if (split) helper = startSplitHelper(prepared, e, span);
      });
      const out = [new Float32Array(blocks * blockFrames), new Float32Array(blocks * blockFrames)] as const;
      try {
        for (let b = 0; b < blocks; b++) engine.render(out[0].subarray(b * blockFrames), out[1].subarray(b * blockFrames), blockFrames);
      } finally {
        (helper as SplitHelper | null)?.stop();
      }
      return { out, drop, helper: helper as SplitHelper | null };
    };
    const one = render(false);
    const two = render(true);
    // Track 1 (a sidechain key) and track 8 (its listener) stay home; the helper takes tracks from the end, about half the cost (the buses' reverb and delay and the master's limiter weigh several tracks' strips).
    expect(two.helper?.tracks).toEqual(['t9', 't7', 't6', 't5', 't4', 't3', 't2']);
    expect(two.drop).toBe(one.drop);
    expect(Math.max(...one.out[0].map(Math.abs))).toBeGreaterThan(0.05);
    expect(Buffer.compare(Buffer.from(two.out[0].buffer), Buffer.from(one.out[0].buffer))).toBe(0);
    expect(Buffer.compare(Buffer.from(two.out[1].buffer), Buffer.from(one.out[1].buffer))).toBe(0);

    const whole = async (twoThreads: boolean) => {
      const mix = new MixPlanes(span.frames);
      return mix.planes(await renderSpan(prepared, span, mix, { twoThreads }));
    };
    const [left, right] = await whole(true);
    const [expectedLeft, expectedRight] = await whole(false);
    expect(left.length).toBeGreaterThan(span.frames);
    expect(Buffer.compare(Buffer.from(left.buffer), Buffer.from(expectedLeft.buffer))).toBe(0);
    expect(Buffer.compare(Buffer.from(right.buffer), Buffer.from(expectedRight.buffer))).toBe(0);
  });

  it('stays on one thread for a short song', async () => {
    const prepared = await prepareProject(writeProject(tempDir()), RATE);
    onTestFinished(() => prepared.dispose());
    const { engine } = startEngine(prepared, 0, (e) => e.outputLatency);
    expect(startSplitHelper(prepared, engine, { startFrame: 0, frames: 4 * RATE, tailFrames: 0 })).toBeNull();
  });
});
