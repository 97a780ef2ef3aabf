import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { readFlacMetadata, readVorbisComment } from '../../../src/codecs/flac-metadata';
import { decodeFlac } from '../../../src/codecs/flac';
import { readId3v2 } from '../../../src/codecs/id3';
import { decodeMp3 } from '../../../src/codecs/mp3';
import { decodeWav } from '../../../src/codecs/wav';
import { listRiffChunks, readListInfo } from '../../../src/codecs/wav-metadata';
import type { ExportJob, ExportOptions, ExportReport } from '../../../electron/services/export/export-job';
import { exportProject } from '../../../electron/services/export/export-project';
import { stemsLoudnessNote } from '../../../src/protocol/ipc';
import { runExportWorker } from '../../../electron/services/export/start-export-worker';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';
import { hits, RATE, TEMPO, tinyPng, tone, writeProject } from './export-fixtures';

const has = (tool: string) => spawnSync('which', [tool]).status === 0;
const glowroom = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const base: ExportOptions = { range: { kind: 'song' }, format: { kind: 'wav', bits: 24 }, tailSeconds: 10, normalize: null };

/** A 12 s song: a tone bed and noise hits, well under −14 LUFS before normalising. */
function song(dir: string, hitAmplitude = 0.3): string {
  return writeProject(dir, 'Night Drive', [
    { name: 'Bass', source: tone(12, 110, 0.12), pan: -0.2 },
    { name: 'Drums', source: hits(12, hitAmplitude), gainDb: -3, pan: 0.3 },
    { name: 'Pad / Keys', source: tone(10, 330, 0.05), startBeats: 2, gainDb: -6 },
  ]);
}

/** ffmpeg's ebur128 integrated loudness of a file. */
function ffmpegIntegrated(file: string): number {
  const r = spawnSync('ffmpeg', ['-nostats', '-hide_banner', '-i', file, '-filter_complex', 'ebur128', '-f', 'null', '-'], { encoding: 'utf8' });
  // The summary comes last (ffmpeg may print an empty one first, for its probe of the input).
  const match = [...r.stderr.matchAll(/Integrated loudness:\s*I:\s*(-?\d+(?:\.\d+)?) LUFS/g)].at(-1);
  if (!match) throw new Error(r.stderr);
  return Number(match[1]);
}

function ffprobeTags(file: string): Record<string, string> {
  const r = spawnSync('ffprobe', ['-v', 'quiet', '-print_format', 'json', '-show_format', file], { encoding: 'utf8' });
  const tags = (JSON.parse(r.stdout) as { format: { tags?: Record<string, string> } }).format.tags ?? {};
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
}

