import { describe, expect, it } from 'vitest';
import { synthPresets, synthPresetValues } from '../../../src/devices/instruments/synth';
import { addInstrumentTrack } from '../../../src/model/edits/instrument-track-edits';
import { setInstrumentParam, setInstrumentParams, setSamplerRoot, setSamplerSample } from '../../../src/model/edits/instrument-edits';
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
});
