import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/devices/catalog';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { EncodePass, type EncodeSpec } from '../../../electron/services/export/encode-pass';
import type { ExportFormat, ExportOptions } from '../../../electron/services/export/export-job';
import { exportProject } from '../../../electron/services/export/export-project';
import { masterPass, MasterStage } from '../../../electron/services/export/master-chain';
import { EncodeWorker, StreamedEncode } from '../../../electron/services/export/streamed-encode';
import { MixFile } from '../../../electron/services/render/mix-file';
import { tempDir } from '../../support/temp-dir';
import { hits, tone, writeProject } from './export-fixtures';

const RATE = 48_000;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A stereo mix (3 s unless given) with a loud burst (so a −1 dBTP limiter works), as the render would write it. */
function mixPlanes(seconds = 3): [Float32Array, Float32Array] {
  const [bed] = tone(seconds, 220, 0.4) as [Float32Array];
  const [noise] = hits(seconds, 1.4) as [Float32Array];
  return [bed.map((x, i) => x + (noise[i] as number)), bed.map((x, i) => 0.8 * x - (noise[i] as number))];
}

/** The file pass run on the export's thread over a mix file: what the encode worker must match. */
async function onThisThread(mix: MixFile, spec: EncodeSpec, file: string, ceiling: number | null) {
  const pass = await EncodePass.open(spec, { target: file, temp: file });
  try {
    const limiterDb = await masterPass(mix, RATE, 0, ceiling, (planes, frames) => pass.push(planes, frames));
    return { limiterDb, measured: await pass.finish() };
  } finally {
    pass.close();
  }
}