describe('export: loudness', () => {
  it('normalises to −14 LUFS / −1 dBTP: the written WAV lands within ±0.5 LU and ffmpeg agrees', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'mix.wav');
    const report = await exportProject({ projectPath: song(dir), outPath: out, options: { ...base, normalize: { targetLufs: -14, ceilingDbtp: -1 } } });
    const written = decodeWav(readFileSync(out));
    const measured = measureLoudness(written.channels, RATE);
    expect(Math.abs(measured.integratedLufs + 14)).toBeLessThanOrEqual(0.5);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(report.loudness.integratedLufs).toBeCloseTo(measured.integratedLufs, 1);
    expect(report.normalization?.onTarget).toBe(true);
    expect(report.loudness.plrDb).toBeCloseTo((report.loudness.truePeakDbtp ?? 0) - (report.loudness.integratedLufs ?? 0), 1);
    expect(report.platforms.find((p) => p.platform === 'Apple Music')?.sentence).toMatch(/turn this down by 2\.0 dB/);
    if (has('ffmpeg')) expect(Math.abs(ffmpegIntegrated(out) - measured.integratedLufs)).toBeLessThanOrEqual(0.1);
    console.info(`[export] −14 LUFS: landed ${measured.integratedLufs.toFixed(3)} LUFS, TP ${measured.truePeakDbtp.toFixed(3)} dBTP, ${report.normalization?.passes} pass(es), ${report.speed.toFixed(0)}× realtime`);
  });

  it('limits a loud master (club −9 LUFS / −0.5 dBTP): gain reduction happens, true peak stays under the ceiling', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'club.wav');
    const report = await exportProject({ projectPath: song(dir, 0.9), outPath: out, options: { ...base, format: { kind: 'wav', bits: 16 }, normalize: { targetLufs: -9, ceilingDbtp: -0.5 } } });
    const measured = measureLoudness(decodeWav(readFileSync(out)).channels, RATE);
    expect(report.normalization?.limiterDb).toBeLessThan(-1);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(-0.5);
    expect(Math.abs(measured.integratedLufs + 9)).toBeLessThanOrEqual(0.5);
    expect(report.platforms.find((p) => p.platform === 'Spotify')?.sentence).toMatch(/^Spotify will turn this down by [45]\.\d dB/);
    console.info(`[export] club: landed ${measured.integratedLufs.toFixed(3)} LUFS, TP ${measured.truePeakDbtp.toFixed(3)} dBTP, limiter ${report.normalization?.limiterDb} dB, ${report.normalization?.passes} passes`);
  });

  it('MP3 320: normalised on the decoded file, ID3v2.4 tags and cover readable', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'mix.mp3');
    const tags = { title: 'Night Drive', artist: 'Glow', album: 'Tests', genre: 'Synthwave', year: '2025', bpm: 120, key: 'A minor', comment: 'made in Glowroom', cover: { bytes: tinyPng, mime: 'image/png' as const } };
    const report = await exportProject({ projectPath: song(dir), outPath: out, options: { ...base, format: { kind: 'mp3', mode: { cbrKbps: 320 } }, normalize: { targetLufs: -14, ceilingDbtp: -1 }, tags } });
    const bytes = readFileSync(out);
    const decoded = await decodeMp3(bytes);
    const measured = measureLoudness(decoded.channels, RATE);
    expect(Math.abs(measured.integratedLufs + 14)).toBeLessThanOrEqual(0.5);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(-1);
    // The Xing/Info frame's LAME tag trims LAME's delay and padding: the file is as long as the song.
    expect(decoded.channels[0]?.length).toBe(report.frames);
    if (has('ffmpeg')) expect(spawnSync('ffmpeg', ['-v', 'error', '-i', out, '-f', 's16le', '-ac', '2', '-'], { maxBuffer: 1 << 28 }).stdout.length).toBe(report.frames * 4);
    const frames = Object.fromEntries(readId3v2(bytes).map((f) => [f.id, f]));
    expect(frames.TIT2?.text).toBe('Night Drive');
    expect(frames.TKEY?.text).toBe('Am');
    expect(frames.TBPM?.text).toBe('120');
    expect(Uint8Array.from(frames.APIC?.data.subarray(frames.APIC.data.length - tinyPng.length) ?? [])).toEqual(tinyPng);
    if (has('ffprobe')) expect(ffprobeTags(out)).toMatchObject({ title: 'Night Drive', artist: 'Glow', album: 'Tests', genre: 'Synthwave', date: '2025' });
    console.info(`[export] MP3 320: landed ${measured.integratedLufs.toFixed(3)} LUFS, TP ${measured.truePeakDbtp.toFixed(3)} dBTP, ${report.normalization?.passes} passes, ${report.speed.toFixed(0)}× realtime`);
  });

  it('FLAC 16 passes `flac -t`, decodes to the dithered samples and carries Vorbis comments and a picture', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'mix.flac');
    const tags = { title: 'Night Drive', artist: 'Glow', bpm: 120, key: 'F# major', cover: { bytes: tinyPng, mime: 'image/png' as const } };
    await exportProject({ projectPath: song(dir), outPath: out, options: { ...base, format: { kind: 'flac', bits: 16 }, normalize: { targetLufs: -14, ceilingDbtp: -1 }, tags } });
    const bytes = readFileSync(out);
    const { blocks } = readFlacMetadata(bytes);
    expect(blocks.map((b) => b.type)).toEqual([0, 4, 6]);
    expect(readVorbisComment(blocks[1]?.data ?? new Uint8Array()).fields).toEqual([['TITLE', 'Night Drive'], ['ARTIST', 'Glow'], ['BPM', '120'], ['INITIALKEY', 'F#']]);
    const decoded = await decodeFlac(bytes);
    expect(Math.abs(measureLoudness(decoded.channels, RATE).integratedLufs + 14)).toBeLessThanOrEqual(0.5);
    if (has('flac')) expect(spawnSync('flac', ['-t', '-s', out]).status).toBe(0);
    if (has('ffprobe')) expect(ffprobeTags(out)).toMatchObject({ title: 'Night Drive', artist: 'Glow' });
  });

  it('WAV carries LIST/INFO and an id3 chunk that tools read', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'tagged.wav');
    const tags = { title: 'Nacht – Fahrt', artist: 'Glow', album: 'Tests', genre: 'Ambient', year: '2025', comment: 'hi', bpm: 92.5, key: 'Bb minor', cover: { bytes: tinyPng, mime: 'image/png' as const } };
    await exportProject({ projectPath: song(dir), outPath: out, options: { ...base, format: { kind: 'wav', bits: '32f' }, tags } });
    const bytes = readFileSync(out);
    const chunks = listRiffChunks(bytes);
    expect(chunks.map((c) => c.id)).toEqual(['fmt ', 'fact', 'LIST', 'id3 ', 'data']);
    expect(readListInfo(chunks[2]?.data ?? new Uint8Array())).toMatchObject({ INAM: 'Nacht – Fahrt', IART: 'Glow', IPRD: 'Tests', IGNR: 'Ambient', ICRD: '2025', ICMT: 'hi' });
    const id3 = Object.fromEntries(readId3v2(chunks[3]?.data ?? new Uint8Array()).map((f) => [f.id, f.text ?? f.data.length]));
    expect(id3).toMatchObject({ TIT2: 'Nacht – Fahrt', TBPM: '93', TKEY: 'Bbm', TDRC: '2025' });
    expect(decodeWav(bytes).channels[0]?.length).toBeGreaterThan(0);
    if (has('ffprobe')) expect(ffprobeTags(out)).toMatchObject({ title: 'Nacht – Fahrt', artist: 'Glow' });
  });
});

