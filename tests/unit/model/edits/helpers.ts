/** Shared documents and checks for the edit tests. */
import { expect } from 'vitest';
import { createChannel, createTrack } from '../../../../src/model/new-track';
import { createEmptyProject } from '../../../../src/model/new-project';
import { ProjectSchema, type AudioClip, type Clip, type Project } from '../../../../src/model/project-schema';

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

export function clip(id: string, fields: Partial<AudioClip> = {}): AudioClip {
  return { kind: 'audio', id, name: '', source: 's1', start: 0, length: 4, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...fields };
}


/**
 * 120 BPM (a beat is 0.5 s), three tracks, markers "Intro" at 0 and "Drop" at 8:
 * t1: c1 [0, 4) offset 0, named "Kick loop"; c2 [8, 10) offset 0.5, fades 0.1 / 0.2
 * t2: c3 [2, 6) offset 1, rate 2, reversed, muted (source s2)
 * t3 (muted, 120 px high): c4 [4, 12) looped, offset 0.5 (source s1, which lasts 2 s)
 */
export function project(): Project {
  return deepFreeze<Project>({
    ...createEmptyProject('Edits'),
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
  });
}

/** Seconds each source of `project()` lasts. */
export const durations = { sourceDurations: { s1: 2, s2: 10 } };

export const ref = (trackId: string, clipId: string) => ({ trackId, clipId });

/** The clip with that id, wherever it is. */
/** The clip `id`, of any kind. */
export function findAnyClip(p: Project, id: string): Clip {
  for (const track of p.tracks) for (const c of track.clips) if (c.id === id) return c;
  throw new Error(`no clip ${id}`);
}

/** The audio clip `id` (fails the test when it holds notes). */
export function findClip(p: Project, id: string): AudioClip {
  const found = findAnyClip(p, id);
  if (found.kind !== 'audio') throw new Error(`clip ${id} holds notes, not audio`);
  return found;
}

export function clipIdsByTrack(p: Project): Record<string, string[]> {
  return Object.fromEntries(p.tracks.map((t) => [t.id, t.clips.map((c) => c.id)]));
}

/**
 * `project()` with a mixer: buses b1 "Reverb" and b2 "Delay" into the master; t1 "Drums" sends to
 * b1 post-fader at −6 dB (send x1) and has a Limiter (d1); t2 "Vox" goes out through b2; the
 * master has a Utility (d2); an automation lane rides the send x1.
 */
export function mixerProject(): Project {
  const base = project();
  const [drums, vox, loop] = base.tracks as [Project['tracks'][number], Project['tracks'][number], Project['tracks'][number]];
  const limiter = { id: 'd1', type: 'limiter' as const, bypass: false, params: { ceilingDb: -1, releaseMs: 50 } };
  const utility = { id: 'd2', type: 'utility' as const, bypass: false, params: { gainDb: 0, pan: 0, width: 100, mono: 0, invertLeft: 0, invertRight: 0 } };
  return deepFreeze<Project>({
    ...base,
    tracks: [
      { ...drums, channel: { ...drums.channel, inserts: [limiter], sends: [{ id: 'x1', target: 'b1', levelDb: -6, tap: 'post' }] } },
      { ...vox, channel: { ...vox.channel, output: 'b2' } },
      loop,
    ],
    buses: [
      { id: 'b1', name: 'Reverb', colour: '#5aa9ff', channel: createChannel() },
      { id: 'b2', name: 'Delay', colour: '#8f7cff', channel: createChannel() },
    ],
    master: { ...base.master, inserts: [utility] },
    automation: [{ target: 'x1', param: 'levelDb', points: [{ beat: 0, value: -6, curve: 'linear' }] }],
  });
}
