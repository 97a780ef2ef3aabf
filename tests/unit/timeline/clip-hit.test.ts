import { describe, expect, it } from 'vitest';
import { createTrack } from '../../../src/model/new-track';
import type { Clip, Track } from '../../../src/model/project-schema';
import { clipBox, cursorOf, partAt } from '../../../renderer/ui/timeline/clip-geometry';
import { clipAt } from '../../../renderer/ui/timeline/clip-hit';
import { rowsBetween, trackRows } from '../../../renderer/ui/timeline/track-layout';
import { clip as editClip } from '../model/edits/helpers';

/** c1 on beats [2, 6) unless `fields` say otherwise. */
const clip = (fields: Partial<Clip> = {}): Clip => editClip(fields.id ?? 'c1', { start: 2, ...fields });
const track = (id: string, clips: Clip[]): Track => ({ ...createTrack(id, id, 0), clips });

/** 120 BPM, 20 px per beat: one second of source is 40 px. */
const view = { tempo: 120, pixelsPerBeat: 20, rowHeight: 72 };

describe('clip parts under the pointer', () => {
  it('finds the body, both trim edges, the fade squares and the loop tab of a wide clip', () => {
    const c = clip({ fadeIn: 0.5, fadeOut: 0.25, loop: true });
    const box = clipBox(c, view.pixelsPerBeat, view.rowHeight);
    expect(box).toEqual({ x: 40, y: 4, width: 80, height: 64 });
    const at = (x: number, y: number) => partAt(c, box, x, y, view.tempo, view.pixelsPerBeat);
    expect(at(80, 40)).toBe('move');
    expect(at(42, 40)).toBe('trim-start');
    expect(at(118, 30)).toBe('trim-end');
    // Fade-in square at 40 + 0.5 s × 40 px/s = 60 px; fade-out at 120 − 10 = 110 px; both along the top.
    expect(at(60, 6)).toBe('fade-in');
    expect(at(110, 6)).toBe('fade-out');
    expect(at(60, 30)).toBe('move');
    expect(at(118, 66)).toBe('loop');
    expect(at(39, 40)).toBeNull();
    expect(at(80, 70)).toBeNull();
  });

  it('a fade length counts in source seconds: at rate 2 the same fade is half as wide', () => {
    const c = clip({ fadeIn: 0.5, rate: 2 });
    const box = clipBox(c, view.pixelsPerBeat, view.rowHeight);
    expect(partAt(c, box, 50, 6, view.tempo, view.pixelsPerBeat)).toBe('fade-in');
  });

  it('a narrow clip is all body (its loop tab aside), and a tiny one is still wide enough to grab', () => {
    const narrow = clip({ length: 1 });
    const box = clipBox(narrow, view.pixelsPerBeat, view.rowHeight);
    expect(partAt(narrow, box, 41, 40, view.tempo, view.pixelsPerBeat)).toBe('move');
    const tiny = clip({ length: 0.01 });
    expect(clipBox(tiny, view.pixelsPerBeat, view.rowHeight).width).toBe(4);
    expect(partAt(tiny, clipBox(tiny, view.pixelsPerBeat, view.rowHeight), 43, 40, view.tempo, view.pixelsPerBeat)).toBe('move');
  });

  it('the clip drawn last wins where clips overlap, and each part has its cursor', () => {
    const t = track('t1', [clip({ id: 'under' }), clip({ id: 'over', start: 4 })]);
    expect(clipAt(t, 90, 40, view)?.clip.id).toBe('over');
    expect(clipAt(t, 60, 40, view)?.clip.id).toBe('under');
    expect(clipAt(t, 10, 40, view)).toBeNull();
    expect(cursorOf('trim-end')).toBe('ew-resize');
    expect(cursorOf(null)).toBe('');
  });
});

describe('track rows', () => {
  it('stack top to bottom and the rows in a band of pixels are found', () => {
    const { rows, height } = trackRows([track('a', []), track('b', []), track('c', [])]);
    expect(rows.map((r) => r.top)).toEqual([0, 72, 144]);
    expect(height).toBe(216);
    expect(rowsBetween(rows, 80, 150).map((r) => r.track.id)).toEqual(['b', 'c']);
    expect(rowsBetween(rows, 0, 72).map((r) => r.track.id)).toEqual(['a']);
    expect(rowsBetween(rows, 300, 400)).toEqual([]);
  });
});
