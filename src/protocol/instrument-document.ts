/**
 * The instrument side of compiling a project for the engine: a track's instrument with its
 * samples resolved, and its note clips with their patterns resolved (the pattern's swing, else
 * the song's, on the pattern's step division, else sixteenths).
 */
import { drumPadParams } from '../devices/instruments/catalog';
import { defaultSwingDivision } from '../devices/instruments/note-grid';
import type { Project, Track } from '../model/project-schema';
import type { EngineInstrument, EngineNoteClip } from './engine-instruments';

export function compileInstrument(track: Track, sampleIdOf: (sourceId: string) => string): EngineInstrument | null {
  const instrument = track.instrument;
  if (!instrument) return null;
  switch (instrument.type) {
    case 'synth':
      return { id: instrument.id, type: instrument.type, zone: null, pads: [] };
    case 'sampler': {
      const zone = instrument.zone;
      return {
        id: instrument.id,
        type: instrument.type,
        zone: zone ? { sampleId: sampleIdOf(zone.source), rootNote: zone.rootNote, start: zone.start, end: zone.end, loopStart: zone.loopStart, loopEnd: zone.loopEnd, slices: zone.slices } : null,
        pads: [],
      };
    }
    case 'drums':
      return {
        id: instrument.id,
        type: instrument.type,
        zone: null,
        pads: instrument.pads.map((pad) => ({ sampleId: pad.source === null ? null : sampleIdOf(pad.source), params: drumPadParams.map((spec) => pad.params[spec.id] ?? spec.default), output: pad.output })),
      };
  }
}

export function compileNoteClips(project: Pick<Project, 'patterns' | 'swing'>, track: Track): EngineNoteClip[] {
  return track.clips.flatMap((clip) => {
    if (clip.kind !== 'notes') return [];
    const pattern = project.patterns[clip.pattern];
    if (!pattern) return [];
    return [
      {
        id: clip.id,
        start: clip.start,
        length: clip.length,
        offset: clip.offset,
        loop: clip.loop,
        mute: clip.mute,
        notes: pattern.notes,
        patternLength: pattern.length,
        swing: pattern.swing ?? project.swing,
        division: pattern.stepGrid?.division ?? defaultSwingDivision,
      },
    ];
  });
}

/** Whether two compiled instruments are the same by value (a document edit rebuilds them as new objects). */
export function sameInstrument(a: EngineInstrument | null | undefined, b: EngineInstrument | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