describe('export: ranges, stems, failure', () => {
  it('stems: one per audible channel into the master, same length, named after project and channel; their sum nulls against the mix', async () => {
    const dir = tempDir();
    const project = writeProject(dir, 'Night: Drive?', [
      { name: 'Bass', source: tone(6, 110, 0.4), pan: -0.4, gainDb: -2 },
      { name: 'Drums', source: hits(6, 0.8), gainDb: 1.5, pan: 0.7 },
      { name: 'Keys', source: tone(4, 440, 0.3), startBeats: 3 },
      { name: 'Muted', source: tone(4, 660, 0.3), mute: true },
    ]);
    const out = path.join(dir, 'mix.wav');
    const stemsDir = path.join(dir, 'stems');
    const report = await exportProject({ projectPath: project, outPath: out, stems: { folder: stemsDir, zip: false }, options: { ...base, format: { kind: 'wav', bits: '32f' } } });
    expect(readdirSync(stemsDir).sort()).toEqual(['Night_ Drive_ - Bass.wav', 'Night_ Drive_ - Drums.wav', 'Night_ Drive_ - Keys.wav']);
    const mix = decodeWav(readFileSync(out)).channels;
    const stems = readdirSync(stemsDir).map((f) => decodeWav(readFileSync(path.join(stemsDir, f))).channels);
    let worst = 0;
    for (let c = 0; c < 2; c++) {
      const m = mix[c] as Float32Array;
      for (const stem of stems) expect(stem[c]?.length).toBe(m.length);
      for (let i = 0; i < m.length; i++) {
        let sum = 0;
        for (const stem of stems) sum += (stem[c] as Float32Array)[i] as number;
        worst = Math.max(worst, Math.abs(sum - (m[i] as number)));
      }
    }
    // The engine sums buses in float32, the test in float64: what is left is float32 rounding of
    // a sum of three values under 2, at most a few ulps of 2^-23 (≈ −138 dBFS); −120 dBFS has room.
    const nullDb = 20 * Math.log10(worst || 1e-30);
    expect(nullDb).toBeLessThanOrEqual(-120);
    expect(report.warnings.join(' ')).toContain('1 muted channel');
    console.info(`[export] stems null: ${nullDb.toFixed(1)} dBFS (worst sample), mix ${mix[0]?.length} frames`);
  });

  it('stems ignore the loudness target: the same bytes with and without it, and the report says so', async () => {
    const dir = tempDir();
    const projectPath = song(dir);
    const streaming = { targetLufs: -14, ceilingDbtp: -1 };
    const float = { kind: 'wav', bits: '32f' } as const;
    const withMix = await exportProject({ projectPath, outPath: path.join(dir, 'mix.wav'), stems: { folder: path.join(dir, 'normalised'), zip: false }, options: { ...base, format: float, normalize: streaming } });
    const plain = await exportProject({ projectPath, stems: { folder: path.join(dir, 'plain'), zip: false }, options: { ...base, format: float } });
    expect(withMix.normalization?.onTarget).toBe(true);
    expect(withMix.warnings).toContain(stemsLoudnessNote);
    expect(plain.warnings).not.toContain(stemsLoudnessNote);
    const names = readdirSync(path.join(dir, 'plain')).sort();
    expect(readdirSync(path.join(dir, 'normalised')).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(path.join(dir, 'normalised', name)).equals(readFileSync(path.join(dir, 'plain', name))), name).toBe(true);
    // Stems only: no file takes the target, so the report measures the mix the stems sum to.
    const stemsOnly = await exportProject({ projectPath, stems: { folder: path.join(dir, 'only'), zip: false }, options: { ...base, format: float, normalize: streaming } });
    expect(stemsOnly.normalization).toBeNull();
    expect(stemsOnly.loudness.integratedLufs).toBe(plain.loudness.integratedLufs);
    expect(stemsOnly.warnings).toContain(stemsLoudnessNote);
  });

  it('stems can be zipped into one file', async () => {
    const dir = tempDir();
    const project = writeProject(dir, 'Zip', [{ name: 'A', source: tone(1, 110, 0.3) }, { name: 'B', source: tone(1, 220, 0.3) }]);
    const report = await exportProject({ projectPath: project, stems: { folder: path.join(dir, 'out'), zip: true }, options: { ...base, format: { kind: 'flac', bits: 24 } } });
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['Zip - stems.zip']);
    const zip = readFileSync(path.join(dir, 'out', 'Zip - stems.zip'));
    expect(zip.includes(Buffer.from('Zip - A.flac'))).toBe(true);
    expect(report.stemsZip).toBe(path.join(dir, 'out', 'Zip - stems.zip'));
    if (has('unzip')) expect(spawnSync('unzip', ['-tq', path.join(dir, 'out', 'Zip - stems.zip')]).status).toBe(0);
  });

  it('a clip is exactly N seconds and fades in from and out to silence', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'clip.wav');
    await exportProject({ projectPath: song(dir), outPath: out, options: { ...base, format: { kind: 'wav', bits: '32f' }, range: { kind: 'clip', startBeats: 2, seconds: 5, fadeInSeconds: 0.5, fadeOutSeconds: 1 } } });
    const [left] = decodeWav(readFileSync(out)).channels;
    expect(left?.length).toBe(5 * RATE);
    expect(Math.abs(left?.[0] ?? 1)).toBe(0);
    expect(Math.abs(left?.[5 * RATE - 1] ?? 1)).toBe(0);
  });

  it('cancel (in process and through the worker) leaves no file and no temporary', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'mix.wav');
    const projectPath = song(dir);
    const cancel = new AbortController();
    await expect(exportProject({ projectPath, outPath: out, options: base }, { signal: cancel.signal, onProgress: () => cancel.abort() })).rejects.toMatchObject({ code: 'cancelled' });
    const run = runExportWorker({ projectPath, outPath: out, stems: { folder: path.join(dir, 'stems'), zip: false }, options: base } satisfies ExportJob, () => run.cancel());
    await expect(run.result).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.wav') || f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(dir, 'stems')) ? readdirSync(path.join(dir, 'stems')) : []).toEqual([]);
  });

  it('the worker reports progress and the report', async () => {
    const dir = tempDir();
    const phases = new Set<string>();
    const report: ExportReport = await runExportWorker({ projectPath: song(dir), outPath: path.join(dir, 'w.flac'), options: { ...base, format: { kind: 'flac', bits: 24 } } }, (m) => phases.add(m.phase)).result;
    expect([...phases]).toEqual(expect.arrayContaining(['render', 'master', 'write']));
    expect(report.format).toBe('flac');
  });

  it('refuses bad input before rendering: a missing folder, a bad target, 96 kHz MP3', async () => {
    const dir = tempDir();
    const projectPath = song(dir);
    await expect(exportProject({ projectPath, outPath: path.join(dir, 'nope', 'mix.wav'), options: base })).rejects.toThrow(/the folder .*nope does not exist/);
    await expect(exportProject({ projectPath, outPath: path.join(dir, 'x.wav'), options: { ...base, normalize: { targetLufs: -60, ceilingDbtp: -1 } } })).rejects.toThrow(/from -40 to -5 LUFS/);
    await expect(exportProject({ projectPath, outPath: path.join(dir, 'x.mp3'), options: { ...base, sampleRate: 96_000, format: { kind: 'mp3', mode: { cbrKbps: 320 } } } })).rejects.toThrow(/44.1 or 48 kHz/);
    expect(readdirSync(dir).filter((f) => f !== 'Audio' && !f.endsWith('.glowroom'))).toEqual([]);
  });
});

