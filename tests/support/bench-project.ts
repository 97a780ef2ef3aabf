import { writeFileSync } from 'node:fs';
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
const BEATS = (BENCH_SECONDS * TEMPO_BPM) / 60;
/**
 * Per-track tone peak and uniform noise span: about −28 dBFS RMS, peaks near −20 dBFS. At −24 dBFS
 * RMS each, the 16-way unity sum of `sox -m -v 1` (no pan) would clip.
 */
const TONE = 0.04;
const NOISE = 0.11;

/** One line describing the project, for benchmark notes. */
export const benchProjectShape = `${BENCH_TRACKS} stereo tracks × ${BENCH_SECONDS} s at ${BENCH_RATE_HZ / 1000} kHz (24-bit WAV sources, about −28 dBFS RMS each), one clip per track, pans spread −0.75…+0.75`;

/** Writes the sources and `<name>.glowroom` into `dir`; returns the project file and the sources. */
export function writeBenchProject(dir: string, name: string): { projectPath: string; sources: string[] } {
  const sources = writeSources(dir);
  const projectPath = path.join(dir, `${name}.glowroom`);
  writeFileSync(projectPath, serializeProject(benchProject(name, sources.map((file) => path.basename(file)))));
  return { projectPath, sources };
}

/** Writes the 16 stereo 24-bit sources, one at a time to keep memory flat; returns their paths. */
function writeSources(dir: string): string[] {
  return Array.from({ length: BENCH_TRACKS }, (_, track) => {
    const file = path.join(dir, `source-${String(track + 1).padStart(2, '0')}.wav`);
    const channels = [source(track, 0), source(track, 1)];
    writeFileSync(file, encodeWav({ sampleRate: BENCH_RATE_HZ, channels }, { bitDepth: 24 }));
    return file;
  });
}

/**
 * One channel of one track: a tone (a different pitch per track and channel, slowly swelling)
 * plus seeded white noise (levels at TONE and NOISE), so 16 of them sum without clipping: our mix
 * peaks near −4 dBFS, the unpanned sox mix near −2 dBFS.
 */
function source(track: number, channel: number): Float32Array {
  const out = new Float32Array(BENCH_FRAMES);
  const step = (2 * Math.PI * 110 * 2 ** ((track * 5 + channel * 7) / 24)) / BENCH_RATE_HZ;
  const swell = (2 * Math.PI * (0.1 + 0.013 * track)) / BENCH_RATE_HZ;
  const random = mulberry32(0x9e37_79b9 * (1 + track * 2 + channel));
  for (let i = 0; i < BENCH_FRAMES; i++) {
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

function benchProject(name: string, files: readonly string[]): Project {
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
        { kind: 'audio', id: `c${i + 1}`, name: '', source: `s${i + 1}`, start: 0, length: BEATS, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 },
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
