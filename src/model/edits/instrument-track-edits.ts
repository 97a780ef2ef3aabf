import type { InstrumentType } from '../../devices/instruments/catalog';
import { createInstrument } from '../new-instrument';
import { createTrack } from '../new-track';
import type { NoteClip, Project } from '../project-schema';
import { clipIdsOf, idAllocator, mixerIdsOf } from './ids';

const trackNames: Record<InstrumentType, string> = { drums: 'Drums', synth: 'Synth', sampler: 'Sampler' };

/**
 * Adds an instrument track at the bottom: a drum machine, a synth or a sampler at its defaults,
 * holding one empty bar-long note clip at the start (its pattern shown as 1/16 steps for the drum
 * machine), ready to open in the step sequencer or the piano roll. Returns the new ids too.
 */
export function addInstrumentTrack(project: Project, type: InstrumentType): { project: Project; trackId: string; clipId: string } {
  const taken = [...mixerIdsOf(project), ...project.tracks.flatMap((track) => (track.instrument ? [track.instrument.id] : []))];
  const trackId = idAllocator('t', taken)();
  const instrumentId = idAllocator('i', taken)();
  const clipId = idAllocator('c', clipIdsOf(project))();
  const patternId = idAllocator('p', Object.keys(project.patterns))();
  const barBeats = (project.timeSignature[0] * 4) / project.timeSignature[1];
  const name = `${trackNames[type]} ${project.tracks.filter((track) => track.instrument?.type === type).length + 1}`;
  const clip: NoteClip = { kind: 'notes', id: clipId, name, pattern: patternId, start: 0, length: barBeats, offset: 0, loop: false, mute: false };
  const track = { ...createTrack(trackId, name, project.tracks.length), instrument: createInstrument(type, instrumentId), clips: [clip] };
  const pattern = { name, length: barBeats, notes: [], ...(type === 'drums' ? { stepGrid: { division: '1/16' as const, rowSteps: {} } } : {}) };
  return { project: { ...project, patterns: { ...project.patterns, [patternId]: pattern }, tracks: [...project.tracks, track] }, trackId, clipId };
}
