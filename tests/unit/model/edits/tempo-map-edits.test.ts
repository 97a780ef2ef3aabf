import { describe, expect, it } from 'vitest';
import { clipStartFrame } from '../../../../src/model/project-time';
import { createEmptyProject } from '../../../../src/model/new-project';
import type { Project } from '../../../../src/model/project-schema';
import { addTempoChange, deleteMeterChange, deleteTempoChange, meterChangeBarNear, moveMeterChange, moveTempoChange, setMeterChange, setTempoRamp } from '../../../../src/model/edits/tempo-map-edits';
import { Clock } from '../../../../src/std/clock';
import { deepFreeze, expectValid } from './helpers';

const song = (fields: Partial<Project> = {}): Project => deepFreeze({ ...createEmptyProject('Map'), tempo: 120, ...fields });

describe('tempo map edits', () => {
  it('adds a point at the tempo the song has there, so nothing moves until it is dragged', () => {
    const ramped = song({ tempoChanges: [{ beat: 8, bpm: 80, ramp: true }] });
    const added = expectValid(addTempoChange(ramped, 4));
    expect(added.tempoChanges).toEqual([{ beat: 4, bpm: 100, ramp: false }, { beat: 8, bpm: 80, ramp: true }]);
    expect(addTempoChange(added, 4)).toBe(added);
    expect(addTempoChange(added, 0)).toBe(added);
    expect(addTempoChange(song(), 2, 5000).tempoChanges).toEqual([{ beat: 2, bpm: 999, ramp: false }]);
  });

  it('moves a point between its neighbours, clamped to the format range, and deletes it', () => {
    const three = song({ tempoChanges: [{ beat: 2, bpm: 100, ramp: false }, { beat: 4, bpm: 140, ramp: true }, { beat: 8, bpm: 90, ramp: false }] });
    const moved = expectValid(moveTempoChange(three, 1, 9, 10.004));
    expect(moved.tempoChanges[1]).toEqual({ beat: 8 - 1 / 64, bpm: 20, ramp: true });
    expect(moveTempoChange(three, 0, -3, 100).tempoChanges[0]?.beat).toBe(1 / 64);
    expect(moveTempoChange(three, 1, 4, 140)).toBe(three);
    expect(deleteTempoChange(three, 1).tempoChanges.map((change) => change.beat)).toEqual([2, 8]);
  });

  it('switches a point between a jump and a ramp, and the clock follows: a clip after it starts elsewhere', () => {
    const jump = song({ tempoChanges: [{ beat: 4, bpm: 60, ramp: false }] });
    const ramp = expectValid(setTempoRamp(jump, 0, true));
    expect(setTempoRamp(ramp, 0, true)).toBe(ramp);
    const at = (project: Project) => clipStartFrame({ start: 6 }, project);
    // Jump: 4 beats at 120 (2 s) + 2 at 60 (2 s); ramp: 4 ln 2 s + 2 s.
    expect(at(jump)).toBe(4 * 48_000);
    expect(at(ramp)).toBe(Math.round((4 * Math.LN2 + 2) * 48_000));
  });

  it('sets and deletes meter changes by bar; bar 0 is the time signature; an equal meter adds nothing', () => {
    const plain = song();
    const waltz = expectValid(setMeterChange(plain, 2, [3, 4]));
    expect(waltz.meterChanges).toEqual([{ bar: 2, timeSignature: [3, 4] }]);
    expect(Clock.of(waltz).barStart(3)).toBe(11);
    expect(setMeterChange(waltz, 5, [3, 4])).toBe(waltz);
    expect(setMeterChange(waltz, 0, [6, 8]).timeSignature).toEqual([6, 8]);
    const both = expectValid(setMeterChange(waltz, 1, [7, 8]));
    expect(both.meterChanges.map((change) => change.bar)).toEqual([1, 2]);
    expect(deleteMeterChange(both, 1).meterChanges).toEqual(waltz.meterChanges);
    expect(Clock.of(deleteMeterChange(waltz, 2)).barStart(3)).toBe(12);
  });

  it('moves a meter change by whole bars between its neighbours, never onto bar 0', () => {
    // 4/4, 6/8 from bar 2 (beat 8), 7/8 from bar 4 (beat 14).
    const map = song({ meterChanges: [{ bar: 2, timeSignature: [6, 8] }, { bar: 4, timeSignature: [7, 8] }] });
    const later = expectValid(moveMeterChange(map, 2, 3));
    expect(later.meterChanges).toEqual([{ bar: 3, timeSignature: [6, 8] }, { bar: 4, timeSignature: [7, 8] }]);
    expect(Clock.of(later).barStart(3)).toBe(12);
    expect(moveMeterChange(map, 2, 9).meterChanges[0]?.bar).toBe(3);
    expect(moveMeterChange(map, 2, 0).meterChanges[0]?.bar).toBe(1);
    expect(moveMeterChange(map, 4, 2.6).meterChanges[1]?.bar).toBe(3);
    expect(moveMeterChange(map, 2, 2)).toBe(map);
    expect(moveMeterChange(map, 5, 7)).toBe(map);
  });

  it('finds where a dragged meter change drops: the nearest bar start as the bars before it run', () => {
    const map = song({ meterChanges: [{ bar: 2, timeSignature: [6, 8] }, { bar: 4, timeSignature: [7, 8] }] });
    // Without the 6/8 at bar 2 the 4/4 bars go on (0, 4, 8, 12, 16): beat 13.9 is nearest bar 3 (12).
    expect(meterChangeBarNear(map, 2, 13.9)).toBe(3);
    expect(meterChangeBarNear(map, 2, 6.1)).toBe(2);
    // The 7/8 at bar 4: the 6/8 bars run on (8, 11, 14, 17, 20): beat 18.4 is nearest bar 5 (17).
    expect(meterChangeBarNear(map, 4, 18.4)).toBe(5);
  });
});
