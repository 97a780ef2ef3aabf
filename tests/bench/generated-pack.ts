/**
 * A sample pack made in code for the import benchmark: kicks, snares, hats, bass, pads, risers
 * and drum and chord loops, 0.2–10 s, mono and stereo, 44.1 and 48 kHz, written as WAV (16 and
 * 24-bit), AIFF, FLAC, MP3 and Ogg Vorbis by real encoders (the export's libFLAC and LAME, and
 * the Vorbis encoder of the same wasm-media-encoders package). Seeded: the same pack every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createOggEncoder } from 'wasm-media-encoders';
import { encodeWav } from '../../src/codecs/wav-writer';
import { encodeAudio } from '../../electron/services/export/encoders';
import { encodeAiff16 } from '../support/aiff-bytes';
import { encodeOggVorbis, type OggEncoder } from '../support/ogg-bytes';

export type PackFormat = 'wav16' | 'wav24' | 'aiff' | 'flac' | 'mp3' | 'ogg';
const formats: readonly PackFormat[] = ['wav16', 'wav24', 'aiff', 'flac', 'mp3', 'ogg'];
const extensions: Readonly<Record<PackFormat, string>> = { wav16: 'wav', wav24: 'wav', aiff: 'aif', flac: 'flac', mp3: 'mp3', ogg: 'ogg' };

export interface GeneratedPack {
  readonly files: number;
  /** Seconds of audio in all files together. */
  readonly audioSeconds: number;
  readonly bytes: number;
  readonly byFormat: Readonly<Record<PackFormat, number>>;
}

type Synth = (rate: number, seconds: number, random: () => number, bpm: number, note: number) => Float32Array;

/** What a pack holds: folder, name stem, how long, how it sounds; loops name their tempo on every other file. */
const sounds: readonly { folder: string; stem: string; minSeconds: number; maxSeconds: number; loop: boolean; synth: Synth }[] = [
  { folder: 'Drums/Kicks', stem: 'kick', minSeconds: 0.2, maxSeconds: 1, loop: false, synth: (rate, s) => kick(rate, s) },
  { folder: 'Drums/Snares', stem: 'snare', minSeconds: 0.2, maxSeconds: 0.8, loop: false, synth: (rate, s, random) => snare(rate, s, random) },
  { folder: 'Drums/Hats', stem: 'hat', minSeconds: 0.2, maxSeconds: 0.5, loop: false, synth: (rate, s, random) => hat(rate, s, random) },
  { folder: 'Bass', stem: 'bass', minSeconds: 0.5, maxSeconds: 3, loop: false, synth: (rate, s, _r, _b, note) => tone(rate, s, [note - 24], 4) },
  { folder: 'Pads', stem: 'pad', minSeconds: 2, maxSeconds: 10, loop: false, synth: (rate, s, _r, _b, note) => tone(rate, s, [note, note + 3, note + 7], 0.3) },
  { folder: 'FX', stem: 'riser', minSeconds: 1, maxSeconds: 6, loop: false, synth: (rate, s, random) => riser(rate, s, random) },
  { folder: 'Loops/Drums', stem: 'drum_loop', minSeconds: 2, maxSeconds: 10, loop: true, synth: (rate, s, random, bpm) => drumLoop(rate, s, random, bpm) },
  { folder: 'Loops/Music', stem: 'chord_loop', minSeconds: 2, maxSeconds: 10, loop: true, synth: (rate, s, _r, bpm, note) => chordLoop(rate, s, bpm, note) },
];
const tempos = [90, 97, 120, 128, 140, 174];
const noteNames = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

/** Writes `count` files into `folder` (made if needed), cycling through sounds and formats. */
export async function generatePack(folder: string, count: number): Promise<GeneratedPack> {
  const random = seeded(0x5eed);
  const ogg = await createOggEncoder();
  const byFormat: Record<PackFormat, number> = { wav16: 0, wav24: 0, aiff: 0, flac: 0, mp3: 0, ogg: 0 };
  let audioSeconds = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sound = sounds[i % sounds.length] as (typeof sounds)[number];
    const format = formats[Math.floor(i / sounds.length) % formats.length] ?? 'wav16';
    const rate = i % 3 === 0 ? 48_000 : 44_100;
    const bpm = tempos[i % tempos.length] ?? 120;
    const note = 57 + (i % 12);
    // Loops last whole bars when they can.
    const wanted = sound.minSeconds + random() * (sound.maxSeconds - sound.minSeconds);
    const bar = (4 * 60) / bpm;
    const seconds = sound.loop && wanted >= bar ? Math.floor(wanted / bar) * bar : wanted;
    const mono = sound.synth(rate, seconds, random, bpm, note);
    const planes = i % 2 === 0 ? [mono] : [mono, mono.map((x, n) => x * (0.8 + 0.2 * Math.sin(n / rate)))];
    const named = sound.loop && i % 2 === 0 ? `_${bpm}bpm` : '';
    const key = sound.stem === 'bass' || sound.stem === 'pad' || sound.stem === 'chord_loop' ? `_${noteNames[note % 12] ?? 'C'}${sound.stem === 'bass' ? '' : 'm'}` : '';
    const name = `${sound.stem}_${String(i).padStart(4, '0')}${named}${key}.${extensions[format]}`;
    const data = await encode(planes, rate, format, ogg);
    mkdirSync(path.join(folder, sound.folder), { recursive: true });
    writeFileSync(path.join(folder, sound.folder, name), data);
    byFormat[format]++;
    audioSeconds += seconds;
    bytes += data.length;
  }
  return { files: count, audioSeconds, bytes, byFormat };
}

