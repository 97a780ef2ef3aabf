import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { decodeAiff } from '../../../src/codecs/aiff';
import { decodeAudio } from '../../../src/codecs/decode';
import { decodeWav } from '../../../src/codecs/wav';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { ResidentSample } from '../../../src/engine/sample-pool';
import { createTrack } from '../../../src/model/new-track';
import { currentProjectVersion, type AudioClip, type Project } from '../../../src/model/project-schema';
import { MixPlanes, prepareProject, renderSpan, type PreparedProject, type Span } from '../../../electron/services/render/render-span';
import { StreamedPcm } from '../../../electron/services/render/streamed-pcm';
import { samplePack } from '../../support/paths';
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

/** 8 s of seeded stereo; `damaged`: its one sample at frame 70,000 of the left channel is NaN. */
function writeSource(dir: string, name: string, bitDepth: 16 | 24 | 32, float = false, damaged = false): string {
  let seed = 12_345;
  const noise = () => {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  const planes = [0, 1].map((c) => Float32Array.from({ length: FRAMES }, (_, i) => 0.6 * Math.sin(i / (20 + 7 * c)) + 0.3 * noise()));
  if (damaged) (planes[0] as Float32Array)[70_000] = Number.NaN;
  const file = path.join(dir, name);
  writeFileSync(file, encodeWav({ sampleRate: RATE, channels: planes }, float ? { bitDepth: 32, float: true } : { bitDepth }));
  return file;
}

describe('StreamedPcm', () => {
  it('gives, for any range read forwards, backwards or at random, exactly the frames decodeWav gives, from windows a fraction of the file (16-, 24-bit and float WAV)', () => {
    const dir = tempDir();
    for (const [bitDepth, float] of [[16, false], [24, false], [32, true]] as const) {
      const file = writeSource(dir, `source-${bitDepth}.wav`, bitDepth, float);
      const decoded = decodeWav(readFileSync(file));
      const streamed = StreamedPcm.open(file, statSync(file).size, 'source.wav');
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

  it('leaves a float WAV with damaged samples, and compressed formats, to the decoder', () => {
    const dir = tempDir();
    const file = path.join(dir, 'float.wav');
    const plane = new Float32Array(1000);
    plane[500] = Number.NaN;
    writeFileSync(file, encodeWav({ sampleRate: RATE, channels: [plane] }, { bitDepth: 32, float: true }));
    expect(StreamedPcm.open(file, statSync(file).size, 'float.wav')).toBeNull();
    const flac = path.join(samplePack, 'Loops/loop_mika.flac');
    expect(StreamedPcm.open(flac, statSync(flac).size, 'loop_mika.flac')).toBeNull();
  });

  it('refuses a WAV with a second data chunk far past its head, with the words decodeWav uses', () => {
    const dir = tempDir();
    const file = writeSource(dir, 'twice.wav', 16);
    const whole = new Uint8Array(readFileSync(file));
    // The same 'data' chunk again after the first: 1.5 MB past the 256 kB the reader takes as head.
    const twice = new Uint8Array(whole.length * 2 - 36);
    twice.set(whole);
    twice.set(whole.subarray(36), whole.length);
    writeFileSync(file, twice);
    const words = "twice.wav is damaged: it holds two audio ('data') chunks";
    expect(() => decodeWav(twice, 'twice.wav')).toThrow(words);
    expect(() => StreamedPcm.open(file, statSync(file).size, 'twice.wav')).toThrow(words);
  });

  it('refuses an AIFF with a second sound chunk far past its head, with the words decodeAiff uses', () => {
    const frames = 200_000;
    const chunk = (id: string, body: Uint8Array): Uint8Array => {
      const out = new Uint8Array(8 + body.length);
      out.set(Array.from(id, (c) => c.charCodeAt(0)));
      new DataView(out.buffer).setUint32(4, body.length, false);
      out.set(body, 8);
      return out;
    };
    const comm = new Uint8Array(18);
    const fields = new DataView(comm.buffer);
    fields.setInt16(0, 1, false);
    fields.setUint32(2, frames, false);
    fields.setInt16(6, 16, false);
    // 44,100 Hz as an 80-bit extended float.
    comm.set([0x40, 0x0e, 0xac, 0x44], 8);
    // Mono 16-bit: 400 kB of sound, so the second chunk lies past the 256 kB the reader takes as head.
    const sound = chunk('SSND', new Uint8Array(8 + frames * 2).fill(1, 8));
    const body = [Uint8Array.from('AIFF', (c) => c.charCodeAt(0)), chunk('COMM', comm), sound, sound];
    const size = body.reduce((sum, part) => sum + part.length, 0);
    const twice = new Uint8Array(8 + size);
    twice.set(Array.from('FORM', (c) => c.charCodeAt(0)));
    new DataView(twice.buffer).setUint32(4, size, false);
    body.reduce((at, part) => (twice.set(part, at), at + part.length), 8);
    const file = path.join(tempDir(), 'twice.aiff');
    writeFileSync(file, twice);
    const words = "twice.aiff is damaged: it holds two sound data ('SSND') chunks";
    expect(() => decodeAiff(twice, 'twice.aiff')).toThrow(words);
    expect(() => StreamedPcm.open(file, statSync(file).size, 'twice.aiff')).toThrow(words);
    // One sound chunk: the same bytes stream.
    writeFileSync(file, twice.subarray(0, twice.length - sound.length));
    expect(StreamedPcm.open(file, twice.length - sound.length, 'twice.aiff')).not.toBeNull();
  });
});

describe('a render streaming its sources', () => {
  const formats: readonly { name: string; source: (dir: string) => string }[] = [
    { name: '24-bit WAV', source: (dir) => writeSource(dir, 'long.wav', 24) },
    { name: 'float WAV', source: (dir) => writeSource(dir, 'float.wav', 32, true) },
    { name: 'float WAV with a damaged sample (made silent, as the decoder does)', source: (dir) => writeSource(dir, 'damaged.wav', 32, true, true) },
    { name: 'AIFF', source: () => path.join(samplePack, 'Atmos/ambi_drone.aif') },
    { name: 'FLAC', source: () => path.join(samplePack, 'Loops/loop_mika.flac') },
    { name: 'MP3', source: () => path.join(samplePack, 'Loops/compus_loop.mp3') },
    { name: 'Ogg Vorbis', source: () => path.join(samplePack, 'Vocal-ish FX/cineboom.ogg') },
  ];

  for (const format of formats) {
    // Two 10 s renders of four tracks each: seconds on a quiet machine, a minute under heavy load.
    it(`renders ${format.name} exactly as from the whole decoded source: forward, looped from an offset, reversed, sped up, faded`, { timeout: 300_000 }, async () => {
      const dir = tempDir();
      const file = format.source(dir);
      const temp = withTempFolder(tempDir());
      const prepared = await prepareProject({ project: projectOn(file), folder: dir }, RATE);
      try {
        expect(prepared.unplayable).toEqual([]);
        expect(prepared.sources.map((source) => source.sample instanceof StreamedPcm)).toEqual([true]);
        const span = { startFrame: 0, frames: 10 * RATE, tailFrames: 0 };
        const streamed = await renderToPlanes(prepared, span);
        const decoded = await decodeAudio(readFileSync(file), path.basename(file));
        const whole = await renderToPlanes({ ...prepared, sources: [{ sampleId: file, sample: new ResidentSample(decoded.sampleRate, decoded.channels) }] }, span);
        expect(Math.max(...streamed[0].subarray(RATE, 2 * RATE).map(Math.abs))).toBeGreaterThan(0.01);
        expect(firstDifference(streamed[0], whole[0])).toBe(-1);
        expect(firstDifference(streamed[1], whole[1])).toBe(-1);
      } finally {
        prepared.dispose();
      }
      // Nothing left behind, by the main render or by its helper thread (which decoded the source
      // itself for the second render, where the main render held it whole).
      expect(spillFolders(temp)).toEqual([]);
    });
  }

  it('places stereo 24-bit clips on plain tracks in one pass (the WebAssembly placer) with the very samples of the whole decoded source: pans, clip gains, faders still and automated, loops, fades, overlaps, mutes, mono', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const stereo = writeSource(dir, 'stereo.wav', 24);
    const mono = path.join(dir, 'mono.wav');
    writeFileSync(mono, encodeWav({ sampleRate: RATE, channels: [Float32Array.from({ length: FRAMES }, (_, i) => 0.4 * Math.sin(i / 31))] }, { bitDepth: 24 }));
    const project = placedProject();
    const prepared = await prepareProject({ project, folder: dir }, RATE);
    const places = vi.spyOn(StreamedPcm.prototype, 'place');
    try {
      expect(prepared.unplayable).toEqual([]);
      const span = { startFrame: 0, frames: 10 * RATE, tailFrames: 0 };
      // One thread and two: the helper's tracks are placed too.
      for (const twoThreads of [false, true]) {
        places.mockClear();
        const mix = new MixPlanes(span.frames);
        const streamed = mix.planes(await renderSpan(prepared, span, mix, { twoThreads }));
        if (!twoThreads) expect(places.mock.calls.length, 'placements on one thread').toBeGreaterThan(4 * (span.frames / 128) * 0.8);
        const whole = await renderToPlanes({ ...prepared, sources: await Promise.all([stereo, mono].map(async (file) => ({ sampleId: file, sample: await residentOf(file) }))) }, span);
        expect(Math.max(...streamed[0].subarray(RATE, 2 * RATE).map(Math.abs))).toBeGreaterThan(0.01);
        expect(firstDifference(streamed[0], whole[0]), `left, ${twoThreads ? 'two threads' : 'one thread'}`).toBe(-1);
        expect(firstDifference(streamed[1], whole[1]), `right, ${twoThreads ? 'two threads' : 'one thread'}`).toBe(-1);
      }
    } finally {
      places.mockRestore();
      prepared.dispose();
    }
  });

  it('keeps decoded compressed sources in a temp folder only until the render is disposed, and refuses damaged ones as the decoder does', async () => {
    const dir = tempDir();
    const temp = tempDir();
    const broken = path.join(dir, 'truncated.flac');
    writeFileSync(broken, readFileSync(path.join(samplePack, '_broken/truncated.flac')));
    const playable = projectOn(path.join(samplePack, 'Bass/bass_dnb_F.mp3'));
    const project = { ...playable, sources: { ...playable.sources, broken: { path: broken } } };
    withTempFolder(temp);
    const prepared = await prepareProject({ project, folder: dir }, RATE);
    expect(prepared.unplayable.map((source) => source.reason)).toEqual(['truncated FLAC file: truncated.flac declares 8.0 s of audio but holds 0.19 s']);
    const spills = spillFolders(temp);
    expect(spills).toHaveLength(1);
    expect(readdirSync(path.join(temp, spills[0] as string))).toEqual(['source-1.f32']);
    prepared.dispose();
    expect(spillFolders(temp)).toEqual([]);
  });
});

function spillFolders(temp: string): string[] {
  return readdirSync(temp).filter((name) => name.startsWith('glowroom-sources-'));
}

/** Makes `dir` the system's temp folder (for this process and the workers it starts) until the test ends; returns it. */
function withTempFolder(dir: string): string {
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  onTestFinished(() => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  });
  return dir;
}

/** Four tracks playing `file`: forward with fades, looped from an offset, reversed, sped up. */
function projectOn(file: string): Project {
  const clip = (id: string, start: number, length: number, extra: Partial<AudioClip> = {}): AudioClip => ({
    kind: 'audio', id, name: '', source: 'long', start, length, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...extra,
  });
  return {
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
}

async function residentOf(file: string): Promise<ResidentSample> {
  const decoded = await decodeAudio(readFileSync(file), path.basename(file));
  return new ResidentSample(decoded.sampleRate, decoded.channels);
}

/**
 * Tracks on stereo.wav and mono.wav (24-bit) as a placer sees them: plain tracks it places (odd
 * pans, clip gains, a fader level, an automated fader, a loop wrapping inside blocks, fades) and
 * tracks it leaves to the usual path (two clips at once, a mono source, a muted clip, a moving pan).
 */
function placedProject(): Project {
  const clip = (id: string, source: string, start: number, length: number, extra: Partial<AudioClip> = {}): AudioClip => ({
    kind: 'audio', id, name: '', source, start, length, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...extra,
  });
  const track = (id: string, index: number, pan: number, gainDb: number, clips: AudioClip[]) => {
    const base = createTrack(id, id, index);
    return { ...base, channel: { ...base.channel, pan, gainDb }, clips };
  };
  return {
    format: 'glowroom', version: currentProjectVersion, name: 'Placed', tempo: 120, timeSignature: [4, 4], sampleRate: RATE,
    sources: { stereo: { path: 'stereo.wav' }, mono: { path: 'mono.wav' } },
    tracks: [
      track('p1', 0, -0.65, 0, [clip('a', 'stereo', 0, 20)]),
      track('p2', 1, 0.3, -4.5, [clip('b', 'stereo', 0.37, 19, { gainDb: -3.3, offset: 0.011 })]),
      track('p3', 2, 0, 1.5, [clip('c', 'stereo', 1, 18, { loop: true, offset: 7.123, gainDb: 2 })]),
      track('p4', 3, 0.75, 0, [clip('d', 'stereo', 0, 20, { fadeIn: 1.2, fadeOut: 2.5, offset: 0.5 })]),
      track('p5', 4, -1, -2, [clip('e', 'stereo', 2, 6), clip('f', 'stereo', 6.5, 10, { offset: 1 })]),
      track('o1', 5, -0.2, 0, [clip('g', 'stereo', 0, 12), clip('h', 'stereo', 4, 12, { offset: 2 })]),
      track('o2', 6, 0.45, -1, [clip('i', 'mono', 0, 20)]),
      track('o3', 7, 0.1, 0, [clip('j', 'stereo', 0, 20, { mute: true }), clip('k', 'stereo', 3, 8)]),
    ],
    buses: [], markers: [], master: { gainDb: -9, pan: 0, inserts: [] },
    automation: [
      { target: 'p1', param: 'gainDb', points: [{ beat: 1, value: 0, curve: 'linear' }, { beat: 9, value: -18, curve: 'linear' }, { beat: 12, value: -3, curve: 'exponential' }] },
      { target: 'o3', param: 'pan', points: [{ beat: 2, value: -0.5, curve: 'linear' }, { beat: 14, value: 0.8, curve: 'linear' }] },
    ],
    tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
  };
}

async function renderToPlanes(prepared: PreparedProject, span: Span): Promise<[Float32Array, Float32Array]> {
  const mix = new MixPlanes(span.frames);
  return mix.planes(await renderSpan(prepared, span, mix));
}
