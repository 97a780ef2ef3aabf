import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeWav } from '../../src/codecs/wav-writer';
import { serializeProject } from '../../src/model/parse-project';
import { createChannel, createTrack } from '../../src/model/new-track';
import { currentProjectVersion, type Project } from '../../src/model/project-schema';

/**
 * The generated project the render and export benchmarks time: 16 stereo tracks of 180 s at
 * 48 kHz, one clip per track covering a 24-bit WAV source of its own, pans spread −0.75…+0.75.
 */
export const BENCH_TRACKS = 16;
export const BENCH_SECONDS = 180;
export const BENCH_RATE_HZ = 48_000;
export const BENCH_FRAMES = BENCH_SECONDS * BENCH_RATE_HZ;
const TEMPO_BPM = 120;
/**
 * Per-track tone peak and uniform noise span: about −28 dBFS RMS, peaks near −20 dBFS. At −24 dBFS
 * RMS each, the 16-way unity sum of `sox -m -v 1` (no pan) would clip.
 */
const TONE = 0.04;
const NOISE = 0.11;

/** One line describing the project, for benchmark notes. */
export const benchProjectShape = `${BENCH_TRACKS} stereo tracks × ${BENCH_SECONDS} s at ${BENCH_RATE_HZ / 1000} kHz (24-bit WAV sources, about −28 dBFS RMS each), one clip per track, pans spread −0.75…+0.75`;

/** How the sources are made: song length (BENCH_SECONDS by default) and file format (24-bit WAV by default). */
export interface BenchSourceOptions {
  readonly seconds?: number;
  /** FLAC (`flac -5`) and MP3 (`lame -b 320`) are encoded from the WAV by the native tools, which must be installed. */
  readonly format?: 'wav' | 'flac' | 'mp3';
}

/** Writes the sources and `<name>.glowroom` into `dir`; returns the project file and the sources. */
export function writeBenchProject(dir: string, name: string, options: BenchSourceOptions = {}): { projectPath: string; sources: string[] } {
  const seconds = options.seconds ?? BENCH_SECONDS;
  const sources = writeSources(dir, seconds * BENCH_RATE_HZ, options.format ?? 'wav');
  const projectPath = path.join(dir, `${name}.glowroom`);
  writeFileSync(projectPath, serializeProject(benchProject(name, sources.map((file) => path.basename(file)), seconds)));
  return { projectPath, sources };
}

/** Writes the 16 stereo sources, one at a time to keep memory flat; returns their paths. */
function writeSources(dir: string, frames: number, format: 'wav' | 'flac' | 'mp3'): string[] {
  return Array.from({ length: BENCH_TRACKS }, (_, track) => {
    const wav = path.join(dir, `source-${String(track + 1).padStart(2, '0')}.wav`);
    const channels = [source(track, 0, frames), source(track, 1, frames)];
    writeFileSync(wav, encodeWav({ sampleRate: BENCH_RATE_HZ, channels }, { bitDepth: 24 }));
    if (format === 'wav') return wav;
    const encoded = wav.replace(/\.wav$/, `.${format}`);
    const [tool, args] = format === 'flac' ? ['flac', ['-5', '--silent', '-f', '-o', encoded, wav]] : ['lame', ['--silent', '-b', '320', wav, encoded]];
    const run = spawnSync(tool, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${tool} could not encode a bench source (is it installed?): ${run.error?.message ?? run.stderr}`);
    rmSync(wav);
    return encoded;
  });
}

/**
 * One channel of one track: a tone (a different pitch per track and channel, slowly swelling)
 * plus seeded white noise (levels at TONE and NOISE), so 16 of them sum without clipping: our mix
 * peaks near −4 dBFS, the unpanned sox mix near −2 dBFS.
 */
function source(track: number, channel: number, frames: number): Float32Array {
  const out = new Float32Array(frames);
  const step = (2 * Math.PI * 110 * 2 ** ((track * 5 + channel * 7) / 24)) / BENCH_RATE_HZ;
  const swell = (2 * Math.PI * (0.1 + 0.013 * track)) / BENCH_RATE_HZ;
  const random = mulberry32(0x9e37_79b9 * (1 + track * 2 + channel));
  for (let i = 0; i < frames; i++) {
    out[i] = TONE * (0.75 + 0.25 * Math.sin(i * swell)) * Math.sin(i * step) + NOISE * (random() - 0.5);
  }
  return out;
}

/**
 * Seeded uniform noise in [0, 1). Not a plain LCG: LCG streams from different seeds are affine in
 * one another (x + seed·aⁿ mod 2³²), so 32 of them summed are strongly correlated and clip.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b_79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function benchProject(name: string, files: readonly string[], seconds: number): Project {
  const beats = (seconds * TEMPO_BPM) / 60;
  return {
    format: 'glowroom',
    version: currentProjectVersion,
    name,
    tempo: TEMPO_BPM,
    timeSignature: [4, 4],
    sampleRate: BENCH_RATE_HZ,
    sources: Object.fromEntries(files.map((file, i) => [`s${i + 1}`, { path: file }])),
    tracks: files.map((_, i) => ({
      ...createTrack(`t${i + 1}`, `Track ${i + 1}`, i),
      channel: { ...createChannel(), pan: -0.75 + (1.5 * i) / (files.length - 1) },
      clips: [
        { kind: 'audio', id: `c${i + 1}`, name: '', source: `s${i + 1}`, start: 0, length: beats, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 },
      ],
    })),
    buses: [], markers: [],
    master: { gainDb: 0, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
  };
}

export function peakOf(channel: Float32Array): number {
  let peak = 0;
  for (let i = 0; i < channel.length; i++) {
    const v = Math.abs(channel[i] ?? 0);
    if (v > peak) peak = v;
  }
  return peak;
}

export function dbfs(peak: number): string {
  return `${(20 * Math.log10(peak)).toFixed(1)} dBFS`;
}
