import { describe, expect, it } from 'vitest';
import {
  copyClips,
  deleteClips,
  duplicateClips,
  duplicateClipsWithResult,
  emptyClipboard,
  pasteClips,
  pasteClipsWithResult,
  splitClips,
  splitClipsWithResult,
} from '../../../../src/model/edits/clip-edits';
import { addTrack } from '../../../../src/model/edits/track-edits';
import { createEmptyProject } from '../../../../src/model/new-project';
import { clip, clipIdsByTrack, deepFreeze, durations, expectValid, findClip, project, ref } from './helpers';

describe('splitClips', () => {
  it('splits into two touching clips: fades divided, offset advanced', () => {
    const p = project();
    const { project: q, created } = splitClipsWithResult(p, [ref('t1', 'c2')], 9);
    expectValid(q);
    expect(created).toEqual([ref('t1', 'c5')]);
    expect(clipIdsByTrack(q).t1).toEqual(['c1', 'c2', 'c5']);
    expect(findClip(q, 'c2')).toEqual({ ...findClip(p, 'c2'), length: 1, fadeIn: 0.1, fadeOut: 0 });
    expect(findClip(q, 'c5')).toEqual({ ...findClip(p, 'c2'), id: 'c5', start: 9, length: 1, offset: 1, fadeIn: 0, fadeOut: 0.2 });
    expect(q.tracks[1]).toBe(p.tracks[1]);
    expect(findClip(q, 'c1')).toBe(findClip(p, 'c1'));
  });

  it('splits every selected clip that spans the position', () => {
    const p = project();
    const { project: q, created } = splitClipsWithResult(p, [ref('t1', 'c1'), ref('t1', 'c2'), ref('t2', 'c3'), ref('t3', 'c4')], 3);
    expectValid(q);
    expect(created).toEqual([ref('t1', 'c5'), ref('t2', 'c6')]);
    expect(findClip(q, 'c5')).toMatchObject({ start: 3, length: 1, offset: 1.5 });
    // Reversed c3 at rate 2: 1 beat after its start is 1 s further into the reversed source.
    expect(findClip(q, 'c6')).toMatchObject({ start: 3, length: 3, offset: 2, reverse: true, rate: 2 });
    expect(findClip(q, 'c3')).toMatchObject({ start: 2, length: 1, offset: 1 });
    expect(findClip(q, 'c4')).toBe(findClip(p, 'c4'));
  });

  it('gives the second part of a loop the loop phase when the source duration is known', () => {
    const p = project();
    // 5 beats = 2.5 s after c4's start; its loop is [0.5, 2) s: 0.5 + (2.5 mod 1.5) = 1.5.
    expect(findClip(expectValid(splitClips(p, [ref('t3', 'c4')], 9, durations)), 'c5')).toMatchObject({ start: 9, length: 3, offset: 1.5, loop: true });
    expect(findClip(expectValid(splitClips(p, [ref('t3', 'c4')], 9)), 'c5').offset).toBe(3);
  });

  it('makes parts that touch exactly', () => {
    const p = deepFreeze({ ...project(), tracks: [{ ...project().tracks[0]!, clips: [clip('c1', { start: 0.1, length: 0.5 })] }] });
    const q = expectValid(splitClips(p, [ref('t1', 'c1')], 0.3));
    const [a, b] = q.tracks[0]!.clips;
    expect(a!.start + a!.length).toBe(0.3);
    expect(b!.start + b!.length).toBe(0.1 + 0.5);
  });

  it('does nothing at or near a clip edge, outside it, or for bad positions', () => {
    const p = project();
    expect(splitClips(p, [ref('t1', 'c1')], 0)).toBe(p);
    expect(splitClips(p, [ref('t1', 'c1')], 4 - 1 / 128)).toBe(p);
    expect(splitClips(p, [ref('t1', 'c1')], 7)).toBe(p);
    expect(splitClips(p, [ref('t1', 'c1')], Number.NaN)).toBe(p);
    expect(splitClips(p, [ref('t2', 'c1')], 2)).toBe(p);
  });
});

