import { describe, expect, it } from 'vitest';
import { moveClips, trimClipEnd, trimClipStart, trimClipsEnd, trimClipsStart } from '../../../../src/model/edits/clip-edits';
import { minClipLengthBeats } from '../../../../src/model/edits/clip-math';
import { clipIdsByTrack, durations, expectValid, findClip, project, ref } from './helpers';

describe('moveClips', () => {
  it('moves a multi-selection along the timeline, keeping untouched parts by identity', () => {
    const p = project();
    const q = expectValid(moveClips(p, [ref('t1', 'c1'), ref('t2', 'c3')], 2));
    expect(findClip(q, 'c1').start).toBe(2);
    expect(findClip(q, 'c3').start).toBe(4);
    expect(findClip(q, 'c2')).toBe(findClip(p, 'c2'));
    expect(q.tracks[2]).toBe(p.tracks[2]);
    expect(q.sources).toBe(p.sources);
    expect(findClip(q, 'c1')).toEqual({ ...findClip(p, 'c1'), start: 2 });
  });

  it('clamps the whole group at beat 0 so relative positions keep', () => {
    const p = project();
    const q = expectValid(moveClips(p, [ref('t1', 'c2'), ref('t2', 'c3')], -5));
    expect(findClip(q, 'c3').start).toBe(0);
    expect(findClip(q, 'c2').start).toBe(6);
    // Already at 0: nothing moves, the same document comes back.
    expect(moveClips(p, [ref('t1', 'c1'), ref('t2', 'c3')], -5)).toBe(p);
  });

  it('moves across tracks, clamping the group to the track range', () => {
    const p = project();
    const down = expectValid(moveClips(p, [ref('t1', 'c1')], 1, 1));
    expect(clipIdsByTrack(down)).toEqual({ t1: ['c2'], t2: ['c3', 'c1'], t3: ['c4'] });
    expect(findClip(down, 'c1').start).toBe(1);
    expect(down.tracks[2]).toBe(p.tracks[2]);

    const clamped = expectValid(moveClips(p, [ref('t1', 'c1'), ref('t2', 'c3')], 0, 5));
    expect(clipIdsByTrack(clamped)).toEqual({ t1: ['c2'], t2: ['c1'], t3: ['c4', 'c3'] });
    expect(findClip(clamped, 'c1')).toBe(findClip(p, 'c1'));

    const up = expectValid(moveClips(p, [ref('t2', 'c3'), ref('t3', 'c4')], 0, -3));
    expect(clipIdsByTrack(up)).toEqual({ t1: ['c1', 'c2', 'c3'], t2: ['c4'], t3: [] });
    expect(clipIdsByTrack(expectValid(moveClips(p, [ref('t1', 'c1')], 0, 1.7)))).toEqual({ t1: ['c2'], t2: ['c3', 'c1'], t3: ['c4'] });
  });

  it('is a no-op for zero moves, bad numbers, stale refs, and groups that cannot move', () => {
    const p = project();
    expect(moveClips(p, [ref('t1', 'c1')], 0, 0)).toBe(p);
    expect(moveClips(p, [ref('t1', 'c1')], Number.NaN)).toBe(p);
    expect(moveClips(p, [ref('t1', 'c1')], 1, Infinity)).toBe(p);
    expect(moveClips(p, [ref('t2', 'c1'), ref('t9', 'c3')], 4, 1)).toBe(p);
    expect(moveClips(p, [], 4)).toBe(p);
    expect(moveClips(p, [ref('t1', 'c1'), ref('t3', 'c4')], 0, 1)).toBe(p);
  });
});

