/**
 * The demo song (Help ▸ Open demo song, the first-run panel): “Glow Up”, 17 bars of lo-fi hip-hop
 * at 96 BPM in C minor (about 42 s), made only of the bundled CC0 content (native-assets/factory)
 * and Glowroom's own instruments, so it shows what a new user can do with what ships:
 * - Drums: the factory kit on the drum machine, a two-bar 1/16 pattern swung at 57 % with
 *   velocity accents, a ghost snare, a tabla that plays 60 % of the time and a ratcheted hat; the
 *   main groove is placed twice as linked copies, a hats-only pattern carries the intro and the
 *   break, a boom ends it. Glue compression on the channel, a little reverb.
 * - 808: the synth's “808 bass (glide)” preset, roots with an octave jump that slides (legato
 *   notes overlap), an EQ cleaning the sub.
 * - Chords: the synth's “Pad” preset, Cm9 – A♭maj7 – E♭maj7 – B♭6, ducked by the drums (sidechain
 *   compressor) and sent to the reverb.
 * - Chime: the sampler playing the factory chime (its own pitch is B6, 33 cents flat) as a
 *   melody, sent to the delay and the reverb.
 * - Buses “Reverb” (100 % wet) and “Delay” (dotted-eighth ping-pong); on the master an EQ, glue
 *   compression and a limiter at −1 dB.
 * It is built here rather than read from a file so it always matches the current format; the
 * samples are named relative to the factory folder and resolved against `factoryDir`.
 */
import { defaultParams, type DeviceType } from '../devices/catalog';
import { factoryPresets } from '../devices/factory-presets';
import { noteValueIndex } from '../devices/effects/note-values';
import { drumPadBasePitch } from '../devices/instruments/catalog';
import { synthPresets, synthPresetValues } from '../devices/instruments/synth';
import { factoryKit } from './beats/factory-kit';
import { createInstrument } from './new-instrument';
import { createEmptyProject } from './new-project';
import { createChannel } from './new-track';
import { defaultTrackHeight, type Bus, type Device, type Instrument, type Note, type NoteClip, type Pattern, type Project, type Track } from './project-schema';
import { trackPalette } from './track-colours';

export const demoSongName = 'Glow Up (demo)';
/** The chime's file, relative to the factory folder, and its pitch: B6 (MIDI 95), 33 cents flat. */
const chimeFile = 'Vocal-ish FX/elec_chime.flac';
const chimeRoot = 95;
const chimeCents = 33;
const chimeSeconds = 2.27;

const bar = 4;

/** A device of `type` at its defaults, then the named factory preset, then `params`. */
function device(id: string, type: DeviceType, preset: string | null, params: Record<string, number> = {}, sidechain?: string): Device {
  const named = preset === null ? {} : factoryPresets[type].find((p) => p.name === preset)?.params;
  if (!named) throw new Error(`no factory preset “${preset}” for ${type}`);
  return { id, type, bypass: false, params: { ...defaultParams(type), ...named, ...params }, ...(sidechain ? { sidechain } : {}) };
}

function note(pitch: number, start: number, length: number, velocity: number, extra: Partial<Note> = {}): Note {
  return { pitch, start, length, velocity, ...extra };
}

function pattern(name: string, length: number, notes: Note[], extra: Partial<Pattern> = {}): Pattern {
  return { name, length, notes: notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch), ...extra };
}

function clip(id: string, name: string, patternId: string, startBar: number, bars: number, offset = 0): NoteClip {
  return { kind: 'notes', id, name, pattern: patternId, start: startBar * bar, length: bars * bar, offset, loop: true, mute: false };
}

/** A pad's MIDI pitch by the factory kit's pad name. */
function pad(name: string): number {
  const index = factoryKit.findIndex((p) => p.name === name);
  if (index < 0) throw new Error(`no pad “${name}” in the factory kit`);
  return drumPadBasePitch + index;
}

/** Steps of a 1/16 grid, as [step, velocity] pairs, into notes of one pad. */
function steps(padName: string, hits: readonly (readonly [number, number])[], extra: (step: number) => Partial<Note> = () => ({})): Note[] {
  return hits.map(([step, velocity]) => note(pad(padName), step / 4, 0.25, velocity, extra(step)));
}

