import { describe, expect, it } from 'vitest';
import { addMarker, addMarkerWithId, deleteMarker, moveMarker, renameMarker } from '../../../../src/model/edits/marker-edits';
import type { Project } from '../../../../src/model/project-schema';
import { beats } from '../../../../src/std/units';
import { expectValid, project } from './helpers';

// `project()` has markers m1 "Intro" at beat 0 and m2 "Drop" at beat 8.
const layout = (p: Project) => p.markers.map((m) => [m.id, m.beat, m.name]);

describe('addMarker', () => {
  it('adds a marker in beat order with a fresh id and a default name', () => {
    const p = project();
    const { project: q, markerId } = addMarkerWithId(p, beats(4));
    expect(markerId).toBe('m3');
    expect(layout(expectValid(q))).toEqual([
      ['m1', 0, 'Intro'],
      ['m3', 4, 'Marker 3'],
      ['m2', 8, 'Drop'],
    ]);
    expect(q.tracks).toBe(p.tracks);
    expect(q.markers[0]).toBe(p.markers[0]);
    expect(layout(expectValid(addMarker(p, beats(16), 'Outro'))).at(-1)).toEqual(['m3', 16, 'Outro']);
  });

  it('puts a marker after those on the same beat, clamps to beat 0, cuts long names', () => {
    const p = project();
    expect(layout(expectValid(addMarker(p, beats(8), 'Also 8'))).slice(1)).toEqual([
      ['m2', 8, 'Drop'],
      ['m3', 8, 'Also 8'],
    ]);
    expect(layout(expectValid(addMarker(p, beats(-3))))[1]).toEqual(['m3', 0, 'Marker 3']);
    expect(expectValid(addMarker(p, beats(1), 'x'.repeat(300))).markers[1]?.name).toHaveLength(200);
  });

  it('adds nothing at a beat that is not a finite number', () => {
    const p = project();
    expect(addMarkerWithId(p, beats(Number.NaN))).toEqual({ project: p, markerId: null });
    expect(addMarker(p, beats(Number.POSITIVE_INFINITY))).toBe(p);
  });

  it('starts at m1 and "Marker 1" in an empty list', () => {
    const empty = { ...project(), markers: [] };
    expect(addMarkerWithId(empty, beats(2)).project.markers).toEqual([{ id: 'm1', beat: 2, name: 'Marker 1' }]);
  });
});

describe('moveMarker', () => {
  it('moves a marker and keeps the list sorted', () => {
    const p = addMarker(project(), beats(4), 'Verse');
    expect(layout(expectValid(moveMarker(p, 'm1', beats(12))))).toEqual([
      ['m3', 4, 'Verse'],
      ['m2', 8, 'Drop'],
      ['m1', 12, 'Intro'],
    ]);
    expect(layout(expectValid(moveMarker(p, 'm2', beats(2))))).toEqual([
      ['m1', 0, 'Intro'],
      ['m2', 2, 'Drop'],
      ['m3', 4, 'Verse'],
    ]);
    expect(layout(expectValid(moveMarker(p, 'm1', beats(8)))).map(([id]) => id)).toEqual(['m3', 'm2', 'm1']);
  });

  it('clamps to beat 0 and changes nothing for an unknown id, the same beat or a bad number', () => {
    const p = project();
    expect(layout(expectValid(moveMarker(p, 'm2', beats(-5))))).toEqual([
      ['m1', 0, 'Intro'],
      ['m2', 0, 'Drop'],
    ]);
    expect(moveMarker(p, 'm1', beats(-1))).toBe(p);
    expect(moveMarker(p, 'm2', beats(8))).toBe(p);
    expect(moveMarker(p, 'm9', beats(3))).toBe(p);
    expect(moveMarker(p, 'm2', beats(Number.NaN))).toBe(p);
  });
});

describe('renameMarker and deleteMarker', () => {
  it('renames one marker, cut to 200 characters', () => {
    const p = project();
    const q = expectValid(renameMarker(p, 'm2', 'Hook'));
    expect(layout(q)).toEqual([
      ['m1', 0, 'Intro'],
      ['m2', 8, 'Hook'],
    ]);
    expect(q.markers[0]).toBe(p.markers[0]);
    expect(expectValid(renameMarker(p, 'm1', 'y'.repeat(201))).markers[0]?.name).toHaveLength(200);
    expect(renameMarker(p, 'm1', 'Intro')).toBe(p);
    expect(renameMarker(p, 'm9', 'Lost')).toBe(p);
  });

  it('deletes one marker; its id is not handed out again while a larger one exists', () => {
    const p = project();
    const q = expectValid(deleteMarker(p, 'm1'));
    expect(layout(q)).toEqual([['m2', 8, 'Drop']]);
    expect(deleteMarker(p, 'm9')).toBe(p);
    expect(addMarkerWithId(q, beats(1)).markerId).toBe('m3');
  });
});
