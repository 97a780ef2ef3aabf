import type { Page } from '@playwright/test';
import { serializeProject } from '../../src/model/parse-project';
import { createTrack } from '../../src/model/new-track';
import { defaultParams, type DeviceType } from '../../src/devices/catalog';
import { noteValueIndex } from '../../src/devices/effects/note-values';
import { defaultInstrumentParams, drumPadParams } from '../../src/devices/instruments/catalog';
import { paramDefaults } from '../../src/devices/param-spec';
import { currentProjectVersion, type AudioClip, type Channel, type Clip, type Device, type Note, type NoteClip, type Project, type Track } from '../../src/model/project-schema';
import { renderProject } from '../../electron/services/render/render-project';
import { expect, samplePack, test } from './fixtures';

/**
 * What you hear is what you export: the same project rendered by the playback worklet (inside
 * Chromium, in an OfflineAudioContext hosting the app's own processor) and by the Node render
 * host must be identical, sample for sample, in float32. No tolerance: both run the same engine
 * code on the same decoded PCM with the same block size, so any difference is a bug. The mix
 * has a bus fed by outputs and by pre- and post-fader sends, a Utility and limiters on a track, a
 * bus and the master (so latency compensation runs too), and automation: a volume ramp, an
 * exponential fade, a hold step, a send level and device parameters (a Utility's width, the master
 * limiter's release along a geometric curve). The stock effects are in it too: an EQ on the perc
 * track, a compressor on the pad keyed by the kick (sidechain), a space bus with a tempo-synced
 * ping-pong delay and a reverb fed by a send, saturation and a bitcrusher on the crush bus, and a
 * filter and a chorus whose LFOs follow the transport on the pad. Warped clips too: beats mode
 * (transposed, with a warp marker), tonal mode (transposed and detuned) and repitch. A variant adds
 * instrument tracks (a drum machine, a synth and a sampler: `instrumentTracks`), soloed.
 */
const stock = (id: string, type: DeviceType, params: Record<string, number>): Device => ({ id, type, bypass: false, params: { ...defaultParams(type), ...params } });
const clip = (id: string, source: string, start: number, length: number, extra: Partial<AudioClip> = {}): AudioClip => ({
  kind: 'audio', id, name: '', source, start, length, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...extra,
});
const track = (id: string, clips: Clip[], channel: Partial<Channel> = {}): Track => {
  const base = createTrack(id, id, 0);
  return { ...base, channel: { ...base.channel, ...channel }, clips };
};

