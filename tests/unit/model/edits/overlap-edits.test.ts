import { describe, expect, it } from 'vitest';
import { moveClips } from '../../../../src/model/edits/clip-edits';
import { settleClips } from '../../../../src/model/edits/overlap-edits';
import type { Clip, Project } from '../../../../src/model/project-schema';
import { clip, clipIdsByTrack, deepFreeze, durations, expectValid, findClip, project, ref } from './helpers';

/** `project()` with `added` put down at the end of track `trackIndex` (t1: c1 [0, 4), c2 [8, 10); t3: c4 [4, 12) looped). */
function withClip(trackIndex: number, added: Clip): Project {
  const p = project();
  return deepFreeze({ ...p, tracks: p.tracks.map((track, t) => (t === trackIndex ? { ...track, clips: [...track.clips, added] } : track)) });
}

const spanOf = (p: Project, id: string) => {
  const c = findClip(p, id);
  return [c.start, c.start + c.length];
};

describe('settleClips in trim mode (Ableton)', () => {
  it('shortens a clip covered at its end, keeping its id and start', () => {
    const q = expectValid(settleClips(withClip(0, clip('c9', { start: 3, length: 2 })), ['c9'], 'trim'));
    expect(findClip(q, 'c1')).toEqual({ ...findClip(project(), 'c1'), length: 3 });
    expect(clipIdsByTrack(q)['t1']).toEqual(['c1', 'c2', 'c9']);
  });

  it('moves the start of a clip covered at its start, and its offset with it; the kept fade-out stays', () => {
    const q = expectValid(settleClips(withClip(0, clip('c9', { start: 7, length: 2 })), ['c9'], 'trim'));
    // c2 [8, 10) offset 0.5 s loses [8, 9): one beat is 0.5 s at 120 BPM.
    expect(findClip(q, 'c2')).toEqual({ ...findClip(project(), 'c2'), start: 9, length: 1, offset: 1, fadeIn: 0 });
  });

  it('splits a clip covered in its middle around the new one, the second part playing on where it was', () => {
    const q = expectValid(settleClips(withClip(0, clip('c9', { start: 1, length: 1 })), ['c9'], 'trim'));
    expect(clipIdsByTrack(q)['t1']).toEqual(['c1', 'c10', 'c2', 'c9']);
    expect(spanOf(q, 'c1')).toEqual([0, 1]);
    expect(findClip(q, 'c10')).toMatchObject({ start: 2, length: 2, offset: 1, name: 'Kick loop' });
  });

  it('removes a clip covered whole, and leaves clips that only touch', () => {
    const p = withClip(0, clip('c9', { start: 0, length: 8 }));
    const q = expectValid(settleClips(p, ['c9'], 'trim'));
    expect(clipIdsByTrack(q)['t1']).toEqual(['c2', 'c9']);
    expect(findClip(q, 'c2')).toBe(findClip(p, 'c2'));
  });

  it('cuts a looped clip at its loop phase when the source duration is known', () => {
    // c4 [4, 12) loops s1 (2 s) from 0.5 s: 1 s after its start (2 beats) it plays 0.5 + (1 mod 1.5) = 1.5 s.
    const q = expectValid(settleClips(withClip(2, clip('c9', { start: 5, length: 1 })), ['c9'], 'trim', durations));
    expect(findClip(q, 'c10')).toMatchObject({ start: 6, length: 6, offset: 1.5, loop: true });
  });

  it('drops leftovers shorter than 1/64 beat instead of leaving slivers', () => {
    const q = settleClips(withClip(0, clip('c9', { start: 0.005, length: 4 })), ['c9'], 'trim');
    expect(clipIdsByTrack(q)['t1']).toEqual(['c2', 'c9']);
    const r = settleClips(withClip(0, clip('c9', { start: 3.995, length: 1 })), ['c9'], 'trim');
    expect(spanOf(r, 'c1')).toEqual([0, 3.995]);
  });

  it('trims under clips moved onto others, and only on their own track', () => {
    const p = project();
    const moved = moveClips(p, [ref('t1', 'c2')], -6);
    const q = expectValid(settleClips(moved, ['c2'], 'trim'));
    expect(spanOf(q, 'c1')).toEqual([0, 2]);
    expect(q.tracks[1]).toBe(p.tracks[1]);
    expect(q.tracks[2]).toBe(p.tracks[2]);
  });
});

describe('settleClips in layer mode (FL Studio)', () => {
  it('keeps every clip and puts the ones put down on top', () => {
    const p = project();
    const moved = moveClips(p, [ref('t1', 'c1')], 8);
    const q = expectValid(settleClips(moved, ['c1'], 'layer'));
    expect(clipIdsByTrack(q)['t1']).toEqual(['c2', 'c1']);
    expect(findClip(q, 'c2')).toBe(findClip(moved, 'c2'));
    expect(spanOf(q, 'c1')).toEqual([8, 12]);
  });

  it('changes nothing when the clips put down are on top already, or nothing was put down', () => {
    const p = withClip(0, clip('c9', { start: 3, length: 2 }));
    expect(settleClips(p, ['c9'], 'layer')).toBe(p);
    expect(settleClips(p, [], 'trim')).toBe(p);
    expect(settleClips(p, ['c9'], 'trim').tracks[1]).toBe(p.tracks[1]);
  });
});
