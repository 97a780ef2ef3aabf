import { describe, expect, it } from 'vitest';
import { addSourceClip } from '../../../src/model/edits/source-edits';
import { setTempo } from '../../../src/model/edits/timeline-edits';
import { applyEdit, emptyHistory, historyDepth, record, redo, redoLabel, undo, undoLabel } from '../../../src/model/history';
import { createEmptyProject } from '../../../src/model/new-project';
import { createTrack } from '../../../src/model/new-track';
import type { Project } from '../../../src/model/project-schema';

const kick = { path: '/pack/kick.wav', name: 'kick.wav', durationSeconds: 0.5 };

describe('edit history', () => {
  it('applies labelled edits, undoes and redoes them exactly', () => {
    const start = createEmptyProject('Song');
    const a = applyEdit(start, emptyHistory, 'Add Track', (p) => addSourceClip(p, kick, 0, null).project);
    const b = applyEdit(a.document, a.history, 'Set Tempo', (p) => setTempo(p, 90));
    expect(b.document.tempo).toBe(90);
    expect(b.document.tracks).toHaveLength(1);
    expect(undoLabel(b.history)).toBe('Set Tempo');

    const u1 = undo(b.history);
    expect(u1?.document).toBe(a.document);
    expect(redoLabel(u1?.history ?? emptyHistory)).toBe('Set Tempo');
    const u2 = undo(u1?.history ?? emptyHistory);
    expect(u2?.document).toBe(start);
    expect(undo(u2?.history ?? emptyHistory)).toBeNull();

    const r1 = redo(u2?.history ?? emptyHistory);
    expect(r1?.document).toBe(a.document);
    const r2 = redo(r1?.history ?? emptyHistory);
    expect(r2?.document).toBe(b.document);
    expect(redo(r2?.history ?? emptyHistory)).toBeNull();
  });

  it('a new edit after undo drops the redo branch', () => {
    const start = createEmptyProject();
    const a = applyEdit(start, emptyHistory, 'Set Tempo', (p) => setTempo(p, 100));
    const undone = undo(a.history);
    const b = applyEdit(undone?.document ?? start, undone?.history ?? emptyHistory, 'Set Tempo', (p) => setTempo(p, 140));
    expect(b.history.future).toEqual([]);
    expect(redo(b.history)).toBeNull();
  });

  it('leaves document and history untouched when an edit fails or would break the project', () => {
    const start = createEmptyProject();
    const before = applyEdit(start, emptyHistory, 'Set Tempo', (p) => setTempo(p, 100));
    expect(() =>
      applyEdit(before.document, before.history, 'Explode', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(() => applyEdit(before.document, before.history, 'Set Tempo', (p) => setTempo(p, -5))).toThrow(/would break the project \(tempo/);
    const broken = (p: Project): Project => ({ ...p, tracks: [{ ...createTrack('t', 'x', 0), clips: [{ kind: 'audio', id: 'c', name: '', source: 'nope', start: 0, length: 1, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 }] }] });
    expect(() => applyEdit(before.document, before.history, 'Add Clip', broken)).toThrow(/nothing was changed/);
    // Undo after the failures returns exactly the previous document.
    expect(undo(before.history)?.document).toBe(start);
  });

  it('records nothing for an edit that changes nothing', () => {
    const start = createEmptyProject();
    const same = applyEdit(start, emptyHistory, 'Nothing', (p) => p);
    expect(same.history).toBe(emptyHistory);
  });

  it('keeps the last steps only', () => {
    let history = emptyHistory;
    const doc = createEmptyProject();
    for (let i = 0; i < historyDepth + 10; i++) history = record(history, { label: `Step ${i}`, before: doc, after: doc });
    expect(history.past).toHaveLength(historyDepth);
    expect(history.past[0]?.label).toBe('Step 10');
  });
});