describe('trimClipStart', () => {
  it('advances the offset by Δbeats × 60 / tempo × rate', () => {
    const p = project();
    const q = expectValid(trimClipStart(p, ref('t1', 'c1'), 1));
    expect(findClip(q, 'c1')).toMatchObject({ start: 1, length: 3, offset: 0.5 });
    // c3 plays at rate 2: one beat at 120 BPM is 1 s of source.
    const r = expectValid(trimClipStart(p, ref('t2', 'c3'), 3));
    expect(findClip(r, 'c3')).toMatchObject({ start: 3, length: 3, offset: 2, reverse: true });
    // Other tempo: 90 BPM, 1.5 beats at rate 0.5 = 1.5 × 60 / 90 × 0.5 = 0.5 s.
    const slow = { ...p, tempo: 90, tracks: [{ ...p.tracks[0]!, clips: [{ ...findClip(p, 'c1'), rate: 0.5 }] }] };
    expect(findClip(expectValid(trimClipStart(slow, ref('t1', 'c1'), 1.5)), 'c1')).toMatchObject({ start: 1.5, length: 2.5, offset: 0.5 });
  });

  it('keeps the end fixed and the fades', () => {
    const p = project();
    const q = expectValid(trimClipStart(p, ref('t1', 'c2'), 8.5));
    expect(findClip(q, 'c2')).toEqual({ ...findClip(p, 'c2'), start: 8.5, length: 1.5, offset: 0.75 });
  });

  it('extends to the left only as far as the source reaches (offset ≥ 0) and beat 0', () => {
    const p = project();
    // c3: offset 1 s at rate 2 = 1 beat of earlier source.
    expect(findClip(expectValid(trimClipStart(p, ref('t2', 'c3'), 0)), 'c3')).toMatchObject({ start: 1, length: 5, offset: 0 });
    expect(findClip(expectValid(trimClipStart(p, ref('t1', 'c2'), 7.5)), 'c2')).toMatchObject({ start: 7.5, length: 2.5, offset: 0.25 });
    expect(trimClipStart(p, ref('t1', 'c1'), -3)).toBe(p);
    const early = { ...p, tracks: [{ ...p.tracks[0]!, clips: [{ ...findClip(p, 'c1'), start: 1, offset: 5 }] }] };
    expect(findClip(expectValid(trimClipStart(early, ref('t1', 'c1'), -3)), 'c1')).toMatchObject({ start: 0, length: 5, offset: 4.5 });
  });

  it('never shortens below the minimum length', () => {
    const p = project();
    const q = expectValid(trimClipStart(p, ref('t1', 'c1'), 10));
    expect(findClip(q, 'c1')).toMatchObject({ start: 4 - minClipLengthBeats, length: minClipLengthBeats, offset: (4 - minClipLengthBeats) / 2 });
  });

  it('follows the loop phase of a looped clip when the source duration is known', () => {
    const p = project();
    // c4 loops [0.5 s, 2 s) (period 1.5 s); 4 beats later is 2 s of source: 0.5 + (2 mod 1.5) = 1.
    expect(findClip(expectValid(trimClipStart(p, ref('t3', 'c4'), 8, durations)), 'c4')).toMatchObject({ start: 8, length: 4, offset: 1 });
    expect(findClip(expectValid(trimClipStart(p, ref('t3', 'c4'), 8)), 'c4')).toMatchObject({ offset: 2.5 });
  });

  it('is a no-op for stale refs and bad numbers', () => {
    const p = project();
    expect(trimClipStart(p, ref('t2', 'c1'), 1)).toBe(p);
    expect(trimClipStart(p, ref('t1', 'c1'), Number.NaN)).toBe(p);
    expect(trimClipStart(p, ref('t1', 'c1'), 0)).toBe(p);
  });
});

describe('trimClipEnd', () => {
  it('sets the length, keeping start and offset', () => {
    const p = project();
    const q = expectValid(trimClipEnd(p, ref('t1', 'c1'), 6));
    expect(findClip(q, 'c1')).toEqual({ ...findClip(p, 'c1'), length: 6 });
    expect(q.tracks[1]).toBe(p.tracks[1]);
    expect(findClip(expectValid(trimClipEnd(p, ref('t1', 'c1'), 10)), 'c1').length).toBe(10);
  });

  it('clamps to the minimum length, and to the source end when known and not looping', () => {
    const p = project();
    expect(findClip(expectValid(trimClipEnd(p, ref('t1', 'c1'), -1)), 'c1').length).toBe(minClipLengthBeats);
    // c1: 2 s source from offset 0 = 4 beats, already its length.
    expect(trimClipEnd(p, ref('t1', 'c1'), 10, durations)).toBe(p);
    // c2: offset 0.5 of 2 s leaves 1.5 s = 3 beats.
    expect(findClip(expectValid(trimClipEnd(p, ref('t1', 'c2'), 12, durations)), 'c2').length).toBe(3);
    // Looped c4 is not limited.
    expect(findClip(expectValid(trimClipEnd(p, ref('t3', 'c4'), 20, durations)), 'c4').length).toBe(16);
  });

  it('is a no-op for stale refs, bad numbers and the same end', () => {
    const p = project();
    expect(trimClipEnd(p, ref('t1', 'c9'), 3)).toBe(p);
    expect(trimClipEnd(p, ref('t1', 'c1'), Infinity)).toBe(p);
    expect(trimClipEnd(p, ref('t1', 'c1'), 4)).toBe(p);
  });
});

describe('trimming a multi-selection', () => {
  it('moves every selected edge by the same delta, each clamped on its own', () => {
    const p = project();
    const q = expectValid(trimClipsStart(p, [ref('t1', 'c1'), ref('t2', 'c3')], -1));
    expect(findClip(q, 'c1')).toBe(findClip(p, 'c1'));
    expect(findClip(q, 'c3')).toMatchObject({ start: 1, length: 5, offset: 0 });
    const r = expectValid(trimClipsEnd(p, [ref('t1', 'c1'), ref('t1', 'c2')], -3));
    expect(findClip(r, 'c1').length).toBe(1);
    expect(findClip(r, 'c2').length).toBe(minClipLengthBeats);
    expect(trimClipsEnd(p, [ref('t1', 'c1')], 0)).toBe(p);
  });
});
