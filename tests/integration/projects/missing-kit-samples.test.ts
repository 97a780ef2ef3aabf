import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { setPadSample } from '../../../src/model/beats/pad-edits';
import { addInstrumentTrack } from '../../../src/model/edits/instrument-track-edits';
import { relinkSource } from '../../../src/model/edits/source-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import type { Project } from '../../../src/model/project-schema';
import { sourceUses } from '../../../src/model/source-uses';
import type { FolderSearchResult, MissingSource, Reply } from '../../../src/protocol/ipc';
import { tempDir } from '../../support/temp-dir';

function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const tone = (hz: number) => encodeWav({ sampleRate: 48_000, channels: [Float32Array.from({ length: 4800 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / 48_000))] }, { bitDepth: 16 });

describe('a drum pad or sampler sample that is missing', () => {
  it('is listed like any missing audio, found by a folder search, and relinked: the pad and the sampler play the found files', async () => {
    const home = tempDir();
    const folder = tempDir();
    mkdirSync(path.join(folder, 'Kit'));
    writeFileSync(path.join(folder, 'Kit', 'kick.wav'), tone(60));
    writeFileSync(path.join(folder, 'Kit', 'chime.wav'), tone(880));
    const drums = addInstrumentTrack(createEmptyProject('Beat'), 'drums');
    let project = setPadSample(drums.project, drums.trackId, 0, { path: path.join(folder, 'Kit', 'kick.wav') });
    const sampler = addInstrumentTrack(project, 'sampler');
    project = setPadSample(sampler.project, drums.trackId, 1, { path: path.join(folder, 'Kit', 'chime.wav') });
    const [kickId, chimeId] = Object.keys(project.sources) as [string, string];
    project = {
      ...project,
      tracks: project.tracks.map((track) =>
        track.id === sampler.trackId && track.instrument?.type === 'sampler' ? { ...track, instrument: { ...track.instrument, zone: { source: chimeId, rootNote: 81, start: 0, end: 0.1, loopStart: 0, loopEnd: 0.1, slices: [] } } } : track,
      ),
    };
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    await dispatcher.grant({ path: folder, scope: 'tree' });
    const saved = valueOf<{ path: string }>(await dispatcher.call('project.save', { path: path.join(folder, 'Beat.glowroom'), project }));

    // The kit folder is renamed: both samples are gone from where the project says.
    renameSync(path.join(folder, 'Kit'), path.join(folder, 'Kit (moved)'));
    const opened = valueOf<{ project: Project; missing: MissingSource[] }>(await dispatcher.call('project.open', { path: saved.path }));
    expect(opened.missing.map((m) => m.sourceId).sort()).toEqual([kickId, chimeId].sort());
    expect(sourceUses(opened.project, kickId)).toEqual(['pad 1 “kick” on Drums 1']);
    expect(sourceUses(opened.project, chimeId)).toEqual(['pad 2 “chime” on Drums 1', 'the sampler on Sampler 1']);

    // The missing-audio list's folder search finds them by name, and relinking points the pads and the sampler there.
    const wanted = opened.missing.map((m) => ({ name: path.basename(m.path) }));
    const search = valueOf<FolderSearchResult>(await dispatcher.call('project.findInFolder', { folder, files: wanted }));
    if (search.cancelled) throw new Error('the search was cancelled');
    const relinked = opened.missing.reduce((next, m, i) => relinkSource(next, m.sourceId, { path: search.found[i]!.byName! }), opened.project);
    expect(relinked.sources[kickId]!.path).toBe(path.join(folder, 'Kit (moved)', 'kick.wav'));
    const resaved = valueOf<{ path: string }>(await dispatcher.call('project.save', { path: saved.path, project: relinked }));
    const reopened = valueOf<{ project: Project; missing: MissingSource[] }>(await dispatcher.call('project.open', { path: resaved.path }));
    expect(reopened.missing).toEqual([]);
    const pads = reopened.project.tracks[0]!.instrument?.type === 'drums' ? reopened.project.tracks[0]!.instrument.pads : [];
    expect(pads.slice(0, 2).map((pad) => reopened.project.sources[pad.source!]!.path)).toEqual([path.join(folder, 'Kit (moved)', 'kick.wav'), path.join(folder, 'Kit (moved)', 'chime.wav')]);
  });
});
