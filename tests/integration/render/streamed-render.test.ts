import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../src/codecs/wav';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { ResidentSample } from '../../../src/engine/sample-pool';
import { createTrack } from '../../../src/model/new-track';
import { currentProjectVersion, type AudioClip, type Project } from '../../../src/model/project-schema';
import { MixPlanes, prepareProject, renderSpan, type PreparedProject, type Span } from '../../../electron/services/render/render-span';
import { StreamedWav } from '../../../electron/services/render/streamed-wav';
import { tempDir } from '../../support/temp-dir';

const RATE = 48_000;
/** 8 s of stereo: longer than a window (65,536 frames) several times over. */
const FRAMES = 8 * RATE;

/** The first index where `a` and `b` differ (lengths included), or −1: cheaper than a deep equality over millions of frames. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function writeSource(dir: string, name: string, bitDepth: 16 | 24): string {
  let seed = 12_345;
  const noise = () => {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  const planes = [0, 1].map((c) => Float32Array.from({ length: FRAMES }, (_, i) => 0.6 * Math.sin(i / (20 + 7 * c)) + 0.3 * noise()));
  const file = path.join(dir, name);
  writeFileSync(file, encodeWav({ sampleRate: RATE, channels: planes }, { bitDepth }));
  return file;
}

describe('StreamedWav', () => {
  it('gives, for any range read forwards, backwards or at random, exactly the frames decodeWav gives, from windows a fraction of the file', () => {
    const dir = tempDir();
    for (const bitDepth of [16, 24] as const) {
      const file = writeSource(dir, `source-${bitDepth}.wav`, bitDepth);
      const decoded = decodeWav(readFileSync(file));
      const streamed = StreamedWav.open(file, statSync(file).size, 'source.wav');
      expect(streamed).not.toBeNull();
      if (!streamed) return;
      expect([streamed.frames, streamed.channelCount, streamed.sampleRate]).toEqual([FRAMES, 2, RATE]);
      const ranges: [number, number][] = [];
      for (let at = -70; at < FRAMES; at += 9_000) ranges.push([at, at + 300]);
      for (let at = FRAMES + 50; at > 0; at -= 11_000) ranges.push([at - 400, at]);
      let seed = 7;
      for (let n = 0; n < 60; n++) {
        seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
        const from = seed % FRAMES;
        ranges.push([from, from + 1 + (seed % 2_000)]);
      }
      for (const [from, to] of ranges) {
        const window = streamed.read(from, to);
        const first = Math.max(0, from);
        const end = Math.min(FRAMES, to);
        expect(window.start).toBeLessThanOrEqual(first);
        for (let c = 0; c < 2; c++) {
          const plane = window.planes[c] as Float32Array;
          expect(window.start + plane.length).toBeGreaterThanOrEqual(end);
          expect(plane.length).toBeLessThanOrEqual(65_536);
          expect(firstDifference(plane.subarray(first - window.start, end - window.start), (decoded.channels[c] as Float32Array).subarray(first, end))).toBe(-1);
        }
      }
      // Warped clips ask for the whole source (their stretchers read anywhere).
      streamed.whole().forEach((plane, c) => expect(firstDifference(plane, decoded.channels[c] as Float32Array)).toBe(-1));
    }
  });

  it('leaves float WAV and other formats to the whole-file decoder', () => {
    const dir = tempDir();
    const file = path.join(dir, 'float.wav');
    writeFileSync(file, encodeWav({ sampleRate: RATE, channels: [new Float32Array(1000)] }, { bitDepth: 32, float: true }));
    expect(StreamedWav.open(file, 44 + 4000, 'float.wav')).toBeNull();
  });
});

describe('a render streaming its sources', () => {
  it('renders exactly what it renders from the whole decoded sources: forward, looped from an offset, reversed, sped up, faded', async () => {
    const dir = tempDir();
    const file = writeSource(dir, 'long.wav', 24);
    const clip = (id: string, start: number, length: number, extra: Partial<AudioClip> = {}): AudioClip => ({
      kind: 'audio', id, name: '', source: 'long', start, length, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...extra,
    });
    const project: Project = {
      format: 'glowroom', version: currentProjectVersion, name: 'Streamed', tempo: 120, timeSignature: [4, 4], sampleRate: RATE,
      sources: { long: { path: file } },
      tracks: [
        { ...createTrack('a', 'Forward', 0), clips: [clip('f', 0, 20, { fadeIn: 0.5, fadeOut: 1 })] },
        { ...createTrack('b', 'Loop', 1), clips: [clip('l', 2, 18, { loop: true, offset: 5.3 })] },
        { ...createTrack('c', 'Reverse', 2), clips: [clip('r', 1, 14, { reverse: true, gainDb: -6 })] },
        { ...createTrack('d', 'Fast', 3), clips: [clip('s', 0, 8, { rate: 1.37 })] },
      ],
      buses: [], markers: [], master: { gainDb: -6, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
    };
    const prepared = await prepareProject({ project, folder: dir }, RATE);
    expect(prepared.sources.map((source) => source.sample instanceof StreamedWav)).toEqual([true]);
    const span = { startFrame: 0, frames: 10 * RATE, tailFrames: 0 };
    const streamed = await renderToPlanes(prepared, span);
    const whole = await renderToPlanes({ ...prepared, sources: [{ sampleId: file, sample: new ResidentSample(RATE, decodeWav(readFileSync(file)).channels) }] }, span);
    expect(Math.max(...streamed[0].subarray(RATE, 2 * RATE).map(Math.abs))).toBeGreaterThan(0.1);
    expect(firstDifference(streamed[0], whole[0])).toBe(-1);
    expect(firstDifference(streamed[1], whole[1])).toBe(-1);
  });
});

async function renderToPlanes(prepared: PreparedProject, span: Span): Promise<[Float32Array, Float32Array]> {
  const mix = new MixPlanes(span.frames);
  return mix.planes(await renderSpan(prepared, span, mix));
}
