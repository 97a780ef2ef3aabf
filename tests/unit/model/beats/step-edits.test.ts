import { describe, expect, it } from 'vitest';
import { readRow, rowStepsOf, stepBeats, stepCount, writeRow } from '../../../../src/model/beats/step-grid';
import {
  clearRow,
  defaultStepVelocity,
  randomiseRow,
  setDivision,
  setPatternSwing,
  setRowSteps,
  setStep,
  setStepCount,
  setStepValues,
  shiftRow,
  toggleStep,
} from '../../../../src/model/beats/step-edits';
import { note, pattern, startsOf } from './patterns';

const kick = 36;
const hat = 42;

describe('step grid', () => {
  it('has a step length and count for every division', () => {
    expect(['1/8', '1/8T', '1/16', '1/16T', '1/32'].map((d) => stepBeats(d as never))).toEqual([0.5, 1 / 3, 0.25, 1 / 6, 0.125]);
    expect(stepCount(pattern(4))).toBe(16);
    expect(stepCount(pattern(4, '1/8T'))).toBe(12);
    expect(stepCount(pattern(16, '1/16'))).toBe(64);
  });

  it('reads a row from the notes that start on its steps, and leaves notes between steps out', () => {
    const p = pattern(4, '1/16', [note(kick, 0), note(kick, 1, 0.25, 0.5), note(kick, 1.1), note(hat, 0.5)]);
    const row = readRow(p, kick);
    expect(row).toHaveLength(16);
    expect(row.map((c) => (c ? 1 : 0)).join('')).toBe('1000100000000000');
    expect(row[4]?.velocity).toBe(0.5);
  });
});

describe('toggling and painting steps', () => {
  it('a click on steps 0, 4, 8, 12 writes four-on-the-floor notes one step long', () => {
    let p = pattern(4);
    for (const step of [0, 4, 8, 12]) p = toggleStep(p, kick, step);
    expect(startsOf(p, kick)).toEqual([0, 1, 2, 3]);
    expect(p.notes.every((n) => n.length === 0.25 && n.velocity === defaultStepVelocity)).toBe(true);
    p = toggleStep(p, kick, 4);
    expect(startsOf(p, kick)).toEqual([0, 2, 3]);
  });

  it('painting a step that is already as wanted changes nothing (no empty undo step)', () => {
    const p = setStep(pattern(4), kick, 2, true);
    expect(setStep(p, kick, 2, true)).toBe(p);
    expect(setStep(p, kick, 3, false)).toBe(p);
    expect(setStep(p, kick, 99, true)).toBe(p);
  });

  it('keeps notes of the row that lie between steps', () => {
    const p = toggleStep(pattern(4, '1/16', [note(kick, 0.1)]), kick, 0);
    expect(startsOf(p, kick)).toEqual([0, 0.1]);
  });

  it('writes triplet steps on the triplet grid', () => {
    let p = pattern(2, '1/8T');
    p = toggleStep(toggleStep(p, hat, 1), hat, 4);
    expect(startsOf(p, hat)[0]).toBeCloseTo(1 / 3, 12);
    expect(startsOf(p, hat)[1]).toBeCloseTo(4 / 3, 12);
  });
});

describe('per-step values', () => {
  it('sets velocity, probability and ratchet on an on step, clamped to the format', () => {
    let p = toggleStep(pattern(4), hat, 2);
    p = setStepValues(p, hat, 2, { velocity: 0.3, probability: 0.5, ratchet: 12 });
    expect(p.notes[0]).toMatchObject({ start: 0.5, velocity: 0.3, probability: 0.5, ratchet: 8 });
    p = setStepValues(p, hat, 2, { velocity: 0, probability: 1, ratchet: 1 });
    expect(p.notes[0]!.velocity).toBeGreaterThan(0);
    expect(p.notes[0]).not.toHaveProperty('probability');
    expect(p.notes[0]).not.toHaveProperty('ratchet');
  });

  it('leaves an off step off', () => {
    const p = pattern(4);
    expect(setStepValues(p, hat, 3, { velocity: 0.5 })).toBe(p);
  });
});