function groove(): Pattern {
  const hats: [number, number][] = [];
  for (let step = 0; step < 32; step += 2) hats.push([step, step % 8 === 0 ? 0.85 : step % 4 === 0 ? 0.6 : 0.45]);
  hats.push([13, 0.3], [29, 0.3]);
  return pattern(
    'Groove',
    2 * bar,
    [
      ...steps('Kick', [[0, 1], [7, 0.7], [10, 0.9], [16, 1], [23, 0.7], [26, 0.85], [30, 0.6]]),
      ...steps('Snare', [[4, 0.95], [12, 0.95], [15, 0.28], [20, 0.95], [28, 1]]),
      ...steps('Closed Hat', hats.filter(([step]) => step !== 14 && step !== 30), (step) => (step === 26 ? { ratchet: 2 } : {})),
      ...steps('Open Hat', [[14, 0.55], [30, 0.6]]),
      ...steps('Tabla', [[11, 0.5], [27, 0.45]], () => ({ probability: 0.6 })),
    ],
    { swing: 57, stepGrid: { division: '1/16', rowSteps: {} } },
  );
}

function hatsOnly(): Pattern {
  const hats: [number, number][] = [];
  for (let step = 0; step < 16; step += 2) hats.push([step, step % 4 === 0 ? 0.6 : 0.4]);
  return pattern('Hats', bar, [...steps('Closed Hat', hats), ...steps('Low Boom', [[0, 0.5]])], { swing: 57, stepGrid: { division: '1/16', rowSteps: {} } });
}

const ending = (): Pattern => pattern('Ending', bar, [...steps('Kick', [[0, 1]]), ...steps('Boom FX', [[0, 0.8]])], { stepGrid: { division: '1/16', rowSteps: {} } });

/** The chord roots, one a bar: C, A♭, E♭, B♭ (MIDI, the octave the 808 plays them in). */
const roots = [48, 44, 51, 46] as const;

function bassline(): Pattern {
  const notes = roots.flatMap((root, i) => {
    const at = i * bar;
    // The octave jump overlaps the note before it, so legato glides up to it, and back down.
    return [note(root, at, 1.5, 1), note(root, at + 1.75, 0.95, 0.8), note(root + 12, at + 2.5, 0.6, 0.85), note(root, at + 3, 0.75, 0.9)];
  });
  return pattern('808', 4 * bar, notes);
}

function chords(): Pattern {
  const voicings = [
    [60, 63, 67, 70, 74], // Cm9
    [56, 60, 63, 67], // A♭maj7
    [58, 63, 67, 70, 74], // E♭maj7 over B♭
    [58, 62, 65, 67], // B♭6
  ];
  return pattern('Chords', 4 * bar, voicings.flatMap((chord, i) => chord.map((pitch) => note(pitch, i * bar, 3.75, 0.7))));
}

function melody(): Pattern {
  // [pitch, start in beats, length, velocity] over the four chords.
  const line: [number, number, number, number][] = [
    [91, 0, 0.5, 0.9], [87, 0.75, 0.5, 0.7], [84, 1.5, 0.75, 0.8], [91, 2.5, 0.5, 0.75], [94, 3, 1, 0.85],
    [96, 4, 0.5, 0.9], [92, 4.75, 0.5, 0.7], [91, 5.5, 1, 0.8], [87, 6.5, 0.5, 0.7],
    [91, 8, 0.5, 0.9], [94, 8.75, 0.5, 0.7], [98, 9.5, 0.75, 0.85], [94, 10.5, 0.5, 0.7], [91, 11, 1, 0.8],
    [89, 12, 0.5, 0.85], [86, 12.75, 0.5, 0.7], [82, 13.5, 1, 0.75], [84, 15, 0.75, 0.8],
  ];
  return pattern('Chime line', 4 * bar, line.map(([pitch, start, length, velocity]) => note(pitch, start, length, velocity)));
}

function track(id: string, name: string, colour: number, instrument: Instrument, clips: NoteClip[], channel: Partial<Track['channel']>): Track {
  return { id, name, colour: trackPalette[colour]!, height: defaultTrackHeight, channel: { ...createChannel(), ...channel }, instrument, clips };
}

function bus(id: string, name: string, colour: number, inserts: Device[]): Bus {
  return { id, name, colour: trackPalette[colour]!, channel: { ...createChannel(), soloSafe: true, inserts } };
}

