import { describe, expect, it } from 'vitest';
import { setPadSample } from '../../../src/model/beats/pad-edits';
import { addSourceClip } from '../../../src/model/edits/source-edits';
import { addInstrumentTrack } from '../../../src/model/edits/instrument-track-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import { sourceUses } from '../../../src/model/source-uses';

describe('what plays a source (the missing-audio list says it)', () => {
  it('names clips per track, drum pads by number and name, and samplers', () => {
    const file = { path: '/kits/kick.wav', name: 'kick.wav', durationSeconds: 0.5 };
    let project = addSourceClip(createEmptyProject(), file, 0, null).project;
    const audioTrack = project.tracks[0]!.id;
    project = addSourceClip(project, file, 4, audioTrack).project;
    const drums = addInstrumentTrack(project, 'drums');
    project = setPadSample(drums.project, drums.trackId, 0, { path: file.path });
    project = setPadSample(project, drums.trackId, 5, { path: file.path });
    const sourceId = Object.keys(project.sources)[0]!;
    expect(Object.keys(project.sources)).toHaveLength(1);
    const sampler = addInstrumentTrack(project, 'sampler');
    project = {
      ...sampler.project,
      tracks: sampler.project.tracks.map((track) =>
        track.instrument?.type === 'sampler' ? { ...track, instrument: { ...track.instrument, zone: { source: sourceId, rootNote: 60, start: 0, end: 0.5, loopStart: 0, loopEnd: 0.5, slices: [] } } } : track,
      ),
    };
    expect(sourceUses(project, sourceId)).toEqual([`2 clips on ${project.tracks[0]!.name}`, 'pad 1 “kick” on Drums 1', 'pad 6 “kick” on Drums 1', 'the sampler on Sampler 1']);
    expect(sourceUses(project, 'nothing')).toEqual([]);
  });
});