const project: Project = {
  format: 'glowroom',
  version: currentProjectVersion,
  name: 'Null test',
  tempo: 137,
  timeSignature: [4, 4],
  sampleRate: 48_000,
  sources: {
    amen: { path: `${samplePack}/Loops/amen_break_137bpm.wav` },
    kick: { path: `${samplePack}/Drums/Kicks/bd_klub_48k.wav` },
    tabla: { path: `${samplePack}/Drums/Hats & Perc/tabla_na_mono.wav` },
    snare: { path: `${samplePack}/Drums/Snares/sn_zome_float.wav` },
    pad: { path: `${samplePack}/Loops/garzul_120bpm_Cmin_96k.wav` },
    gone: { path: `${samplePack}/Drums/no-such-file.wav` },
  },
  tracks: [
    track('drums', [clip('a1', 'amen', 0, 4, { loop: true, offset: 0.05, fadeIn: 0.02 }), clip('a2', 'amen', 4, 2.5, { reverse: true, gainDb: -4 })], {
      pan: 0.35,
      inserts: [{ id: 'd1', type: 'utility', bypass: false, params: { gainDb: -2, pan: -0.1, width: 150, mono: 0, invertLeft: 0, invertRight: 1 } }],
      sends: [{ id: 'x1', target: 'crush', levelDb: -6, tap: 'pre' }],
      output: 'drum-bus',
    }),
    track('kick', [0, 1, 2, 3, 4.5, 5, 6].map((b) => clip(`k${b}`, 'kick', b, 0.5)), { gainDb: -3, output: 'drum-bus', sends: [{ id: 'x2', target: 'crush', levelDb: -3, tap: 'post' }] }),
    track('perc', [clip('p1', 'tabla', 0.75, 1, { rate: 1.5 }), clip('p2', 'tabla', 3.1, 2, { rate: 0.7, fadeOut: 0.1 }), clip('p3', 'tabla', 2, 1, { mute: true })], {
      pan: -0.7,
      inserts: [stock('eq-perc', 'eq', { hpOn: 1, hpHz: 180, hpSlope: 1, p2Hz: 900, p2GainDb: -9, p2Q: 2.5, hsGainDb: 4, lpOn: 1, lpHz: 9000, lpSlope: 2 })],
      sends: [{ id: 'x3', target: 'space', levelDb: -4, tap: 'post' }],
    }),
    track('snare', [clip('s1', 'snare', 1, 1), clip('s2', 'snare', 3, 1, { rate: 1.12 })], { mute: true }),
    track('pad', [clip('pad', 'pad', 0, 7, { offset: 1.25, gainDb: -12, fadeIn: 0.5, fadeOut: 1 })], {
      solo: false,
      pan: 0.1,
      inserts: [stock('wobble', 'filter', { mode: 0, cutoffHz: 1200, resonance: 50, lfoNote: noteValueIndex('1/2'), lfoDepth: 2 }), stock('ensemble', 'chorus', { voices: 2, depthMs: 8, feedback: 30, mix: 50 }), { ...stock('duck', 'compressor', { thresholdDb: -36, ratio: 8, attackMs: 1, releaseMs: 90, detectorHpOn: 1, detectorHpHz: 60 }), sidechain: 'kick' }],
      sends: [{ id: 'x4', target: 'space', levelDb: -10, tap: 'pre' }],
    }),
    // Warped clips follow the song's 137 BPM from their own tempi: beats slices with a marker,
    // tonal (phase vocoder) transposed, and repitch varispeed.
    track('warp', [
      clip('w1', 'amen', 0.5, 3, { loop: true, offset: 0.1, warp: { mode: 'beats', sourceTempo: 150, markers: [{ source: 0.9, beat: 2.1 }] }, transpose: -2 }),
      clip('w2', 'pad', 1, 5.5, { offset: 0.7, gainDb: -9, fadeIn: 0.2, warp: { mode: 'tonal', sourceTempo: 120, markers: [] }, transpose: 3, detune: 25 }),
      clip('w3', 'tabla', 4.25, 1.5, { loop: true, warp: { mode: 'repitch', sourceTempo: 110, markers: [] } }),
    ], { gainDb: -4, pan: -0.2, sends: [{ id: 'x5', target: 'space', levelDb: -14, tap: 'post' }] }),
    track('ghost', [clip('g', 'gone', 0, 2)]),
  ],
  buses: [
    { id: 'drum-bus', name: 'Drums', colour: '#ff6b6b', channel: { ...createTrack('x', '', 0).channel, gainDb: -1, pan: -0.2 } },
    {
      id: 'crush',
      name: 'Crush',
      colour: '#5aa9ff',
      channel: {
        ...createTrack('x', '', 0).channel,
        inserts: [stock('sat', 'saturation', { driveDb: 20, tone: 30, mix: 70 }), stock('crusher', 'bitcrusher', { bits: 7.5, downsample: 3.3, mix: 50 }), { id: 'd2', type: 'limiter', bypass: false, params: { ceilingDb: -14, releaseMs: 30 } }],
        output: 'drum-bus',
      },
    },
    {
      id: 'space',
      name: 'Space',
      colour: '#7ee081',
      channel: {
        ...createTrack('x', '', 0).channel,
        inserts: [stock('echo', 'delay', { sync: 1, noteValue: noteValueIndex('1/8D'), feedback: 55, pingPong: 1, mix: 100 }), stock('hall', 'reverb', { size: 70, decayS: 2.5, preDelayMs: 20, mix: 100 })],
      },
    },
  ],
  markers: [],
  master: { gainDb: -1.5, pan: 0, inserts: [{ id: 'd3', type: 'limiter', bypass: false, params: { ceilingDb: -1, releaseMs: 50 } }] },
  automation: [
    {
      target: 'pad',
      param: 'gainDb',
      points: [
        { beat: 0.5, value: -30, curve: 'linear' },
        { beat: 2.3, value: 0, curve: 'exponential' },
        { beat: 4, value: -6, curve: 'hold' },
        { beat: 5.1, value: -3, curve: 'linear' },
      ],
    },
    { target: 'd1', param: 'width', points: [{ beat: 1, value: 50, curve: 'exponential' }, { beat: 3.7, value: 180, curve: 'linear' }] },
    { target: 'x2', param: 'levelDb', points: [{ beat: 0, value: -20, curve: 'linear' }, { beat: 6.2, value: 0, curve: 'linear' }] },
    { target: 'eq-perc', param: 'p2Hz', points: [{ beat: 0, value: 300, curve: 'exponential' }, { beat: 5, value: 4000, curve: 'linear' }] },
    { target: 'd3', param: 'releaseMs', points: [{ beat: 0, value: 20, curve: 'exponential' }, { beat: 6, value: 200, curve: 'linear' }] },
  ],
  tempoChanges: [],
  meterChanges: [],
  swing: 50,
  patterns: {},
  key: null,
};

