import { describe, expect, it } from 'vitest';
import { addSourceClip, relinkSource } from '../../../../src/model/edits/source-edits';
import { setTimeSignature } from '../../../../src/model/edits/timeline-edits';
import { createEmptyProject } from '../../../../src/model/new-project';
import { ProjectSchema } from '../../../../src/model/project-schema';

const kick = { path: '/pack/kick.wav', name: 'kick.wav', durationSeconds: 0.5 };
const loop = { path: '/pack/loop_120.wav', name: 'loop_120.wav', durationSeconds: 4 };
const hashA = 'a'.repeat(64);
const hashB = '0123456789abcdef'.repeat(4);

describe('adding files to the arrangement', () => {
  it('puts a file on a new track named after it, lasting its duration in beats', () => {
    const { project, created } = addSourceClip(createEmptyProject(), kick, 2, null);
    expect(ProjectSchema.safeParse(project).success).toBe(true);
    expect(project.tracks).toHaveLength(1);
    expect(project.tracks[0]?.name).toBe('kick');
    expect(project.tracks[0]?.clips[0]).toMatchObject({ start: 2, length: 1, offset: 0, source: 's1' });
    expect(created).toEqual([{ trackId: project.tracks[0]?.id, clipId: project.tracks[0]?.clips[0]?.id }]);
  });

  it('places a loop warped from its own tempo: a 137 BPM bar lasts one bar at any song tempo', () => {
    const bar137 = { path: '/pack/break.wav', name: 'break.wav', durationSeconds: (4 * 60) / 137 };
    const { project } = addSourceClip(createEmptyProject(), bar137, 4, null, { mode: 'beats', sourceTempo: 137 });
    expect(ProjectSchema.safeParse(project).success).toBe(true);
    const clip = project.tracks[0]?.clips[0];
    expect(clip).toMatchObject({ start: 4, rate: 1, warp: { mode: 'beats', sourceTempo: 137, markers: [] } });
    expect(clip?.length).toBeCloseTo(4, 12);
    // Unwarped, the same file lasts its seconds on the song's clock (120 BPM): 3.5 beats.
    expect(addSourceClip(createEmptyProject(), bar137, 4, null).project.tracks[0]?.clips[0]?.length).toBeCloseTo(4 * (120 / 137), 12);
  });

  it('adds to an existing track, reuses the source of a file already in the project, clamps the start', () => {
    const first = addSourceClip(createEmptyProject(), loop, 0, null).project;
    const trackId = first.tracks[0]?.id ?? '';
    const { project } = addSourceClip(first, loop, -3, trackId);
    expect(project.tracks).toHaveLength(1);
    expect(Object.keys(project.sources)).toEqual(['s1']);
    expect(project.tracks[0]?.clips.map((c) => [c.id, c.start, c.length])).toEqual([
      ['c1', 0, 8],
      ['c2', 0, 8],
    ]);
    expect(addSourceClip(first, kick, 1, 'no-such-track').project.tracks).toHaveLength(2);
  });

  it('changes the time signature without moving clips, and returns the same project when unchanged', () => {
    const project = addSourceClip(createEmptyProject(), kick, 4, null).project;
    const waltz = setTimeSignature(project, [3, 4]);
    expect(waltz.timeSignature).toEqual([3, 4]);
    expect(waltz.tracks).toBe(project.tracks);
    expect(setTimeSignature(waltz, [3, 4])).toBe(waltz);
  });
});

describe('relinking', () => {
  it('moves one source to a new path and leaves everything else as it was', () => {
    const project = addSourceClip(createEmptyProject(), kick, 0, null).project;
    const relinked = relinkSource(project, 's1', { path: '/new/place/kick.wav' });
    expect(relinked.sources['s1']).toEqual({ path: '/new/place/kick.wav' });
    expect(relinked.tracks).toBe(project.tracks);
    expect(relinkSource(project, 'nope', { path: '/x.wav' })).toBe(project);
    expect(relinkSource(project, 's1', { path: kick.path })).toBe(project);
  });

  it('stores the new file’s hash, also when it differs, and drops an old hash the new file may not have', () => {
    const project = addSourceClip(createEmptyProject(), { ...kick, sha256: hashA }, 0, null).project;
    expect(project.sources['s1']).toEqual({ path: kick.path, sha256: hashA });
    expect(relinkSource(project, 's1', { path: '/moved/kick 2.wav', sha256: hashB }).sources['s1']).toEqual({ path: '/moved/kick 2.wav', sha256: hashB });
    expect(relinkSource(project, 's1', { path: kick.path, sha256: hashB }).sources['s1']).toEqual({ path: kick.path, sha256: hashB });
    expect(relinkSource(project, 's1', { path: '/moved/kick.wav' }).sources['s1']).toEqual({ path: '/moved/kick.wav' });
    expect(relinkSource(project, 's1', { path: kick.path, sha256: hashA })).toBe(project);
  });
});

describe('content hashes of added files', () => {
  it('gives a new source the file’s hash, and a reused source the hash it lacked or that changed', () => {
    const unhashed = addSourceClip(createEmptyProject(), kick, 0, null).project;
    expect(unhashed.sources['s1']).toEqual({ path: kick.path });
    const hashed = addSourceClip(unhashed, { ...kick, sha256: hashA }, 4, null).project;
    expect(Object.keys(hashed.sources)).toEqual(['s1']);
    expect(hashed.sources['s1']).toEqual({ path: kick.path, sha256: hashA });
    expect(ProjectSchema.safeParse(hashed).success).toBe(true);
    expect(addSourceClip(hashed, { ...kick, sha256: hashB }, 8, null).project.sources['s1']?.sha256).toBe(hashB);
    // Added again without a hash (not read this time), it keeps the one it has.
    expect(addSourceClip(hashed, kick, 8, null).project.sources).toBe(hashed.sources);
  });
});
