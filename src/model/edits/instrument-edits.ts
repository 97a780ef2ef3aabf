/**
 * Edits of a track's instrument: its parameters (clamped to the catalog, as the schema wants
 * them), and the sampler's sample (a project source, like a clip's or a pad's) and root note.
 * Unknown track, another instrument type or no change → the same document.
 */
import { instrumentCatalog } from '../../devices/instruments/catalog';
import { clampParam } from '../../devices/param-spec';
import { withSource, type PadFile } from '../beats/pad-edits';
import type { Instrument, Project, SamplerZone, Track } from '../project-schema';

type Sampler = Extract<Instrument, { type: 'sampler' }>;

function editInstrument(project: Project, trackId: string, change: (instrument: Instrument) => Instrument): Project {
  let changed = false;
  const tracks = project.tracks.map((track): Track => {
    if (track.id !== trackId || !track.instrument) return track;
    const instrument = change(track.instrument);
    if (instrument === track.instrument) return track;
    changed = true;
    return { ...track, instrument };
  });
  return changed ? { ...project, tracks } : project;
}

/** Sets parameters of the instrument on `trackId` (ids its catalog does not have are ignored). */
export function setInstrumentParams(project: Project, trackId: string, values: Readonly<Record<string, number>>): Project {
  return editInstrument(project, trackId, (instrument) => {
    const specs = instrumentCatalog[instrument.type].params;
    let params = instrument.params;
    for (const spec of specs) {
      const value = values[spec.id];
      if (value === undefined) continue;
      const clamped = clampParam(spec, value);
      if (params[spec.id] !== clamped) params = { ...params, [spec.id]: clamped };
    }
    return params === instrument.params ? instrument : { ...instrument, params };
  });
}

export function setInstrumentParam(project: Project, trackId: string, param: string, value: number): Project {
  return setInstrumentParams(project, trackId, { [param]: value });
}

function editSampler(project: Project, trackId: string, change: (sampler: Sampler) => Sampler): Project {
  return editInstrument(project, trackId, (instrument) => (instrument.type === 'sampler' ? change(instrument) : instrument));
}

/** The MIDI key a new sample plays at its own pitch when the file does not say: C4. */
export const defaultRootNote = 60;

/**
 * Puts a sample in the sampler on `trackId`: the whole file, across the keyboard from `rootNote`,
 * its loop points at the file's ends (looping stays as the sampler's Loop switch says), no slices.
 */
export function setSamplerSample(project: Project, trackId: string, file: PadFile & { readonly durationSeconds: number }, rootNote = defaultRootNote): Project {
  const target = project.tracks.find((track) => track.id === trackId)?.instrument;
  if (target?.type !== 'sampler' || !(file.durationSeconds > 0)) return project;
  const added = withSource(project, file);
  const end = file.durationSeconds;
  const zone: SamplerZone = { source: added.sourceId, rootNote, start: 0, end, loopStart: 0, loopEnd: end, slices: [] };
  return editSampler(added.project, trackId, (sampler) => ({ ...sampler, zone }));
}

/** The key that plays the sampler's sample at its own pitch (0–127). */
export function setSamplerRoot(project: Project, trackId: string, rootNote: number): Project {
  const key = Math.min(127, Math.max(0, Math.round(rootNote)));
  return editSampler(project, trackId, (sampler) => {
    if (!sampler.zone || sampler.zone.rootNote === key) return sampler;
    const top = key + sampler.zone.slices.length - 1;
    return top > 127 ? sampler : { ...sampler, zone: { ...sampler.zone, rootNote: key } };
  });
}