const noteClip = (id: string, pattern: string, start: number, length: number, extra: Partial<NoteClip> = {}): NoteClip => ({
  kind: 'notes', id, name: '', pattern, start, length, offset: 0, loop: false, mute: false, ...extra,
});
/** Pad `pad` (36 + pad) on every step of `steps` sixteenths, at velocities cycling through `velocities`. */
const steps = (pad: number, at: readonly number[], velocities: readonly number[], extra: (i: number) => Partial<Note> = () => ({})): Note[] =>
  at.map((step, i) => ({ pitch: 36 + pad, start: step / 4, length: 0.25, velocity: velocities[i % velocities.length] ?? 1, ...extra(i) }));
const padsOf = (settings: Record<number, { source: string; params?: Record<string, number>; output?: string }>) =>
  Array.from({ length: 16 }, (_, i) => ({ name: '', source: settings[i]?.source ?? null, params: { ...paramDefaults(drumPadParams), ...settings[i]?.params }, output: settings[i]?.output ?? null }));

/**
 * The instruments: a drum machine (swing 62 % on 1/16 steps, ratchets, probability, velocities, a
 * reversed and pitched pad, a choke pair, a pad with its own output to the space bus), a synth
 * (saw + pulse, unison, 24 dB filter with drive and envelope, an LFO on pitch, cutoff and pulse
 * width, legato with glide) and a sampler (the 96 kHz pad loop looping with a crossfade through its
 * low-pass filter and envelope, velocity to filter, mono with glide).
 */
const instrumentTracks: Track[] = [
  {
    ...track('beat', [noteClip('n-beat', 'groove', 0, 7, { loop: true, offset: 0.25 })], { gainDb: -4, pan: 0.15, inserts: [stock('beat-comp', 'compressor', { thresholdDb: -20, ratio: 4 })] }),
    instrument: {
      id: 'beat-drums',
      type: 'drums',
      params: defaultInstrumentParams('drums'),
      pads: padsOf({
        0: { source: 'kick' },
        1: { source: 'snare', params: { pitch: -2, cents: 30, decayMs: 300 }, output: 'space' },
        2: { source: 'tabla', params: { choke: 1, gainDb: -6, pan: -0.4 } },
        3: { source: 'tabla', params: { choke: 1, pitch: 5, attackMs: 3, startMs: 10, pan: 0.5 } },
        4: { source: 'snare', params: { reverse: 1, gainDb: -8 } },
      }),
    },
  },
  {
    // Two note takes (format v5): the chosen one plays; the other, muted, must not sound in either host.
    ...track('bass', [noteClip('n-bass-1', 'chords', 0.5, 6, { mute: true, take: { group: 'g-bass', pass: 1 } }), noteClip('n-bass', 'line', 0.5, 6, { take: { group: 'g-bass', pass: 2 } })], { gainDb: -8 }),
    instrument: {
      id: 'bass-synth',
      type: 'synth',
      params: {
        ...defaultInstrumentParams('synth'),
        osc2Wave: 1, osc2Width: 30, unisonVoices: 2, cutoffHz: 1400, driveDb: 6, filterEnvAmount: 2,
        lfoPitch: 0.4, lfoFilter: 1.5, lfoPulseWidth: 20, glideMs: 90, voiceMode: 2,
      },
    },
  },
  {
    ...track('keys', [noteClip('n-keys', 'chords', 0, 7)], { gainDb: -10, pan: -0.3 }),
    instrument: {
      id: 'keys-sampler',
      type: 'sampler',
      params: {
        ...defaultInstrumentParams('sampler'),
        loop: 1, loopCrossfadeMs: 30, filterMode: 1, cutoffHz: 600, resonance: 45, filterEnvOctaves: 3, filterDecayMs: 400, filterSustain: 20,
        velocityToFilter: 1.5, voiceMode: 1, glideMs: 40, ampReleaseMs: 300, fineTuneCents: -12,
      },
      zone: { source: 'pad', rootNote: 60, start: 0.5, end: 3.5, loopStart: 1, loopEnd: 2.2, slices: [] },
    },
  },
];