describe('glowroom render (export options)', () => {
  it('--normalize streaming --json prints the loudness report; the file lands at −14 LUFS under −1 dBTP', () => {
    const dir = tempDir();
    const out = path.join(dir, 'mix.flac');
    const r = glowroom('render', song(dir), '-o', out, '--normalize', 'streaming', '--bits', '24', '--tag', 'title=CLI', '--cover', writeTemp(dir, 'c.png', tinyPng), '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as ExportReport;
    expect(report.loudness.integratedLufs).toBeGreaterThanOrEqual(-14.5);
    expect(report.loudness.integratedLufs).toBeLessThanOrEqual(-13.5);
    expect(report.loudness.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(report.platforms.map((p) => p.sentence)).toContain('Spotify will leave this as it is (it is at -14 LUFS).');
    if (has('ffmpeg')) expect(Math.abs(ffmpegIntegrated(out) + 14)).toBeLessThanOrEqual(0.5);
  });

  it('--range START-END renders exactly that many beats; --stems writes the stems', () => {
    const dir = tempDir();
    const out = path.join(dir, 'loop.wav');
    const r = glowroom('render', song(dir), '-o', out, '--range', '4-12.5', '--bits', '16', '--stems', path.join(dir, 'stems'));
    expect(r.code, r.stderr).toBe(0);
    const frames = Math.round(((12.5 * 60) / TEMPO) * RATE) - Math.round(((4 * 60) / TEMPO) * RATE);
    expect(decodeWav(readFileSync(out)).channels[0]?.length).toBe(frames);
    expect(readdirSync(path.join(dir, 'stems'))).toHaveLength(3);
    expect(r.stdout).toMatch(/YouTube will/);
    expect(r.stderr).not.toContain(stemsLoudnessNote);
  });

  it('--stems with --normalize writes the stems unnormalised and says so on stderr', () => {
    const dir = tempDir();
    const r = glowroom('render', song(dir), '--stems', path.join(dir, 'stems'), '--normalize', 'streaming', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(stemsLoudnessNote);
    const report = JSON.parse(r.stdout) as ExportReport;
    expect(report.normalization).toBeNull();
    expect(report.stems).toHaveLength(3);
  });

  it('explains bad options and a cover that is not an image', () => {
    const dir = tempDir();
    const project = song(dir);
    expect(glowroom('render', project, '-o', path.join(dir, 'x.ogg')).stderr).toContain('end the name in .wav, .flac or .mp3');
    expect(glowroom('render', project, '-o', path.join(dir, 'x.flac'), '--bits', '32f').stderr).toContain('FLAC is 16- or 24-bit');
    expect(glowroom('render', project, '-o', path.join(dir, 'x.mp3'), '--bitrate', '100').stderr).toContain('MP3 bit rates are');
    expect(glowroom('render', project, '-o', path.join(dir, 'x.wav'), '--tag', 'mood=happy').code).toBe(2);
    const r = glowroom('render', project, '-o', path.join(dir, 'x.wav'), '--cover', writeTemp(dir, 'fake.png', new TextEncoder().encode('not an image')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a PNG or JPEG image');
    expect(existsSync(path.join(dir, 'x.wav'))).toBe(false);
  });
});

function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
