import { describe, expect, it } from 'vitest';
import { chopClipAtBeats, chopLabel, gridChopPositions, transientChopPositions, usableChopPositions } from '../../../src/model/edits/chop';
import { applyEdit, emptyHistory, undo } from '../../../src/model/history';
import type { AudioClip, Project } from '../../../src/model/project-schema';
import { clip, durations, expectValid, findClip, project, ref } from '../model/edits/helpers';

const clipsOf = (p: Project, trackId: string): AudioClip[] => (p.tracks.find((t) => t.id === trackId)?.clips ?? []).flatMap((c) => (c.kind === 'audio' ? [c] : []));

describe('gridChopPositions', () => {
  it('cuts on quarter, eighth and sixteenth notes counted from the clip start', () => {
    const c = clip('x', { start: 2, length: 4 });
    expect(gridChopPositions(c, 4)).toEqual([3, 4, 5]);
    expect(gridChopPositions(c, 8)).toEqual([2.5, 3, 3.5, 4, 4.5, 5, 5.5]);
    expect(gridChopPositions(c, 16)).toHaveLength(15);
    expect(gridChopPositions(clip('y', { start: 0.3, length: 1.1 }), 4)).toEqual([1.3]);
    expect(gridChopPositions(clip('z', { length: 1 }), 4)).toEqual([]);
  });
});

describe('transientChopPositions', () => {
  it('maps source seconds to beats through offset, rate and tempo, keeping only onsets inside', () => {
    // 120 BPM: 1 beat = 0.5 s; offset 1 s, rate 2 → 1 beat covers 1 s of source.
    const c = clip('x', { start: 4, length: 4, offset: 1, rate: 2 });
    expect(transientChopPositions(c, [0.5, 1, 1.5, 3, 4.99, 5, 7, Number.NaN], { tempo: 120 })).toEqual([4.5, 6, 7.99]);
  });
});

describe('usableChopPositions', () => {
  it('sorts, dedupes and drops cuts at the edges or closer than 1/64 beat', () => {
    const c = clip('x', { start: 0, length: 4 });
    expect(usableChopPositions(c, [3, 1, 1, 0, 4, 1.001, 2, -1, 9])).toEqual([1, 2, 3]);
  });
});

describe('chopClipAtBeats', () => {
  it('splits one clip into consecutive clips with continuous offsets, all in one step', () => {
    const base = project();
    const { project: chopped, created } = chopClipAtBeats(base, ref('t1', 'c2'), [9.5, 8.5, 9]);
    expectValid(chopped);
    const pieces = clipsOf(chopped, 't1');
    expect(pieces.map((c) => c.id)).toEqual(['c1', 'c2', 'c5', 'c6', 'c7']);
    expect(created).toEqual([ref('t1', 'c5'), ref('t1', 'c6'), ref('t1', 'c7')]);
    const chop = pieces.slice(1);
    expect(chop.map((c) => [c.start, c.length, c.offset])).toEqual([
      [8, 0.5, 0.5],
      [8.5, 0.5, 0.75],
      [9, 0.5, 1],
      [9.5, 0.5, 1.25],
    ]);
    for (let i = 1; i < chop.length; i++) {
      const a = chop[i - 1];
      const b = chop[i];
      if (!a || !b) throw new Error('missing piece');
      expect(a.start + a.length).toBe(b.start);
      expect(b.offset - a.offset).toBeCloseTo((a.length * 60) / base.tempo, 12);
    }
    expect(chop.map((c) => [c.fadeIn, c.fadeOut])).toEqual([
      [0.1, 0],
      [0, 0],
      [0, 0],
      [0, 0.2],
    ]);
    expect(findClip(chopped, 'c1')).toBe(findClip(base, 'c1'));
    expect(chopped.tracks[1]).toBe(base.tracks[1]);
  });

  it('chops on a 1/8 grid: a 4-beat clip becomes 8 clips that tile it exactly', () => {
    const base = project();
    const c1 = findClip(base, 'c1');
    const { project: chopped } = chopClipAtBeats(base, ref('t1', 'c1'), gridChopPositions(c1, 8));
    const pieces = clipsOf(chopped, 't1').filter((c) => c.start < 4);
    expect(pieces).toHaveLength(8);
    expect(pieces.map((c) => c.start)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    expect(pieces.map((c) => c.offset)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75]);
    expect(pieces.reduce((sum, c) => sum + c.length, 0)).toBe(4);
  });

  it('keeps rate, reverse and gain; a reversed clip advances in its reversed source', () => {
    const { project: chopped } = chopClipAtBeats(project(), ref('t2', 'c3'), [4]);
    const pieces = clipsOf(chopped, 't2');
    expect(pieces.map((c) => [c.start, c.length, c.offset, c.rate, c.reverse])).toEqual([
      [2, 2, 1, 2, true],
      [4, 2, 3, 2, true],
    ]);
  });

  it('wraps offsets of a looped clip into its loop when the source duration is known', () => {
    // c4: [4, 12) looped from 0.5 s of a 2 s source; beat 7 is 1.5 s in → 0.5 + (1.5 mod 1.5) = 0.5.
    const { project: chopped } = chopClipAtBeats(project(), ref('t3', 'c4'), [6, 7], durations);
    expect(clipsOf(chopped, 't3').map((c) => [c.start, c.offset, c.loop])).toEqual([
      [4, 0.5, true],
      [6, 1.5, true],
      [7, 0.5, true],
    ]);
  });

  it('returns the same document for a stale ref or no usable cut', () => {
    const base = project();
    expect(chopClipAtBeats(base, ref('t1', 'nope'), [1]).project).toBe(base);
    expect(chopClipAtBeats(base, ref('t1', 'c1'), [0, 4, 7, Number.NaN]).project).toBe(base);
  });

  it('is one undo step that restores exactly the previous document', () => {
    const base = project();
    const c1 = findClip(base, 'c1');
    const done = applyEdit(base, emptyHistory, chopLabel(16), (p) => chopClipAtBeats(p, ref('t1', 'c1'), gridChopPositions(c1, 16)).project);
    expect(clipsOf(done.document, 't1')).toHaveLength(17);
    const back = undo(done.history);
    expect(back?.document).toBe(base);
    expect(back?.document).toEqual(project());
    expect(chopLabel(8)).toBe('Chop Clip into 8');
  });
});
