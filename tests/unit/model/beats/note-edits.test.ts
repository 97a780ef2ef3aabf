import { describe, expect, it } from 'vitest';
import {
  addNotes,
  allNotes,
  copyNotes,
  deleteNotes,
  duplicateNotes,
  foldNotes,
  moveNotes,
  pasteNotes,
  rampVelocities,
  resizeNotes,
  setPatternLength,
  setVelocities,
} from '../../../../src/model/beats/note-edits';
import { note, pattern } from './patterns';

const riff = () => pattern(8, '1/16', [note(60, 0, 0.5), note(64, 0.5, 0.5), note(67, 1, 1)]);

describe('piano roll note edits', () => {
  it('moves, copies and duplicates a 300,000-note selection (no RangeError from spreading it into Math.min)', () => {
    const many = pattern(1024, '1/16', Array.from({ length: 300_000 }, (_, i) => note(40 + (i % 40), (i % 4000) / 8, 0.125)));
    const all = many.notes.map((_, i) => i);
    const moved = moveNotes(many, all, 1, 100);
    expect(moved.pattern.notes[0]!.start).toBe(1);
    expect(moved.pattern.notes[0]!.pitch).toBe(127 - 39);
    expect(copyNotes(many, all)).toHaveLength(300_000);
    expect(duplicateNotes(many, all, 1).pattern.notes[300_000]!.start).toBe(500);
  }, 60_000);

  it('adds notes in the format order and selects them; starts outside the pattern are dropped', () => {
    const { pattern: p, selected } = addNotes(riff(), [note(62, 0.25), note(70, 9), note(200, 2, 0.5, 3)]);
    expect(p.notes.map((n) => n.pitch)).toEqual([60, 62, 64, 67, 127]);
    expect(selected).toEqual([1, 4]);
    expect(p.notes[4]!.velocity).toBe(1);
  });

  it('erases the chosen notes only', () => {
    expect(deleteNotes(riff(), [1]).notes.map((n) => n.pitch)).toEqual([60, 67]);
    const p = riff();
    expect(deleteNotes(p, [9])).toBe(p);
  });

  it('moves a group in time and pitch, stopping at the edges as a group', () => {
    const { pattern: p, selected } = moveNotes(riff(), [0, 1], 1.5, 2);
    expect(p.notes.map((n) => [n.pitch, n.start])).toEqual([[67, 1], [62, 1.5], [66, 2]]);
    expect(selected).toEqual([1, 2]);
    const early = moveNotes(riff(), [1, 2], -3, 0).pattern;
    expect(early.notes.map((n) => n.start)).toEqual([0, 0, 0.5]);
    const high = moveNotes(riff(), allNotes(riff()), 0, 100).pattern;
    expect(high.notes.map((n) => n.pitch)).toEqual([120, 124, 127]);
  });

  it('transposes by ±1 and ±12 and nudges as moves; nothing moved → the same pattern', () => {
    const p = riff();
    expect(moveNotes(p, [2], 0, -12).pattern.notes[2]!.pitch).toBe(55);
    expect(moveNotes(p, [2], 0.25, 0).pattern.notes[2]!.start).toBe(1.25);
    expect(moveNotes(p, [0], -1, 0).pattern).toBe(p);
  });

  it('resizes notes by a delta, never below the shortest note', () => {
    const p = resizeNotes(riff(), [0, 2], -0.75).pattern;
    expect(p.notes.map((n) => n.length)).toEqual([1 / 32, 0.5, 0.25]);
  });

  it('sets velocities and draws a ramp across notes by their starts', () => {
    expect(setVelocities(riff(), [1], 0.2).pattern.notes[1]!.velocity).toBe(0.2);
    const ramp = rampVelocities(riff(), allNotes(riff()), { fromBeat: 0, from: 0.2, toBeat: 1, to: 1 }).pattern;
    expect(ramp.notes.map((n) => Math.round(n.velocity * 1000) / 1000)).toEqual([0.2, 0.6, 1]);
    expect(setVelocities(riff(), [0], -5).pattern.notes[0]!.velocity).toBeGreaterThan(0);
  });

  it('copies relative to the earliest note and pastes at a position', () => {
    const clipboard = copyNotes(riff(), [1, 2]);
    expect(clipboard.map((n) => n.start)).toEqual([0, 0.5]);
    const { pattern: p, selected } = pasteNotes(riff(), clipboard, 4);
    expect(p.notes.slice(3).map((n) => [n.pitch, n.start])).toEqual([[64, 4], [67, 4.5]]);
    expect(selected).toEqual([3, 4]);
  });

  it('duplicates a group right after itself, on the grid when given', () => {
    const p = duplicateNotes(riff(), [0, 1], 1).pattern;
    expect(p.notes.map((n) => [n.pitch, n.start])).toEqual([[60, 0], [64, 0.5], [60, 1], [67, 1], [64, 1.5]]);
    const tight = duplicateNotes(riff(), [0], null).pattern;
    expect(tight.notes.filter((n) => n.pitch === 60).map((n) => n.start)).toEqual([0, 0.5]);
  });

  it('folds chosen notes onto a scale', () => {
    const p = pattern(4, '1/16', [note(61, 0), note(66, 1)]);
    expect(foldNotes(p, [0, 1], { root: 0, scale: 'major' }).pattern.notes.map((n) => n.pitch)).toEqual([60, 65]);
  });

  it('sets the pattern length; notes from the new end on go', () => {
    const p = setPatternLength(riff(), 1);
    expect(p.length).toBe(1);
    expect(p.notes.map((n) => n.pitch)).toEqual([60, 64]);
    expect(setPatternLength(riff(), 5000).length).toBe(1024);
    const same = riff();
    expect(setPatternLength(same, 8)).toBe(same);
  });
});