async function encode(planes: Float32Array[], rate: number, format: PackFormat, ogg: OggEncoder): Promise<Uint8Array> {
  switch (format) {
    case 'wav16':
      return encodeWav({ sampleRate: rate, channels: planes }, { bitDepth: 16 });
    case 'wav24':
      return encodeWav({ sampleRate: rate, channels: planes }, { bitDepth: 24 });
    case 'aiff':
      return encodeAiff16(planes, rate);
    case 'flac':
      return encodeAudio(planes, rate, { kind: 'flac', bits: 16 }, undefined);
    case 'mp3':
      return encodeAudio(planes, rate, { kind: 'mp3', mode: { cbrKbps: 192 } }, undefined);
    case 'ogg':
      return encodeOggVorbis(ogg, planes, rate, 4);
  }
}

function kick(rate: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  let phase = 0;
  for (let n = 0; n < out.length; n++) {
    const t = n / rate;
    phase += (2 * Math.PI * (50 + 100 * Math.exp(-t * 30))) / rate;
    out[n] = 0.9 * Math.sin(phase) * Math.exp(-t * 6);
  }
  return out;
}

function snare(rate: number, seconds: number, random: () => number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let n = 0; n < out.length; n++) {
    const t = n / rate;
    out[n] = (0.5 * (random() * 2 - 1) + 0.4 * Math.sin(2 * Math.PI * 190 * t)) * Math.exp(-t * 14);
  }
  return out;
}

function hat(rate: number, seconds: number, random: () => number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  let previous = 0;
  for (let n = 0; n < out.length; n++) {
    const noise = random() * 2 - 1;
    out[n] = 0.6 * (noise - previous) * Math.exp((-n / rate) * 40);
    previous = noise;
  }
  return out;
}

/** Notes (MIDI numbers) with a few harmonics; `decay` per second, 0 for sustained. */
function tone(rate: number, seconds: number, notes: readonly number[], decay: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (const note of notes) {
    const step = (2 * Math.PI * 440 * 2 ** ((note - 69) / 12)) / rate;
    for (let n = 0; n < out.length; n++) {
      const p = n * step;
      out[n] = (out[n] ?? 0) + ((0.6 * Math.sin(p) + 0.25 * Math.sin(2 * p) + 0.1 * Math.sin(3 * p)) / notes.length) * Math.exp((-n / rate) * decay);
    }
  }
  return out;
}

function riser(rate: number, seconds: number, random: () => number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  let phase = 0;
  for (let n = 0; n < out.length; n++) {
    const progress = n / out.length;
    phase += (2 * Math.PI * (200 + 2000 * progress * progress)) / rate;
    out[n] = progress * (0.4 * Math.sin(phase) + 0.2 * (random() * 2 - 1));
  }
  return out;
}

/** Kick on 1 and 3, snare on 2 and 4, hats on eighths. */
function drumLoop(rate: number, seconds: number, random: () => number, bpm: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  const beat = 60 / bpm;
  const hits = { kick: kick(rate, 0.3), snare: snare(rate, 0.2, random), hat: hat(rate, 0.06, random) };
  for (let eighth = 0; eighth * beat * 0.5 < seconds; eighth++) {
    const start = Math.round(eighth * beat * 0.5 * rate);
    const beatIndex = eighth / 2;
    const hit = eighth % 2 === 1 ? hits.hat : beatIndex % 2 === 0 ? hits.kick : hits.snare;
    for (let n = 0; n < hit.length && start + n < out.length; n++) out[start + n] = (out[start + n] ?? 0) + (hit[n] ?? 0);
  }
  return out;
}

/** One minor triad per bar, struck on every beat. */
function chordLoop(rate: number, seconds: number, bpm: number, root: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  const beat = 60 / bpm;
  const progression = [0, -4, 3, -2];
  for (let b = 0; b * beat < seconds; b++) {
    const base = root + (progression[Math.floor(b / 4) % progression.length] ?? 0);
    const chord = tone(rate, Math.min(beat, seconds - b * beat), [base, base + 3, base + 7], 3);
    const start = Math.round(b * beat * rate);
    for (let n = 0; n < chord.length && start + n < out.length; n++) out[start + n] = 0.7 * (chord[n] ?? 0);
  }
  return out;
}

/** Uniform in [0, 1), from a 32-bit LCG: the same pack on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
