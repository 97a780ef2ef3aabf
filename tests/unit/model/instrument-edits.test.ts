import { describe, expect, it } from 'vitest';
import { synthPresets, synthPresetValues } from '../../../src/devices/instruments/synth';
import { addInstrumentTrack } from '../../../src/model/edits/instrument-track-edits';
import { setInstrumentParam, setInstrumentParams, setSamplerPoint, setSamplerRoot, setSamplerSample } from '../../../src/model/edits/instrument-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import { ProjectSchema } from '../../../src/model/project-schema';

describe('instrument edits', () => {
  it('set a synth’s parameters clamped to the catalog, a whole preset at once, and leave the document alone when nothing changes', () => {
    const { project, trackId } = addInstrumentTrack(createEmptyProject(), 'synth');
    const cutoff = setInstrumentParam(project, trackId, 'cutoffHz', 50_000);
    expect(cutoff.tracks[0]!.instrument!.params['cutoffHz']).toBe(20_000);
    expect(setInstrumentParam(project, trackId, 'cutoffHz', 20_000)).toBe(project);
    expect(setInstrumentParam(project, trackId, 'noSuchParam', 1)).toBe(project);
    const bass = setInstrumentParams(project, trackId, synthPresetValues(synthPresets[0]!));
    expect(bass.tracks[0]!.instrument!.params).toEqual(synthPresetValues(synthPresets[0]!));
    expect(ProjectSchema.safeParse(bass).success).toBe(true);
  });

  it('put a sample in a sampler (whole file, loop points at its ends) and set its root key', () => {
    const { project, trackId } = addInstrumentTrack(createEmptyProject(), 'sampler');
    const loaded = setSamplerSample(project, trackId, { path: '/samples/chime.wav', sha256: 'a'.repeat(64), durationSeconds: 2.5 }, 95);
    const sampler = loaded.tracks[0]!.instrument;
    expect(sampler?.type === 'sampler' ? sampler.zone : null).toEqual({ source: 's1', rootNote: 95, start: 0, end: 2.5, loopStart: 0, loopEnd: 2.5, slices: [] });
    expect(loaded.sources['s1']).toEqual({ path: '/samples/chime.wav', sha256: 'a'.repeat(64) });
    expect(ProjectSchema.safeParse(loaded).success).toBe(true);
    const rooted = setSamplerRoot(loaded, trackId, 69.4);
    expect(rooted.tracks[0]!.instrument?.type === 'sampler' ? rooted.tracks[0]!.instrument.zone?.rootNote : null).toBe(69);
    expect(setSamplerRoot(rooted, trackId, 69)).toBe(rooted);
    // A drum track is not a sampler: nothing happens.
    const drums = addInstrumentTrack(loaded, 'drums');
    expect(setSamplerSample(drums.project, drums.trackId, { path: '/x.wav', durationSeconds: 1 })).toBe(drums.project);
  });

  it('move the sampler’s start, end and loop points, each held where the zone stays valid', () => {
    const { project, trackId } = addInstrumentTrack(createEmptyProject(), 'sampler');
    const loaded = setSamplerSample(project, trackId, { path: '/samples/pad.wav', durationSeconds: 2 });
    const zoneOf = (p: typeof loaded) => {
      const sampler = p.tracks[0]!.instrument;
      return sampler?.type === 'sampler' ? sampler.zone : null;
    };
    let p = setSamplerPoint(loaded, trackId, 'loopStart', 0.5, 2);
    p = setSamplerPoint(p, trackId, 'loopEnd', 1.5, 2);
    p = setSamplerPoint(p, trackId, 'start', 0.2, 2);
    p = setSamplerPoint(p, trackId, 'end', 1.8, 2);
    expect(zoneOf(p)).toMatchObject({ start: 0.2, loopStart: 0.5, loopEnd: 1.5, end: 1.8 });
    // Pushed past a neighbour, a point stops at it; the end stops at the file's end, the start at 0.
    expect(zoneOf(setSamplerPoint(p, trackId, 'start', 0.9, 2))).toMatchObject({ start: 0.5 });
    expect(zoneOf(setSamplerPoint(p, trackId, 'loopEnd', 1.9, 2))).toMatchObject({ loopEnd: 1.8 });
    expect(zoneOf(setSamplerPoint(p, trackId, 'loopStart', 0.1, 2))).toMatchObject({ loopStart: 0.2 });
    expect(zoneOf(setSamplerPoint(p, trackId, 'end', 1.2, 2))).toMatchObject({ end: 1.5 });
    expect(zoneOf(setSamplerPoint(p, trackId, 'end', 9, 2))).toMatchObject({ end: 2 });
    expect(zoneOf(setSamplerPoint(p, trackId, 'start', -1, 2))).toMatchObject({ start: 0 });
    for (const point of ['start', 'end', 'loopStart', 'loopEnd'] as const) {
      for (const to of [-1, 0, 0.7, 1.3, 3]) expect(ProjectSchema.safeParse(setSamplerPoint(p, trackId, point, to, 2)).success).toBe(true);
    }
    // No change, NaN, or no sample: the same document.
    expect(setSamplerPoint(p, trackId, 'start', 0.2, 2)).toBe(p);
    expect(setSamplerPoint(p, trackId, 'start', Number.NaN, 2)).toBe(p);
    expect(setSamplerPoint(project, trackId, 'start', 0.2, 2)).toBe(project);
  });
});
