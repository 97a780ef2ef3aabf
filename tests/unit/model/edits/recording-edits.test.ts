import { describe, expect, it } from 'vitest';
import { activeLoopRange, setLoopRange, setMonitorMode, setPunchRange, toggleLooping, togglePunching } from '../../../../src/model/edits/recording-edits';
import { applyEdit, emptyHistory, undo } from '../../../../src/model/history';
import { createInstrument } from '../../../../src/model/new-instrument';
import { parseProject, serializeProject } from '../../../../src/model/parse-project';
import type { Project } from '../../../../src/model/project-schema';
import { expectValid, project } from './helpers';

describe('the punch range', () => {
  it('is set and switched on at once; a range that is empty, reversed or not finite changes nothing', () => {
    const p = project();
    const set = expectValid(setPunchRange(p, { start: 4, end: 8 }));
    expect(set.punch).toEqual({ start: 4, end: 8, on: true });
    expect(setPunchRange(set, { start: 4, end: 8 })).toBe(set);
    for (const bad of [{ start: 4, end: 4 }, { start: 8, end: 4 }, { start: -1, end: 4 }, { start: 0, end: Number.NaN }]) expect(setPunchRange(p, bad)).toBe(p);
  });

  it('switches off and on keeping its range; the first time on, without a range, it takes the loop range', () => {
    const p = project();
    expect(togglePunching(p, null)).toBe(p);
    const on = togglePunching(p, { start: 2, end: 6 });
    expect(on.punch).toEqual({ start: 2, end: 6, on: true });
    const off = togglePunching(on, { start: 0, end: 16 });
    expect(off.punch).toEqual({ start: 2, end: 6, on: false });
    expect(togglePunching(off, null).punch).toEqual({ start: 2, end: 6, on: true });
  });

  it('is saved with the song, and each change is one undo step', () => {
    const step = applyEdit(project(), emptyHistory, 'Set Punch Range', (d) => setPunchRange(d, { start: 4, end: 8 }));
    const reread = parseProject(serializeProject(step.document), 'song.glowroom');
    expect(reread.punch).toEqual({ start: 4, end: 8, on: true });
    expect(undo(step.history)?.document.punch).toBeUndefined();
  });
});

describe('the loop range', () => {
  it('is set and switched on at once; a range that is empty, reversed or not finite changes nothing', () => {
    const p = project();
    const set = expectValid(setLoopRange(p, { start: 8, end: 16 }));
    expect(set.loop).toEqual({ start: 8, end: 16, on: true });
    expect(activeLoopRange(set)).toEqual({ start: 8, end: 16 });
    expect(setLoopRange(set, { start: 8, end: 16 })).toBe(set);
    for (const bad of [{ start: 4, end: 4 }, { start: 8, end: 4 }, { start: -1, end: 4 }, { start: Number.POSITIVE_INFINITY, end: 4 }]) expect(setLoopRange(p, bad)).toBe(p);
    expect(set.punch).toBeUndefined();
  });

  it('switches off and on keeping its range; without a range, switching does nothing', () => {
    const p = project();
    expect(toggleLooping(p)).toBe(p);
    expect(activeLoopRange(p)).toBeNull();
    const off = toggleLooping(setLoopRange(p, { start: 2, end: 6 }));
    expect(off.loop).toEqual({ start: 2, end: 6, on: false });
    expect(activeLoopRange(off)).toBeNull();
    expect(toggleLooping(off).loop).toEqual({ start: 2, end: 6, on: true });
  });

  it('is saved with the song, and each change is one undo step', () => {
    const set = applyEdit(project(), emptyHistory, 'Set Loop Range', (d) => setLoopRange(d, { start: 4, end: 12 }));
    const off = applyEdit(set.document, set.history, 'Loop On/Off', toggleLooping);
    expect(parseProject(serializeProject(off.document), 'song.glowroom').loop).toEqual({ start: 4, end: 12, on: false });
    const undone = undo(off.history);
    expect(undone?.document.loop).toEqual({ start: 4, end: 12, on: true });
    expect(undone && undo(undone.history)?.document.loop).toBeUndefined();
  });
});

describe('input monitoring per track', () => {
  it('is kept on the track (off leaves the field out), saved with the song, one undo step', () => {
    const p = project();
    const auto = expectValid(setMonitorMode(p, 't2', 'auto'));
    expect(auto.tracks[1]?.monitor).toBe('auto');
    expect(setMonitorMode(auto, 't2', 'auto')).toBe(auto);
    const off = setMonitorMode(auto, 't2', 'off');
    expect(off.tracks[1]).not.toHaveProperty('monitor');
    expect(setMonitorMode(p, 't2', 'off')).toBe(p);
    expect(parseProject(serializeProject(auto), 'song.glowroom').tracks[1]?.monitor).toBe('auto');
    const step = applyEdit(p, emptyHistory, 'Monitoring In', (d) => setMonitorMode(d, 't1', 'in'));
    expect(undo(step.history)?.document.tracks[0]?.monitor).toBeUndefined();
  });

  it('is refused on an instrument track and an unknown one', () => {
    const p = project();
    const withSynth: Project = { ...p, tracks: p.tracks.map((t) => (t.id === 't3' ? { ...t, clips: [], instrument: createInstrument('synth', 'i1') } : t)) };
    expect(setMonitorMode(withSynth, 't3', 'in')).toBe(withSynth);
    expect(setMonitorMode(p, 'nope', 'in')).toBe(p);
  });
});