describe('duplicateClips', () => {
  it('places copies right after the selection, keeping relative positions', () => {
    const p = project();
    const { project: q, created } = duplicateClipsWithResult(p, [ref('t1', 'c1'), ref('t2', 'c3')]);
    expectValid(q);
    expect(created).toEqual([ref('t1', 'c5'), ref('t2', 'c6')]);
    expect(findClip(q, 'c5')).toEqual({ ...findClip(p, 'c1'), id: 'c5', start: 6 });
    expect(findClip(q, 'c6')).toEqual({ ...findClip(p, 'c3'), id: 'c6', start: 8 });
    expect(q.tracks[2]).toBe(p.tracks[2]);
    expect(duplicateClips(p, [ref('t3', 'c4')]).tracks[2]!.clips[1]).toMatchObject({ id: 'c5', start: 12 });
    expect(duplicateClips(p, [])).toBe(p);
  });

  it('starts the copy on the first grid line at or after the selection’s end, not where the audio runs out', () => {
    // A one-shot of 0.3 beats on beat 1: on the beat grid its copy goes on beat 2, then beat 3.
    const shot = deepFreeze({ ...project(), tracks: [{ ...project().tracks[0]!, clips: [clip('c1', { start: 1, length: 0.3 })] }] });
    const once = duplicateClipsWithResult(shot, [ref('t1', 'c1')], 'beat');
    expect(findClip(once.project, 'c2')).toMatchObject({ start: 2, length: 0.3 });
    expect(findClip(duplicateClips(once.project, once.created, 'beat'), 'c3').start).toBe(3);
    // Off: right at the end; 1/16 grid: the next sixteenth; bar grid: the next bar.
    expect(findClip(duplicateClips(shot, [ref('t1', 'c1')], 'off'), 'c2').start).toBeCloseTo(1.3, 12);
    expect(findClip(duplicateClips(shot, [ref('t1', 'c1')], '1/16'), 'c2').start).toBe(1.5);
    expect(findClip(duplicateClips(shot, [ref('t1', 'c1')], 'bar'), 'c2').start).toBe(4);
    // Four bars from bar 1, whatever the audio inside them does: the copy lands exactly on bar 5.
    const p = project();
    const group = [ref('t1', 'c1'), ref('t1', 'c2'), ref('t3', 'c4')];
    const bars = duplicateClipsWithResult(p, group.slice(0, 1), 'bar');
    expect(findClip(bars.project, 'c5').start).toBe(4);
    // c1 [0, 4), c2 [8, 10), c4 [4, 12): the group ends at 12, a bar line, so copies move by 12.
    const q = duplicateClipsWithResult(p, group, 'bar');
    expect(q.created.map((r) => findClip(q.project, r.clipId).start)).toEqual([12, 20, 16]);
    // A hair past a line (float noise) counts as on it.
    const noisy = deepFreeze({ ...p, tracks: [{ ...p.tracks[0]!, clips: [clip('c1', { start: 0, length: 16 + 1e-12 })] }] });
    expect(findClip(duplicateClips(noisy, [ref('t1', 'c1')], 'bar'), 'c2').start).toBe(16);
  });

  it('lands a bar-grid copy on the next bar of the song’s meters', () => {
    // 4/4 then 6/8 from bar 1 (beat 4): bars start at 0, 4, 7, 10. A clip ending at 5 is copied to bar 3's start, 7.
    const base = project();
    const meters = deepFreeze({ ...base, meterChanges: [{ bar: 1, timeSignature: [6, 8] as [number, 8] }], tracks: [{ ...base.tracks[0]!, clips: [clip('c1', { start: 1, length: 4 })] }] });
    expect(findClip(duplicateClips(meters, [ref('t1', 'c1')], 'bar'), 'c2').start).toBe(1 + 6);
  });
});

