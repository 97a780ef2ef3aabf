import { describe, expect, it } from 'vitest';
import { chordNames, stampChord } from '../../../../src/model/beats/chords';
import { foldToScale, inScale, pitchName, scaleNames, scales } from '../../../../src/model/beats/scales';
import { note, pattern } from './patterns';

describe('scales', () => {
  it('knows the church modes, minor variants, pentatonics and blues as intervals', () => {
    expect(scaleNames).toEqual(expect.arrayContaining(['major', 'minor', 'dorian', 'phrygian', 'lydian', 'mixolydian', 'locrian', 'blues']));
    for (const name of scaleNames) {
      const intervals: readonly number[] = scales[name].intervals;
      expect(intervals[0]).toBe(0);
      expect([...intervals].sort((a, b) => a - b)).toEqual(intervals);
    }
  });

  it('says which pitches belong to a scale on any root', () => {
    const dMinor = { root: 2, scale: 'minor' } as const;
    expect([62, 64, 65, 67, 69, 70, 72].every((p) => inScale(p, dMinor))).toBe(true);
    expect([63, 66, 71].some((p) => inScale(p, dMinor))).toBe(false);
    expect(inScale(1, { root: 1, scale: 'major' })).toBe(true);
    expect(inScale(-11, { root: 1, scale: 'major' })).toBe(true);
  });

  it('folds to the nearest pitch in the scale, down on a tie, within 0–127', () => {
    const cMajor = { root: 0, scale: 'major' } as const;
    expect(foldToScale(61, cMajor)).toBe(60);
    expect(foldToScale(66, cMajor)).toBe(65);
    expect(foldToScale(64, cMajor)).toBe(64);
    const aMinorPenta = { root: 9, scale: 'minorPentatonic' } as const;
    expect(foldToScale(70, aMinorPenta)).toBe(69);
    expect(foldToScale(71, aMinorPenta)).toBe(72);
    expect(foldToScale(127, { root: 1, scale: 'major' })).toBe(126);
    expect(foldToScale(0, { root: 2, scale: 'major' })).toBe(1);
  });

  it('names pitches as DAWs do (60 = C4)', () => {
    expect([60, 69, 36, 0, 127].map(pitchName)).toEqual(['C4', 'A4', 'C2', 'C-1', 'G9']);
  });
});

describe('chord stamps', () => {
  it('stamps major, minor and seventh chords on a root and selects them', () => {
    const stamp = { root: 60, start: 1, length: 2, velocity: 0.7 };
    const maj = stampChord(pattern(4), { ...stamp, chord: 'maj' });
    expect(maj.pattern.notes.map((n) => n.pitch)).toEqual([60, 64, 67]);
    expect(maj.stamped).toEqual([0, 1, 2]);
    expect(stampChord(pattern(4), { ...stamp, chord: 'min' }).pattern.notes.map((n) => n.pitch)).toEqual([60, 63, 67]);
    expect(stampChord(pattern(4), { ...stamp, chord: 'dom7' }).pattern.notes.map((n) => n.pitch)).toEqual([60, 64, 67, 70]);
    expect(stampChord(pattern(4), { ...stamp, chord: 'maj7' }).pattern.notes.map((n) => n.pitch)).toEqual([60, 64, 67, 71]);
    expect(stampChord(pattern(4), { ...stamp, chord: 'min7' }).pattern.notes.map((n) => n.pitch)).toEqual([60, 63, 67, 70]);
    expect(chordNames.length).toBeGreaterThanOrEqual(5);
  });

  it('skips notes already there and pitches above 127; a stamp outside the pattern adds nothing', () => {
    const p = pattern(4, '1/16', [note(64, 1)]);
    const { pattern: stamped, stamped: selected } = stampChord(p, { chord: 'maj', root: 60, start: 1, length: 1, velocity: 0.8 });
    expect(stamped.notes.map((n) => n.pitch)).toEqual([60, 64, 67]);
    expect(selected).toEqual([0, 2]);
    expect(stampChord(pattern(4), { chord: 'maj7', root: 120, start: 0, length: 1, velocity: 1 }).pattern.notes.map((n) => n.pitch)).toEqual([120, 124, 127]);
    const same = pattern(4);
    expect(stampChord(same, { chord: 'maj', root: 60, start: 4, length: 1, velocity: 1 }).pattern).toBe(same);
  });
});