/**
 * Automation of the devices whose sound goes through transcendental functions (det-math) while
 * their settings move: the compressor's threshold (its curve and gain), saturation's drive and
 * tone, the LFO filter's cutoff along a geometric curve and its depth, the chorus depth, the
 * reverb's damping, and the synth's cutoff (geometric), LFO → cutoff and drive.
 */
const deviceAutomation: Project['automation'] = [
  { target: 'duck', param: 'thresholdDb', points: [{ beat: 0, value: -40, curve: 'linear' }, { beat: 4, value: -12, curve: 'exponential' }, { beat: 6.5, value: -30, curve: 'linear' }] },
  { target: 'sat', param: 'driveDb', points: [{ beat: 0, value: 6, curve: 'exponential' }, { beat: 6, value: 30, curve: 'linear' }] },
  { target: 'sat', param: 'tone', points: [{ beat: 1, value: -80, curve: 'linear' }, { beat: 5, value: 80, curve: 'linear' }] },
  { target: 'wobble', param: 'cutoffHz', points: [{ beat: 0, value: 300, curve: 'exponential' }, { beat: 6, value: 5000, curve: 'linear' }] },
  { target: 'wobble', param: 'lfoDepth', points: [{ beat: 0, value: 0, curve: 'linear' }, { beat: 6, value: 3, curve: 'linear' }] },
  { target: 'ensemble', param: 'depthMs', points: [{ beat: 0, value: 2, curve: 'linear' }, { beat: 5, value: 18, curve: 'linear' }] },
  { target: 'hall', param: 'damping', points: [{ beat: 0, value: 0, curve: 'linear' }, { beat: 6, value: 90, curve: 'linear' }] },
  { target: 'bass-synth', param: 'cutoffHz', points: [{ beat: 0.5, value: 400, curve: 'exponential' }, { beat: 6, value: 6000, curve: 'linear' }] },
  { target: 'bass-synth', param: 'lfoFilter', points: [{ beat: 0.5, value: 0, curve: 'linear' }, { beat: 6, value: 3, curve: 'linear' }] },
  { target: 'bass-synth', param: 'driveDb', points: [{ beat: 1, value: 0, curve: 'linear' }, { beat: 5, value: 18, curve: 'linear' }] },
];

const instrumentPatterns: Project['patterns'] = {
  groove: {
    name: 'Groove',
    length: 4,
    swing: 62,
    stepGrid: { division: '1/16', rowSteps: {} },
    notes: [
      ...steps(0, [0, 6, 8, 11], [1, 0.8]),
      ...steps(1, [4, 12], [0.9], (i) => (i === 1 ? { ratchet: 3 } : {})),
      ...steps(2, [0, 2, 4, 6, 8, 10, 12, 14], [0.7, 0.4, 0.55], (i) => (i % 3 === 2 ? { probability: 0.5 } : {})),
      ...steps(3, [3, 7, 15], [0.6], (i) => (i === 2 ? { ratchet: 4 } : {})),
      ...steps(4, [9, 13], [0.8], () => ({ probability: 0.7 })),
    ].sort((a, b) => a.start - b.start || a.pitch - b.pitch),
  },
  line: {
    name: 'Line',
    length: 6,
    notes: [
      { pitch: 36, start: 0, length: 1.2, velocity: 0.9 },
      { pitch: 43, start: 1, length: 0.5, velocity: 0.7 },
      { pitch: 41, start: 2, length: 1.5, velocity: 1 },
      { pitch: 48, start: 3.25, length: 0.5, velocity: 0.6 },
      { pitch: 36, start: 4, length: 1.75, velocity: 0.8 },
    ],
  },
  chords: {
    name: 'Chords',
    length: 7,
    notes: [
      { pitch: 60, start: 0, length: 2.5, velocity: 0.9 },
      { pitch: 63, start: 2, length: 1, velocity: 0.5 },
      { pitch: 67, start: 3.5, length: 2, velocity: 1 },
      { pitch: 55, start: 5, length: 1.75, velocity: 0.7 },
    ],
  },
};