/** The demo song with its samples in the factory folder `factoryDir` (absolute). */
export function demoSong(factoryDir: string): Project {
  const file = (relative: string) => `${factoryDir.replace(/[\\/]+$/, '')}/${relative}`;
  const sources: Project['sources'] = {};
  const kitSources = factoryKit.map((kitPad, i) => {
    const id = `s${i + 1}`;
    sources[id] = { path: file(kitPad.file) };
    return id;
  });
  sources.chime = { path: file(chimeFile) };

  const drums = createInstrument('drums', 'i1');
  if (drums.type !== 'drums') throw new Error('expected a drum machine');
  drums.pads = drums.pads.map((p, i) => {
    const kitPad = factoryKit[i]!;
    return { ...p, name: kitPad.name, source: kitSources[i]!, params: { ...p.params, ...kitPad.params } };
  });
  const bass = { ...createInstrument('synth', 'i2'), params: synthPresetValues(synthPresets.find((p) => p.name === '808 bass (glide)')!) };
  const pad = createInstrument('synth', 'i3');
  pad.params = { ...synthPresetValues(synthPresets.find((p) => p.name === 'Pad')!), gainDb: -14 };
  const chime = createInstrument('sampler', 'i4');
  if (chime.type !== 'sampler') throw new Error('expected a sampler');
  chime.zone = { source: 'chime', rootNote: chimeRoot, start: 0, end: chimeSeconds, loopStart: 0, loopEnd: chimeSeconds, slices: [] };
  chime.params = { ...chime.params, fineTuneCents: chimeCents, ampReleaseMs: 600, filterMode: 1, cutoffHz: 6000, velocityToVolume: 60, gainDb: -10 };

  const project = createEmptyProject(demoSongName);
  return {
    ...project,
    tempo: 96,
    key: { tonic: 0, mode: 'minor' },
    sources,
    patterns: { p1: groove(), p2: hatsOnly(), p3: ending(), p4: bassline(), p5: chords(), p6: melody() },
    tracks: [
      track('t1', 'Drums', 0, drums, [clip('c1', 'Hats', 'p2', 0, 2), clip('c2', 'Groove', 'p1', 2, 8), clip('c3', 'Hats', 'p2', 10, 2), clip('c4', 'Groove', 'p1', 12, 4), clip('c5', 'Ending', 'p3', 16, 1)], {
        gainDb: -3,
        inserts: [device('d1', 'compressor', 'Drum bus glue', { autoMakeup: 0, makeupDb: 2 })],
        sends: [{ id: 'x1', target: 'b1', levelDb: -20, tap: 'post' }],
      }),
      track('t2', '808', 7, bass, [clip('c6', '808', 'p4', 2, 8), clip('c7', '808', 'p4', 12, 4)], {
        gainDb: -2,
        inserts: [device('d2', 'eq', 'Low cut 80 Hz', { hpHz: 28, p2Hz: 250, p2GainDb: -2 })],
      }),
      track('t3', 'Chords', 5, pad, [clip('c8', 'Chords', 'p5', 0, 16)], {
        gainDb: -10,
        pan: -0.1,
        inserts: [device('d3', 'eq', 'Low cut 80 Hz', { hpHz: 180 }), device('d4', 'compressor', null, { thresholdDb: -32, ratio: 4, attackMs: 2, releaseMs: 160, kneeDb: 6 }, 't1')],
        sends: [{ id: 'x2', target: 'b1', levelDb: -9, tap: 'post' }],
      }),
      track('t4', 'Chime', 3, chime, [clip('c9', 'Chime line', 'p6', 0, 8), clip('c10', 'Chime line', 'p6', 12, 4)], {
        gainDb: -2,
        pan: 0.15,
        inserts: [device('d5', 'eq', 'Low cut 80 Hz', { hpHz: 300, hsGainDb: -3 })],
        sends: [
          { id: 'x3', target: 'b2', levelDb: -10, tap: 'post' },
          { id: 'x4', target: 'b1', levelDb: -12, tap: 'post' },
        ],
      }),
    ],
    buses: [
      bus('b1', 'Reverb', 4, [device('d6', 'reverb', 'Send bus (100 % wet)', { decayS: 2.6 })]),
      bus('b2', 'Delay', 6, [device('d7', 'delay', 'Dub quarter', { noteValue: noteValueIndex('1/8D'), feedback: 45, pingPong: 1, mix: 100 })]),
    ],
    markers: [
      { id: 'm1', beat: 0, name: 'Intro' },
      { id: 'm2', beat: 2 * bar, name: 'Beat' },
      { id: 'm3', beat: 10 * bar, name: 'Break' },
      { id: 'm4', beat: 12 * bar, name: 'Drop' },
    ],
    master: {
      gainDb: 0,
      pan: 0,
      inserts: [device('d8', 'eq', null, { lsGainDb: 1, hsGainDb: 1.5 }), device('d9', 'compressor', 'Drum bus glue', { thresholdDb: -12, autoMakeup: 0 }), device('d10', 'limiter', 'Streaming −1 dBTP')],
    },
  };
}
