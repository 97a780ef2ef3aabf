/** Shared documents and checks for the edit tests. */
import { expect } from 'vitest';
import { createChannel, createTrack } from '../../../../src/model/new-track';
import { currentProjectVersion, ProjectSchema, type Clip, type Project } from '../../../../src/model/project-schema';

/** Freezes a document all the way down, so an edit that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function expectValid(project: Project): Project {
  const result = ProjectSchema.safeParse(project);
  if (!result.success) throw new Error(`invalid project: ${JSON.stringify(result.error.issues[0])}`);
  expect(result.success).toBe(true);
  return project;
}

export function clip(id: string, fields: Partial<Clip> = {}): Clip {
  return { kind: 'audio', id, name: '', source: 's1', start: 0, length: 4, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, ...fields };
}

/**
 * 120 BPM (a beat is 0.5 s), three tracks, markers "Intro" at 0 and "Drop" at 8:
 * t1: c1 [0, 4) offset 0, named "Kick loop"; c2 [8, 10) offset 0.5, fades 0.1 / 0.2
 * t2: c3 [2, 6) offset 1, rate 2, reversed, muted (source s2)
 * t3 (muted, 120 px high): c4 [4, 12) looped, offset 0.5 (source s1, which lasts 2 s)
 */
export function project(): Project {
  return deepFreeze<Project>({
    format: 'glowroom',
    version: currentProjectVersion,
    name: 'Edits',
    tempo: 120,
    timeSignature: [4, 4],
    sampleRate: 48_000,
    sources: { s1: { path: 'Audio/loop.wav' }, s2: { path: 'Audio/vox.wav' } },
    tracks: [
      { ...createTrack('t1', 'Drums', 0), clips: [clip('c1', { name: 'Kick loop' }), clip('c2', { start: 8, length: 2, offset: 0.5, fadeIn: 0.1, fadeOut: 0.2 })] },
      { ...createTrack('t2', 'Vox', 1), channel: { ...createChannel(), gainDb: -3, pan: 0.25 }, clips: [clip('c3', { source: 's2', start: 2, offset: 1, rate: 2, reverse: true, mute: true })] },
      { ...createTrack('t3', 'Loop', 2), channel: { ...createChannel(), mute: true }, height: 120, clips: [clip('c4', { start: 4, length: 8, offset: 0.5, loop: true })] },
    ],
    buses: [],
    markers: [
      { id: 'm1', beat: 0, name: 'Intro' },
      { id: 'm2', beat: 8, name: 'Drop' },
    ],
    master: { gainDb: 0, pan: 0, inserts: [] },
    automation: [],
  });
}

/** Seconds each source of `project()` lasts. */
export const durations = { sourceDurations: { s1: 2, s2: 10 } };

export const ref = (trackId: string, clipId: string) => ({ trackId, clipId });

/** The clip with that id, wherever it is. */
export function findClip(p: Project, id: string): Clip {
  for (const track of p.tracks) for (const c of track.clips) if (c.id === id) return c;
  throw new Error(`no clip ${id}`);
}

export function clipIdsByTrack(p: Project): Record<string, string[]> {
  return Object.fromEntries(p.tracks.map((t) => [t.id, t.clips.map((c) => c.id)]));
}