async function workletRender(page: Page, doc: Project, frames: number): Promise<Float32Array> {
  await page.goto(process.env['GLOWROOM_HARNESS_URL'] ?? '');
  await page.waitForFunction(() => window.harnessReady === true);
  const base64 = await page.evaluate(([json, n]) => window.renderProjectInWorklet(json, n), [serializeProject(doc), frames] as const);
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

function interleave(left: Float32Array, right: Float32Array): Float32Array {
  const out = new Float32Array(left.length * 2);
  for (let i = 0; i < left.length; i++) {
    out[2 * i] = left[i] ?? 0;
    out[2 * i + 1] = right[i] ?? 0;
  }
  return out;
}

function firstDifference(a: Float32Array, b: Float32Array): string {
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) return `frame ${i >> 1} ${i & 1 ? 'right' : 'left'}: worklet ${a[i]} vs node ${b[i]}`;
  }
  return 'none';
}

test.describe('null test: playback worklet vs Node render', () => {
  for (const variant of ['full mix', 'with a solo and a solo-safe return', 'over a tempo map', 'over a tempo ramp', 'with instrument tracks', 'with its devices and synth automated'] as const) {
    test(`${variant} is identical sample for sample`, async ({ page }) => {
      // Two whole renders, one of them in a page loading the engine cold (~5 s on a quiet machine,
      // ~45 s with a tenth of a core): three times the usual limit.
      test.slow();
      // Perc and pad soloed; the space bus their sends feed is solo safe, so it keeps sounding.
      // The tempo map: a jump to 110 BPM at beat 2, to 150 at beat 4.5, and 3/4 from bar 1. The ramp
      // (137 → 110 BPM to beat 2) needs ln and exp, whose last bit V8's Math.log1p/expm1 get
      // differently in Node 20 and in this Chromium. The clock, the devices' LFOs, curves and
      // coefficients and the stretcher take every transcendental from det-math, the same in both.
      const doc: Project =
        variant === 'full mix'
          ? project
          : variant === 'with instrument tracks'
            ? // Soloed, so the energy check below hears the instruments alone (and the bus a pad plays into).
              { ...project, tracks: [...project.tracks, ...instrumentTracks.map((t) => ({ ...t, channel: { ...t.channel, solo: true } }))], patterns: instrumentPatterns }
          : variant === 'with its devices and synth automated'
            ? { ...project, tracks: [...project.tracks, ...instrumentTracks], patterns: instrumentPatterns, automation: [...project.automation, ...deviceAutomation] }
          : variant === 'over a tempo map' || variant === 'over a tempo ramp'
            ? {
                ...project,
                tempoChanges: [{ beat: 2, bpm: 110, ramp: variant === 'over a tempo ramp' }, { beat: 4.5, bpm: 150, ramp: false }],
                meterChanges: [{ bar: 1, timeSignature: [3, 4] }],
              }
            : {
              ...project,
              tracks: project.tracks.map((t) => (t.id === 'perc' || t.id === 'pad' ? { ...t, channel: { ...t.channel, solo: true } } : t)),
              buses: project.buses.map((b) => (b.id === 'space' ? { ...b, channel: { ...b.channel, soloSafe: true } } : b)),
            };
      const node = await renderProject({ project: doc, folder: samplePack });
      expect(node.unplayable.map((u) => u.sourceId)).toEqual(['gone']);
      const expected = interleave(...node.channels);
      const frames = node.channels[0].length;
      expect(frames).toBeGreaterThan(48_000 * 2);
      let energy = 0;
      for (const x of expected) energy += x * x;
      expect(energy, 'the render is not silent').toBeGreaterThan(100);

      if (variant === 'with its devices and synth automated') {
        // The lanes reach the devices: the same song without them renders differently.
        const still = await renderProject({ project: { ...doc, automation: project.automation }, folder: samplePack });
        expect(firstDifference(interleave(...still.channels), expected), 'automation changed nothing').not.toBe('none');
      }
      const actual = await workletRender(page, doc, frames);
      expect(actual.length).toBe(expected.length);
      expect(firstDifference(actual, expected)).toBe('none');
    });
  }
});
