import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { TruePeakLimiter } from '../../../src/dsp/limiter/true-peak-limiter';
import { decodeWritten } from '../../../electron/services/export/decode-written';
import { encodeAudio } from '../../../electron/services/export/encoders';
import type { ExportFormat, ExportOptions } from '../../../electron/services/export/export-job';
import { exportProject } from '../../../electron/services/export/export-project';
import { FileSink } from '../../../electron/services/export/file-sink';
import { loudnessFigures } from '../../../electron/services/export/master-chain';
import { loadProjectFile, renderProject } from '../../../electron/services/render/render-project';
import { tempDir } from '../../support/temp-dir';
import { hits, tone, writeProject } from './export-fixtures';

/** A 12 s song (nine 65,536-frame chunks of the mix file at 48 kHz): a tone bed and noise hits. */
function song(dir: string): string {
  return writeProject(dir, 'Streamed', [
    { name: 'Bass', source: tone(12, 110, 0.3), pan: -0.2 },
    { name: 'Drums', source: hits(12, 0.9), gainDb: 3, pan: 0.3 },
  ]);
}

/** The export's master chain done on whole planes in memory: the limiter over everything at once, then one encode. */
async function wholeChain(planes: readonly [Float32Array, Float32Array], format: ExportFormat, ceilingDbtp: number | null): Promise<Uint8Array> {
  const frames = planes[0].length;
  let limited: Float32Array[] = [...planes];
  if (ceilingDbtp !== null) {
    const limiter = new TruePeakLimiter(48_000, 2, { ceilingDbtp });
    const latency = limiter.latencyFrames;
    const out = [new Float32Array(frames + latency), new Float32Array(frames + latency)];
    limiter.process(planes, frames, out);
    limiter.flush(out, frames);
    limited = out.map((plane) => plane.subarray(latency, latency + frames));
  }
  return encodeAudio(limited, 48_000, format, undefined);
}

describe('export through a temporary mix file, a chunk at a time', () => {
  const formats: readonly [string, ExportFormat, number | null][] = [
    ['24-bit WAV under a −1 dBTP ceiling', { kind: 'wav', bits: 24 }, -1],
    ['16-bit WAV, no ceiling', { kind: 'wav', bits: 16 }, null],
    ['32-bit float WAV under a −3 dBTP ceiling', { kind: 'wav', bits: '32f' }, -3],
    ['24-bit FLAC under a −1 dBTP ceiling', { kind: 'flac', bits: 24 }, -1],
    ['MP3 320 kbit/s, no ceiling', { kind: 'mp3', mode: { cbrKbps: 320 } }, null],
  ];
  for (const [what, format, ceiling] of formats) {
    it(`${what}: the file has the bytes of the whole-buffer chain, and the report the loudness of the file as decoded`, async () => {
      const dir = tempDir();
      const projectPath = song(dir);
      const out = path.join(dir, `mix.${format.kind}`);
      const options: ExportOptions = { range: { kind: 'song' }, format, tailSeconds: 0, normalize: null, ...(ceiling === null ? {} : { ceilingDbtp: ceiling }) };
      const report = await exportProject({ projectPath, outPath: out, options });
      const rendered = await renderProject(await loadProjectFile(projectPath));
      expect(report.frames).toBe(rendered.channels[0].length);
      const written = readFileSync(out);
      const expected = await wholeChain(rendered.channels, format, ceiling);
      expect(written.length).toBe(expected.length);
      expect(Buffer.compare(written, expected)).toBe(0);
      expect(report.loudness).toEqual(loudnessFigures(measureLoudness(await decodeWritten(written, format), 48_000)));
      if (ceiling !== null) expect(report.loudness.truePeakDbtp).toBeLessThan(ceiling + 0.5);
    });
  }
});

describe('export temporaries', () => {
  let temp = '';
  let saved: string | undefined;
  beforeEach(() => {
    // The mix file goes to the system temp folder: point that at a folder of this test's own.
    saved = process.env.TMPDIR;
    temp = tempDir('glowroom-tmpdir-');
    process.env.TMPDIR = temp;
  });
  const mixFiles = () => readdirSync(temp).filter((name) => name.startsWith('glowroom-render-'));
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });

  // Without a loudness target the file's pass runs in the encode worker beside the render.
  for (const normalize of [{ targetLufs: -14, ceilingDbtp: -1 }, null]) it(`the mix file is removed after an export, and after a cancel in the render or in the master stage, which leave the output folder as it was (${normalize ? 'loudness target' : 'encoded beside the render'})`, async () => {
    const dir = tempDir();
    const projectPath = song(dir);
    const out = path.join(dir, 'mix.flac');
    const options: ExportOptions = { range: { kind: 'song' }, format: { kind: 'flac', bits: 24 }, tailSeconds: 2, normalize };
    await exportProject({ projectPath, outPath: out, options });
    expect(mixFiles()).toEqual([]);
    const before = readFileSync(out);
    const folder = readdirSync(dir).sort();

    for (const phase of ['render', 'master']) {
      const cancel = new AbortController();
      let sawMixFile = false;
      const run = exportProject(
        { projectPath, outPath: out, options },
        {
          signal: cancel.signal,
          onProgress: (at) => {
            if (at !== phase) return;
            sawMixFile ||= mixFiles().length > 0;
            cancel.abort();
          },
        },
      );
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      expect(sawMixFile).toBe(true);
      expect(mixFiles()).toEqual([]);
      expect(readdirSync(dir).sort()).toEqual(folder);
      expect(Buffer.compare(readFileSync(out), before)).toBe(0);
    }
  });

  it('a failed export removes its mix file and its half-written output, and keeps the file it was replacing', async () => {
    const dir = tempDir();
    const projectPath = song(dir);
    const out = path.join(dir, 'mix.mp3');
    writeFileSync(out, 'an older export');
    const options: ExportOptions = { range: { kind: 'song' }, format: { kind: 'mp3', mode: { cbrKbps: 320 } }, tailSeconds: 0, normalize: null };
    let staged: string[] = [];
    const failing = exportProject(
      { projectPath, outPath: out, options },
      {
        onProgress: (_phase, _done, _total, label) => {
          if (!label.startsWith('Encoding')) return;
          staged = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
          throw new Error('the machine ran out of something');
        },
      },
    );
    await expect(failing).rejects.toThrow('the machine ran out of something');
    expect(staged).toHaveLength(1);
    expect(mixFiles()).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('an older export');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe.runIf(existsSync('/dev/full'))('a full disk', () => {
  it('is reported in words, naming the file the export was writing', () => {
    const sink = new FileSink('/dev/full', '/music/Night Drive.wav');
    try {
      expect(() => sink.append(new Uint8Array(4096))).toThrow(/Could not write \/music\/Night Drive\.wav: the disk is full/);
    } finally {
      sink.close();
    }
  });
});
