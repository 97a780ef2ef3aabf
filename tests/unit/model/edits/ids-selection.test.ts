import { describe, expect, it } from 'vitest';
import { clipIdsOf, idAllocator, nextId, sourceIdsOf, mixerIdsOf } from '../../../../src/model/edits/ids';
import { pruneSelection, resolveClip, resolveSelection, selectAllClips, selectionBounds } from '../../../../src/model/edits/selection';
import { deleteClips } from '../../../../src/model/edits/clip-edits';
import { project, ref } from './helpers';

describe('ids', () => {
  it('continues after the largest number of the exact prefix form', () => {
    expect(nextId('c', [])).toBe('c1');
    expect(nextId('c', ['c1', 'c7', 'c3'])).toBe('c8');
    expect(nextId('c', ['x', 'c', 'c1a', 'cc9', 'c007'])).toBe('c8');
    expect(nextId('t', ['t2', 't1'])).toBe('t3');
  });

  it('never collides, even with huge suffixes', () => {
    const id = nextId('c', ['c99999999999999999999']);
    expect(id).toBe('c100000000000000000000');
    const alloc = idAllocator('s', ['s1', 's2']);
    expect([alloc(), alloc(), alloc()]).toEqual(['s3', 's4', 's5']);
  });

  it('lists the ids of a project', () => {
    const p = project();
    expect(clipIdsOf(p)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(mixerIdsOf(p)).toEqual(['t1', 't2', 't3']);
    expect(sourceIdsOf(p)).toEqual(['s1', 's2']);
  });
});

describe('selection', () => {
  it('resolves existing refs once, in document order, and drops stale ones', () => {
    const p = project();
    const found = resolveSelection(p, [ref('t3', 'c4'), ref('t1', 'c1'), ref('t1', 'c1'), ref('t2', 'c1'), ref('t9', 'c3'), ref('t1', 'nope')]);
    expect(found.map((f) => [f.trackIndex, f.clipIndex, f.clip.id])).toEqual([
      [0, 0, 'c1'],
      [2, 0, 'c4'],
    ]);
    expect(resolveClip(p, ref('t2', 'c3'))?.clip.start).toBe(2);
    expect(resolveClip(p, ref('t1', 'c3'))).toBeUndefined();
  });

  it('selects all, prunes, and measures bounds', () => {
    const p = project();
    const all = selectAllClips(p);
    expect(all).toHaveLength(4);
    expect(selectionBounds(resolveSelection(p, all))).toEqual({ start: 0, end: 12, firstTrack: 0, lastTrack: 2 });
    expect(selectionBounds([])).toBeUndefined();
    const after = deleteClips(p, [ref('t1', 'c2')]);
    expect(pruneSelection(after, all).map((r) => r.clipId)).toEqual(['c1', 'c3', 'c4']);
  });
});