describe('deleteClips', () => {
  it('removes the selected clips and keeps sources', () => {
    const p = project();
    const q = expectValid(deleteClips(p, [ref('t1', 'c1'), ref('t3', 'c4'), ref('t2', 'c4')]));
    expect(clipIdsByTrack(q)).toEqual({ t1: ['c2'], t2: ['c3'], t3: [] });
    expect(q.tracks[1]).toBe(p.tracks[1]);
    expect(q.sources).toBe(p.sources);
    expect(deleteClips(p, [ref('t1', 'c3')])).toBe(p);
  });
});

describe('copyClips / pasteClips', () => {
  it('copies positions relative to the group and pastes with new ids', () => {
    const p = project();
    const board = copyClips(p, [ref('t1', 'c2'), ref('t2', 'c3')]);
    expect(board.clips.map((c) => [c.row, c.clip.id, c.clip.start])).toEqual([
      [0, 'c2', 6],
      [1, 'c3', 0],
    ]);
    expect(board.sources).toEqual({ s1: { path: 'Audio/loop.wav' }, s2: { path: 'Audio/vox.wav' } });

    const { project: q, created } = pasteClipsWithResult(p, board, 16, 't2');
    expectValid(q);
    expect(created).toEqual([ref('t2', 'c5'), ref('t3', 'c6')]);
    expect(findClip(q, 'c5')).toEqual({ ...findClip(p, 'c2'), id: 'c5', start: 22 });
    expect(findClip(q, 'c6')).toEqual({ ...findClip(p, 'c3'), id: 'c6', start: 16 });
    expect(q.tracks[0]).toBe(p.tracks[0]);
    expect(q.sources).toEqual(p.sources);
  });

  it('adds tracks when the rows run past the last one, and clamps the position', () => {
    const p = project();
    const board = copyClips(p, [ref('t1', 'c2'), ref('t2', 'c3')]);
    const q = expectValid(pasteClips(p, board, -4, 't3'));
    expect(clipIdsByTrack(q)).toEqual({ t1: ['c1', 'c2'], t2: ['c3'], t3: ['c4', 'c5'], t4: ['c6'] });
    expect(q.tracks[3]).toMatchObject({ name: 'Track 4', channel: { gainDb: 0, pan: 0, mute: false, solo: false } });
    expect(findClip(q, 'c5').start).toBe(6);
    expect(findClip(q, 'c6').start).toBe(0);
  });

  it('pastes into another project, adding or reusing sources without clashes', () => {
    const board = copyClips(project(), [ref('t1', 'c2'), ref('t2', 'c3')]);
    const base = addTrack(createEmptyProject());
    const fresh = expectValid(pasteClips(base, board, 0, 't1'));
    expect(fresh.sources).toEqual(board.sources);
    const other = addTrack({ ...createEmptyProject(), sources: { s1: { path: 'Audio/other.wav' }, x: { path: 'Audio/vox.wav' } } });
    const q = expectValid(pasteClips(other, board, 0, 't1'));
    expect(q.sources).toEqual({ s1: { path: 'Audio/other.wav' }, x: { path: 'Audio/vox.wav' }, s2: { path: 'Audio/loop.wav' } });
    expect(q.tracks.map((t) => t.clips.map((c) => (c.kind === 'audio' ? c.source : c.pattern)))).toEqual([['s2'], ['x']]);
  });

  it('is a no-op for an empty clipboard, a missing track or a bad position', () => {
    const p = project();
    const board = copyClips(p, [ref('t1', 'c1')]);
    expect(copyClips(p, [ref('t9', 'c1')])).toBe(emptyClipboard);
    expect(pasteClips(p, emptyClipboard, 0, 't1')).toBe(p);
    expect(pasteClips(p, board, 0, 't9')).toBe(p);
    expect(pasteClips(p, board, Number.NaN, 't1')).toBe(p);
  });
});