describe('polymeter rows', () => {
  it('a 3-step row in a 16-step pattern repeats its cycle over the whole pattern', () => {
    let p = setRowSteps(pattern(4), hat, 3);
    expect(rowStepsOf(p, hat)).toBe(3);
    expect(p.stepGrid?.rowSteps).toEqual({ [hat]: 3 });
    p = toggleStep(p, hat, 0);
    expect(startsOf(p, hat)).toEqual([0, 0.75, 1.5, 2.25, 3, 3.75]);
    p = setStepValues(p, hat, 0, { velocity: 0.4 });
    expect(p.notes.filter((n) => n.pitch === hat).every((n) => n.velocity === 0.4)).toBe(true);
  });

  it('growing a row keeps its first cells and adds empty steps; the full count drops its own cycle', () => {
    let p = toggleStep(setRowSteps(pattern(4), hat, 3), hat, 2);
    p = setRowSteps(p, hat, 5);
    expect(readRow(p, hat).map((c) => (c ? 1 : 0)).join('')).toBe('00100');
    expect(startsOf(p, hat)).toEqual([0.5, 1.75, 3]);
    p = setRowSteps(p, hat, 16);
    expect(p.stepGrid?.rowSteps).toEqual({});
    expect(setRowSteps(p, hat, 16)).toBe(p);
  });
});

describe('row tools', () => {
  it('shifts a row left and right within its cycle, wrapping around', () => {
    let p = toggleStep(toggleStep(pattern(4), kick, 0), kick, 6);
    p = shiftRow(p, kick, 1);
    expect(startsOf(p, kick)).toEqual([0.25, 1.75]);
    p = shiftRow(shiftRow(p, kick, -1), kick, -1);
    expect(startsOf(p, kick)).toEqual([1.25, 3.75]);
  });

  it('randomises a row the same way for the same seed, and differently for another', () => {
    const p = pattern(4);
    const a = randomiseRow(p, hat, 7);
    expect(randomiseRow(p, hat, 7)).toEqual(a);
    expect(randomiseRow(p, hat, 8).notes).not.toEqual(a.notes);
    expect(a.notes.length).toBeGreaterThan(0);
    expect(a.notes.every((n) => n.velocity >= 0.6 && n.velocity <= 1)).toBe(true);
    expect(randomiseRow(p, hat, 7, 1).notes).toHaveLength(16);
    expect(randomiseRow(p, hat, 7, 0).notes).toHaveLength(0);
  });

  it('clears every note of a row and nothing else', () => {
    const p = pattern(4, '1/16', [note(kick, 0), note(kick, 0.1), note(hat, 0.5)]);
    expect(clearRow(p, kick).notes).toEqual([note(hat, 0.5)]);
    const empty = clearRow(p, 50);
    expect(empty).toBe(p);
  });
});

describe('pattern length, division and swing', () => {
  it('sets 1–64 steps; notes past the new end go, polymeter rows are written out again', () => {
    let p = toggleStep(toggleStep(setRowSteps(pattern(4), hat, 3), hat, 0), kick, 12);
    p = setStepCount(p, 32);
    expect(p.length).toBe(8);
    expect(startsOf(p, hat)).toHaveLength(11);
    expect(startsOf(p, kick)).toEqual([3]);
    p = setStepCount(p, 8);
    expect(p.length).toBe(2);
    expect(startsOf(p, kick)).toEqual([]);
    expect(setStepCount(p, 8)).toBe(p);
    expect(setStepCount(p, 1000).length).toBe(16);
    expect(setStepCount(p, 0).length).toBe(0.25);
  });

  it('a new division keeps the notes and makes the length whole steps', () => {
    const p = pattern(4, '1/16', [note(kick, 0), note(kick, 1)]);
    const triplets = setDivision(p, '1/8T');
    expect(triplets.notes).toEqual(p.notes);
    expect(triplets.length).toBe(4);
    expect(stepCount(triplets)).toBe(12);
    expect(readRow(triplets, kick).map((c) => (c ? 1 : 0)).join('')).toBe('100100000000');
  });

  it('swing per pattern is clamped to 50–75 and can go back to the project', () => {
    const p = setPatternSwing(pattern(4), 80);
    expect(p.swing).toBe(75);
    expect(setPatternSwing(p, null)).not.toHaveProperty('swing');
  });

  it('writing an empty cycle removes the row', () => {
    const p = toggleStep(pattern(4), kick, 0);
    expect(writeRow(p, kick, []).notes).toEqual([]);
  });
});