describe('the encode worker beside the render', () => {
  const formats: readonly [string, ExportFormat, number | null, number?][] = [
    ['24-bit FLAC under a −1 dBTP ceiling', { kind: 'flac', bits: 24 }, -1],
    ['16-bit FLAC, no ceiling', { kind: 'flac', bits: 16 }, null],
    ['24-bit WAV under a −1 dBTP ceiling', { kind: 'wav', bits: 24 }, -1],
    ['MP3 320 kbit/s', { kind: 'mp3', mode: { cbrKbps: 320 } }, null],
    // Long enough for the MP3 encode's two threads: the seam is placed from the span on both sides.
    ['MP3 320 kbit/s, 12 s (two pieces)', { kind: 'mp3', mode: { cbrKbps: 320 } }, null, 12],
  ];
  for (const [what, format, ceiling, seconds] of formats) for (const onlyPass of [true, false]) {
    it(`${what}: render blocks of any size, frames past the span held back until the end${onlyPass ? ', the span not kept in the mix file' : ''}: the same bytes and measurement as one thread`, async () => {
      const dir = tempDir();
      const planes = mixPlanes(seconds);
      const frames = planes[0].length;
      // The render writes a tail past the span, of which only part is kept (its last quiet frames are not).
      const span = frames - 30_000;
      const kept = frames - 11_111;
      const streamedMix = new MixFile();
      const plainMix = new MixFile();
      try {
        const streamedFile = path.join(dir, `streamed.${format.kind}`);
        const streamed = new StreamedEncode(new EncodeWorker(), streamedMix, span, onlyPass, { format, sampleRate: RATE, tags: { title: 'Night Drive' }, frames: null, leastFrames: span }, { target: streamedFile, temp: streamedFile }, 0, ceiling);
        // Blocks of odd sizes, as a render's first block after its latency is.
        for (let at = 0, size = 77; at < frames; at += size, size = size === 77 ? 128 : 77) {
          const n = Math.min(size, frames - at);
          streamed.write(planes[0].subarray(at, at + n), planes[1].subarray(at, at + n), n);
        }
        streamedMix.keep(kept);
        const result = await streamed.finish();
        const probe = new Float32Array(1);
        if (onlyPass) expect(() => streamedMix.read(span - 1, 1, probe, probe)).toThrow('skipped');
        else streamedMix.read(span - 1, 1, probe, probe);
        expect(streamedMix.frames).toBe(kept);

        plainMix.write(planes[0], planes[1], frames);
        plainMix.keep(kept);
        const plainFile = path.join(dir, `plain.${format.kind}`);
        const expected = await onThisThread(plainMix, { format, sampleRate: RATE, tags: { title: 'Night Drive' }, frames: kept, leastFrames: span }, plainFile, ceiling);

        expect(sha(streamedFile)).toBe(sha(plainFile));
        expect(result).toEqual(expected);
        if (ceiling !== null) expect(result.limiterDb).toBeLessThan(-0.5);
      } finally {
        streamedMix.dispose();
        plainMix.dispose();
      }
    });
  }

  it('a failure in the worker (its file cannot be written) stops the render with the worker’s error, and the worker has exited', async () => {
    const dir = tempDir();
    const mix = new MixFile();
    try {
      const file = path.join(dir, 'no such folder', 'mix.flac');
      const streamed = new StreamedEncode(new EncodeWorker(), mix, Infinity, true, { format: { kind: 'flac', bits: 24 }, sampleRate: RATE, tags: undefined, frames: null }, { target: file, temp: file }, 0, null);
      const [left, right] = mixPlanes();
      // More than the ring holds: the render must not wait for a reader that has gone.
      const failure = await (async () => {
        try {
          for (let i = 0; i < 8; i++) streamed.write(left, right, left.length);
          await streamed.finish();
          return null;
        } catch (error) {
          return streamed.abort(error);
        }
      })();
      expect(failure).toMatchObject({ code: 'io', message: expect.stringContaining('mix.flac') });
    } finally {
      mix.dispose();
    }
  });

  it('a master stage gives the same samples whatever the sizes pushed (multiples of 128 frames but the last)', () => {
    const planes = mixPlanes();
    const frames = planes[0].length;
    const run = (size: number) => {
      const out = [new Float32Array(frames), new Float32Array(frames)];
      let at = 0;
      const stage = new MasterStage(RATE, 2, -1, (got, n) => {
        out[0]?.set(got[0].subarray(0, n), at);
        out[1]?.set(got[1].subarray(0, n), at);
        at += n;
      });
      for (let start = 0; start < frames; start += size) {
        const n = Math.min(size, frames - start);
        stage.push([planes[0].slice(start, start + n), planes[1].slice(start, start + n)], n);
      }
      const limiterDb = stage.finish();
      return { at, limiterDb, out };
    };
    const big = run(65_536);
    const small = run(4096);
    expect(big.at).toBe(frames);
    expect(small.at).toBe(frames);
    expect(big.limiterDb).toBeLessThan(-1);
    expect(small.limiterDb).toBe(big.limiterDb);
    expect(Buffer.compare(Buffer.from(small.out[0]!.buffer), Buffer.from(big.out[0]!.buffer))).toBe(0);
    expect(Buffer.compare(Buffer.from(small.out[1]!.buffer), Buffer.from(big.out[1]!.buffer))).toBe(0);
  });

  it('an export with a ringing tail (a reverb on the master) writes the same bytes beside the render as on one thread', async () => {
    const dir = tempDir();
    const projectPath = writeProject(dir, 'Tail', [
      { name: 'Bass', source: tone(10, 110, 0.3), pan: -0.2 },
      { name: 'Drums', source: hits(10, 0.9), gainDb: 3, pan: 0.3 },
    ]);
    const project = parseProject(readFileSync(projectPath, 'utf8'), projectPath);
    writeFileSync(projectPath, serializeProject({ ...project, master: { ...project.master, inserts: [{ id: 'verb', type: 'reverb', bypass: false, params: defaultParams('reverb') }] } }));
    const options: ExportOptions = { range: { kind: 'song' }, format: { kind: 'flac', bits: 24 }, tailSeconds: 4, normalize: null, ceilingDbtp: -1 };
    const beside = path.join(dir, 'beside.flac');
    const report = await exportProject({ projectPath, outPath: beside, options });
    const saved = process.env.GLOWROOM_RENDER_THREADS;
    process.env.GLOWROOM_RENDER_THREADS = '1';
    const alone = path.join(dir, 'alone.flac');
    try {
      const one = await exportProject({ projectPath, outPath: alone, options });
      expect(one.loudness).toEqual(report.loudness);
      expect(one.frames).toBe(report.frames);
    } finally {
      if (saved === undefined) delete process.env.GLOWROOM_RENDER_THREADS;
      else process.env.GLOWROOM_RENDER_THREADS = saved;
    }
    // The tail rang on past the song's 10 s.
    expect(report.frames).toBeGreaterThan(10 * RATE + RATE / 10);
    expect(sha(beside)).toBe(sha(alone));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
