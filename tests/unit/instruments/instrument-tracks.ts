/** Instrument tracks for the engine tests: a drum machine whose pads hold given samples, a sampler, patterns. */
import { defaultInstrumentParams, drumPadParams } from '../../../src/devices/instruments/catalog';
import { paramDefaults } from '../../../src/devices/param-spec';
import { createTrack } from '../../../src/model/new-track';
import type { Note, NoteClip, Pattern, Project, SamplerZone, Track } from '../../../src/model/project-schema';

/** A drum track `id` whose pad i plays source `pads[i]` (the rest empty), with `clips`. */
export function drumTrack(id: string, pads: Record<number, string>, clips: NoteClip[], padParams: Record<number, Record<string, number>> = {}): Track {
  return {
    ...createTrack(id, id, 0),
    instrument: {
      id: `${id}-drums`,
      type: 'drums',
      params: defaultInstrumentParams('drums'),
      pads: Array.from({ length: 16 }, (_, pad) => ({ name: '', source: pads[pad] ?? null, params: { ...paramDefaults(drumPadParams), ...padParams[pad] }, output: null })),
    },
    clips,
  };
}

export function samplerTrack(id: string, zone: SamplerZone, clips: NoteClip[], params: Record<string, number> = {}): Track {
  return { ...createTrack(id, id, 0), instrument: { id: `${id}-sampler`, type: 'sampler', params: { ...defaultInstrumentParams('sampler'), ...params }, zone }, clips };
}

export function noteClip(id: string, pattern: string, start: number, length: number, fields: Partial<NoteClip> = {}): NoteClip {
  return { kind: 'notes', id, name: '', pattern, start, length, offset: 0, loop: false, mute: false, ...fields };
}

export function pattern(length: number, notes: Note[], fields: Partial<Pattern> = {}): Pattern {
  return { name: '', length, notes, ...fields };
}

/** Hits of `pitch` at `beats` (a sixteenth long, full velocity). */
export function hits(pitch: number, beats: readonly number[]): Note[] {
  return beats.map((start) => ({ pitch, start, length: 0.25, velocity: 1 }));
}

/** The `sources` entries for the given ids (the engine harness names samples by source id). */
export function sourcesOf(...ids: string[]): Project['sources'] {
  return Object.fromEntries(ids.map((id) => [id, { path: id }]));
}
