import { describe, expect, it } from 'vitest';
import { createTrack } from '../../../src/model/new-track';
import type { AudioClip, Clip, Track } from '../../../src/model/project-schema';
import { Clock } from '../../../src/std/clock';
import { clipBox, cursorOf, gainKnob, handleSizes, partAt } from '../../../renderer/ui/timeline/clip-geometry';
import { trackLayers } from '../../../renderer/ui/timeline/clip-layers';
import { clipAt } from '../../../renderer/ui/timeline/clip-hit';
import { rowsBetween, trackRows } from '../../../renderer/ui/timeline/track-layout';
import { clip as editClip } from '../model/edits/helpers';

/** c1 on beats [2, 6) unless `fields` say otherwise. */
const clip = (fields: Partial<AudioClip> = {}): AudioClip => editClip(fields.id ?? 'c1', { start: 2, ...fields });
const track = (id: string, clips: Clip[]): Track => ({ ...createTrack(id, id, 0), clips });

/** 120 BPM, 20 px per beat: one second of source is 40 px. */
const view = { clock: Clock.of({ tempo: 120 }), pixelsPerBeat: 20, rowHeight: 72 };

describe('clip parts under the pointer', () => {
  it('finds the body, both trim edges, the fade squares and the loop tab of a wide clip', () => {
    const c = clip({ fadeIn: 0.5, fadeOut: 0.25, loop: true });
    const box = clipBox(c, view.pixelsPerBeat, view.rowHeight);
    expect(box).toEqual({ x: 40, y: 4, width: 80, height: 64 });
    const at = (x: number, y: number) => partAt(c, box, x, y, view.clock, view.pixelsPerBeat);
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
    expect(partAt(c, box, 50, 6, view.clock, view.pixelsPerBeat)).toBe('fade-in');
  });

  it('the middle third of a short clip always moves it, whatever handle would reach into it', () => {
    // 60 px wide (3 beats), the gain knob in its middle and a fade-in square 30 px in.
    const short = clip({ length: 3, fadeIn: 0.75 });
    const box = clipBox(short, view.pixelsPerBeat, view.rowHeight);
    const knob = gainKnob(box, short.gainDb);
    const at = (x: number, y: number) => partAt(short, box, x, y, view.clock, view.pixelsPerBeat);
    expect(knob.x).toBe(70);
    expect(at(knob.x, knob.y)).toBe('move');
    expect(at(70, 6)).toBe('move');
    for (let x = 60; x <= 80; x += 2) expect(at(x, 40)).toBe('move');
    expect(handleSizes(box).knob).toBe(false);
    // A clip 96 px or wider keeps its gain knob.
    const wide = clip({ length: 6 });
    const wideBox = clipBox(wide, view.pixelsPerBeat, view.rowHeight);
    const wideKnob = gainKnob(wideBox, 0);
    expect(partAt(wide, wideBox, wideKnob.x, wideKnob.y, view.clock, view.pixelsPerBeat)).toBe('gain');
  });

  it('trim handles and the loop tab shrink on small clips instead of taking them over', () => {
    // 20 px (1 beat): 6 px trim zones either side, a 6.7 px loop tab, body between.
    const small = clip({ length: 1, loop: true });
    const box = clipBox(small, view.pixelsPerBeat, view.rowHeight);
    const at = (x: number, y: number) => partAt(small, box, x, y, view.clock, view.pixelsPerBeat);
    expect(handleSizes(box)).toEqual({ edge: 6, fade: 20 / 3, loop: 20 / 3, knob: false });
    expect(at(41, 40)).toBe('trim-start');
    expect(at(59, 40)).toBe('trim-end');
    expect(at(50, 40)).toBe('move');
    expect(at(59, 66)).toBe('loop');
    expect(at(52, 66)).toBe('move');
    // 15 px: 5 px zones, a third each.
    const smaller = clip({ length: 0.75 });
    const smallerBox = clipBox(smaller, view.pixelsPerBeat, view.rowHeight);
    expect(partAt(smaller, smallerBox, 44, 40, view.clock, view.pixelsPerBeat)).toBe('trim-start');
    expect(partAt(smaller, smallerBox, 45.5, 40, view.clock, view.pixelsPerBeat)).toBe('move');
    expect(partAt(smaller, smallerBox, 51, 40, view.clock, view.pixelsPerBeat)).toBe('trim-end');
  });

  it('a clip narrower than 12 px is all body, and a tiny one is still wide enough to grab', () => {
    const narrow = clip({ length: 0.5, loop: true });
    const box = clipBox(narrow, view.pixelsPerBeat, view.rowHeight);
    expect(handleSizes(box)).toEqual({ edge: 0, fade: 0, loop: 0, knob: false });
    for (const x of [40, 41, 45, 49, 50]) expect(partAt(narrow, box, x, 66, view.clock, view.pixelsPerBeat)).toBe('move');
    const tiny = clip({ length: 0.01 });
    expect(clipBox(tiny, view.pixelsPerBeat, view.rowHeight).width).toBe(4);
    expect(partAt(tiny, clipBox(tiny, view.pixelsPerBeat, view.rowHeight), 43, 40, view.clock, view.pixelsPerBeat)).toBe('move');
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

describe('overlapping clips', () => {
  it('a clip over an earlier one is one layer down and covers a span of it; touching clips do not overlap', () => {
    const layers = trackLayers([clip({ id: 'under' }), clip({ id: 'over', start: 4 }), clip({ id: 'next', start: 8, length: 2 })]);
    expect(layers.depth).toEqual([0, 1, 0]);
    expect(layers.covered).toEqual([[{ from: 4, to: 6 }], [], []]);
    expect(layers.overlaps).toBe(1);
  });

  it('the order in the track decides which is on top, whichever starts first; a clip over two is below both', () => {
    const later = trackLayers([clip({ id: 'x', start: 4 }), clip({ id: 'y', start: 2 })]);
    expect(later.depth).toEqual([0, 1]);
    expect(later.covered[0]).toEqual([{ from: 4, to: 6 }]);
    const chain = trackLayers([clip({ id: 'a', start: 0 }), clip({ id: 'b', start: 2 }), clip({ id: 'c', start: 3, length: 1 })]);
    expect(chain.depth).toEqual([0, 1, 2]);
    expect(chain.covered).toEqual([[{ from: 2, to: 4 }, { from: 3, to: 4 }], [{ from: 3, to: 4 }], []]);
    expect(chain.overlaps).toBe(3);
  });

  it('the clip on top is drawn lower, so the strip above it grabs the clip underneath', () => {
    const t = track('t1', [clip({ id: 'under' }), clip({ id: 'over', start: 4 })]);
    const over = clipBox(clip({ start: 4 }), view.pixelsPerBeat, view.rowHeight, 1);
    expect(over).toEqual({ x: 80, y: 14, width: 80, height: 54 });
    expect(clipAt(t, 100, 8, view)?.clip.id).toBe('under');
    expect(clipAt(t, 100, 40, view)?.clip.id).toBe('over');
    expect(clipAt(t, 140, 8, view)).toBeNull();
    // However deep, a clip keeps at least half the lane.
    expect(clipBox(clip(), view.pixelsPerBeat, view.rowHeight, 9)).toMatchObject({ y: 36, height: 32 });
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
