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

/** The sampler's points a marker on its waveform moves, in seconds of the source. */
export type SamplerPoint = 'start' | 'end' | 'loopStart' | 'loopEnd';

/** The shortest sample the sampler keeps between its start and end, in seconds. */
export const minSamplerSpanSeconds = 0.001;

/**
 * Moves one of the sampler's points to `seconds`, held where the zone stays valid: the start from
 * 0 up to the loop start, the first slice and the end (less `minSamplerSpanSeconds`), the end
 * from the loop end and past the last slice up to the file's `durationSeconds`, the loop start
 * between the start and the loop end, the loop end between the loop start and the end.
 */
export function setSamplerPoint(project: Project, trackId: string, point: SamplerPoint, seconds: number, durationSeconds: number): Project {
  if (!Number.isFinite(seconds) || !(durationSeconds > 0)) return project;
  return editSampler(project, trackId, (sampler) => {
    const zone = sampler.zone;
    if (!zone) return sampler;
    const firstSlice = zone.slices[0] ?? Infinity;
    const lastSlice = zone.slices.at(-1) ?? 0;
    const limits: Record<SamplerPoint, readonly [number, number]> = {
      start: [0, Math.min(zone.loopStart, firstSlice, zone.end - minSamplerSpanSeconds)],
      end: [Math.max(zone.loopEnd, zone.start + minSamplerSpanSeconds, lastSlice + minSamplerSpanSeconds), Math.max(durationSeconds, zone.end)],
      loopStart: [zone.start, zone.loopEnd],
      loopEnd: [zone.loopStart, zone.end],
    };
    const [low, high] = limits[point];
    const value = Math.min(high, Math.max(low, seconds));
    return value === zone[point] ? sampler : { ...sampler, zone: { ...zone, [point]: value } };
  });
}
