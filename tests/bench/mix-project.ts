import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeWav } from '../../src/codecs/wav-writer';
import { defaultParams, isDeviceType, type DeviceType } from '../../src/devices/catalog';
import { serializeProject } from '../../src/model/parse-project';
import { createChannel, createTrack } from '../../src/model/new-track';
import { currentProjectVersion, type AudioClip, type Bus, type Device, type Project } from '../../src/model/project-schema';
import { trackColourAt } from '../../src/model/track-colours';

/**
 * The mixer benchmarks' project: N stereo tracks, each with an EQ and a compressor inserted and two
 * post-fader sends (to a reverb bus and a delay bus), and a limiter on the master. A device the
 * catalog does not have yet is replaced by a stand-in (EQ → Utility, compressor → Limiter,
 * reverb/delay → Utility), and `mixDevices` says which devices the figures really include.
 */
const SAMPLE_RATE = 48_000;
const TEMPO_BPM = 120;
const SOURCES = 4;
const SOURCE_SECONDS = 20;

function pick(wanted: string, standIn: DeviceType): DeviceType {
  return isDeviceType(wanted) ? wanted : standIn;
}

const trackInserts = [pick('eq', 'utility'), pick('compressor', 'limiter')];
const reverbInsert = pick('reverb', 'utility');
const delayInsert = pick('delay', 'utility');
const masterInsert: DeviceType = 'limiter';

/** One line naming the devices actually in the project, for benchmark notes. */
export const mixDevices = `per track: ${trackInserts.join(' + ')} inserts (defaults), post-fader sends to a "${reverbInsert}" bus (−12 dB) and a "${delayInsert}" bus (−15 dB); master: ${masterInsert}`;

function device(id: string, type: DeviceType): Device {
  return { id, type, bypass: false, params: defaultParams(type) };
}

function bus(id: string, name: string, insert: DeviceType, index: number): Bus {
  return { id, name, colour: trackColourAt(index), channel: { ...createChannel(), inserts: [device(`${id}-fx`, insert)] } };
}

/** Variations for other benchmarks: each track's clip fields, and no inserts, sends or buses. */
export interface MixOptions {
  readonly clip?: (index: number) => Partial<AudioClip>;
  readonly effects?: boolean;
}

/**
 * Writes the stereo sources (SOURCES × SOURCE_SECONDS s, 16-bit, looped by every clip) and
 * `<name>.glowroom` with `tracks` tracks playing `seconds` s into `dir`; returns the project file.
 */
export function writeMixProject(dir: string, name: string, tracks: number, seconds: number, options: MixOptions = {}): string {
  const effects = options.effects ?? true;
  const files = Array.from({ length: SOURCES }, (_, s) => {
    const file = path.join(dir, `mix-source-${s + 1}.wav`);
    writeFileSync(file, encodeWav({ sampleRate: SAMPLE_RATE, channels: [source(s, 0), source(s, 1)] }, { bitDepth: 16 }));
    return file;
  });
  const beats = (seconds * TEMPO_BPM) / 60;
  const project: Project = {
    format: 'glowroom',
    version: currentProjectVersion,
    name,
    tempo: TEMPO_BPM,
    timeSignature: [4, 4],
    sampleRate: SAMPLE_RATE,
    sources: Object.fromEntries(files.map((file, i) => [`s${i + 1}`, { path: file }])),
    tracks: Array.from({ length: tracks }, (_, i) => {
      const id = `t${i + 1}`;
      return {
        ...createTrack(id, `Track ${i + 1}`, i),
        channel: {
          ...createChannel(),
          gainDb: -20 * Math.log10(tracks) - 6,
          pan: tracks > 1 ? -0.75 + (1.5 * i) / (tracks - 1) : 0,
          inserts: effects ? trackInserts.map((type, d) => device(`${id}-fx${d + 1}`, type)) : [],
          sends: effects
            ? [
                { id: `${id}-reverb`, target: 'reverb', levelDb: -12, tap: 'post' as const },
                { id: `${id}-delay`, target: 'delay', levelDb: -15, tap: 'post' as const },
              ]
            : [],
        },
        clips: [{ kind: 'audio' as const, id: `c${i + 1}`, name: '', source: `s${(i % SOURCES) + 1}`, start: 0, length: beats, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: true, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...options.clip?.(i) }],
      };
    }),
    buses: effects ? [bus('reverb', 'Reverb', reverbInsert, tracks), bus('delay', 'Delay', delayInsert, tracks + 1)] : [],
    markers: [],
    master: { gainDb: 0, pan: 0, inserts: effects ? [device('master-fx', masterInsert)] : [] },
    automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
  };
  const projectPath = path.join(dir, `${name}.glowroom`);
  writeFileSync(projectPath, serializeProject(project));
  return projectPath;
}

/** A decaying tone burst every half second over noise, a different pitch per source and side: dynamics for the compressor to work on. */
function source(index: number, channel: number): Float32Array {
  const frames = SOURCE_SECONDS * SAMPLE_RATE;
  const out = new Float32Array(frames);
  const step = (2 * Math.PI * 110 * 2 ** ((index * 5 + channel * 7) / 24)) / SAMPLE_RATE;
  let seed = 0x2545_f491 + index * 2 + channel;
  for (let i = 0; i < frames; i++) {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    const burst = Math.exp((-8 * (i % (SAMPLE_RATE / 2))) / SAMPLE_RATE);
    out[i] = 0.4 * burst * Math.sin(i * step) + 0.02 * (seed / 2 ** 32 - 0.5);
  }
  return out;
}
