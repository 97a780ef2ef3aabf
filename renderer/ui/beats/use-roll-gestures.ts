import { useRef, useState, type PointerEvent } from 'react';
import { chords, type ChordName } from '../../../src/model/beats/chords';
import { addNotes, deleteNotes, moveNotes, resizeNotes } from '../../../src/model/beats/note-edits';
import { stampChord } from '../../../src/model/beats/chords';
import { beats } from '../../../src/std/units';
import type { PatternContent, PatternNote } from '../../../src/model/beats/pattern-shape';
import type { PatternEditing } from './pattern-editing';
import { beatAt, gestureBeat, gridTravel, notesInBand, pitchAt, resizeEdgePx, type RollGrid, type RollView } from './piano-roll-geometry';

export type RollTool = 'draw' | 'select' | 'erase';

/** A rubber band in beats and pitches, drawn while selecting. */
export interface Band {
  readonly b0: number;
  readonly b1: number;
  readonly p0: number;
  readonly p1: number;
}

interface Options {
  readonly editing: PatternEditing;
  readonly view: RollView;
  readonly tool: RollTool;
  /** The song's snap grid where the clip sits. */
  readonly grid: RollGrid;
  readonly chord: ChordName | null;
  readonly selected: readonly number[];
  readonly select: (indices: number[]) => void;
  readonly audition: (pitch: number) => void;
}

type Drag =
  | { kind: 'move'; anchorPitch: number; anchorStart: number; indices: number[]; beat0: number; pitch0: number; lastDp: number; moved: boolean }
  | { kind: 'resize'; indices: number[]; anchorEnd: number; beat0: number }
  | { kind: 'draw'; start: number; pitch: number }
  | { kind: 'band'; additive: boolean; base: number[] }
  | { kind: 'erase'; erased: Set<PatternNote> };

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The piano roll's pointer gestures on the note area: draw (with the last length, or a chord
 * stamp), move and resize (a selection moves together), rubber band and Shift-click selection,
 * erase (the erase tool, or a right-click). Each drag is one undo step; Alt turns snapping off.
 */
export function useRollGestures({ editing, view, tool, grid, chord, selected, select, audition }: Options) {
  const [band, setBand] = useState<Band | null>(null);
  const [lastLength, setLastLength] = useState(0.25);
  const drag = useRef<Drag | null>(null);
  /** What the last preview made: the pattern and where the edited notes are in it. */
  const pending = useRef<{ pattern: PatternContent; selected: number[] } | null>(null);
  const previewEdit = (recipe: (p: PatternContent) => { pattern: PatternContent; selected: number[] }) =>
    editing.preview((p) => {
      const result = recipe(p);
      pending.current = result;
      return result.pattern;
    });

  const point = (event: PointerEvent<HTMLElement>, area: HTMLElement) => {
    const box = area.getBoundingClientRect();
    return { beat: beatAt(event.clientX - box.left, view), pitch: pitchAt(event.clientY - box.top, view), x: event.clientX - box.left };
  };
  const drawRecipe = (start: number, pitch: number, length: number) => (p: PatternContent) => {
    if (!chord) return addNotes(p, [{ pitch, start: beats(start), length: beats(length), velocity: 0.8 }]);
    const stamped = stampChord(p, { chord, root: pitch, start, length, velocity: 0.8 });
    return { pattern: stamped.pattern, selected: stamped.stamped };
  };
  const eraseRecipe = (erased: Set<PatternNote>) => (p: PatternContent) => ({
    pattern: deleteNotes(p, p.notes.flatMap((note, index) => (erased.has(note) ? [index] : []))),
    selected: [],
  });

  const down = (event: PointerEvent<HTMLDivElement>) => {
    const area = event.currentTarget;
    const { beat, pitch, x } = point(event, area);
    const hit = underPointer(event);
    const pattern = editing.pattern;
    area.setPointerCapture(event.pointerId);
    area.focus({ preventScroll: true });
    if (event.button === 2 || (tool === 'erase' && event.button === 0)) {
      const erased = new Set(hit === null ? [] : [pattern.notes[hit]!]);
      drag.current = { kind: 'erase', erased };
      if (erased.size > 0) previewEdit(eraseRecipe(erased));
      return;
    }
    if (event.button !== 0) return;
    if (hit !== null) {
      const note = pattern.notes[hit]!;
      if (event.shiftKey) {
        select(selected.includes(hit) ? selected.filter((i) => i !== hit) : [...selected, hit]);
        drag.current = null;
        return;
      }
      const indices = selected.includes(hit) ? [...selected] : [hit];
      select(indices);
      const rightEdge = (note.start + note.length) * view.pxPerBeat;
      if (rightEdge - x <= resizeEdgePx) {
        drag.current = { kind: 'resize', indices, anchorEnd: note.start + note.length, beat0: beat };
      } else {
        drag.current = { kind: 'move', anchorPitch: note.pitch, anchorStart: note.start, indices, beat0: beat, pitch0: pitch, lastDp: 0, moved: false };
        audition(note.pitch);
      }
      return;
    }
    if (tool === 'select' || event.ctrlKey || event.metaKey || event.shiftKey) {
      drag.current = { kind: 'band', additive: event.shiftKey, base: event.shiftKey ? [...selected] : [] };
      setBand({ b0: beat, b1: beat, p0: pitch, p1: pitch });
      if (!event.shiftKey) select([]);
      return;
    }
    const start = gestureBeat(grid, beat, 'floor', event.altKey);
    if (start >= pattern.length) return;
    drag.current = { kind: 'draw', start, pitch };
    previewEdit(drawRecipe(start, pitch, lastLength));
    audition(pitch);
  };

  const move = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    const { beat, pitch } = point(event, event.currentTarget);
    const offGrid = event.altKey;
    switch (current.kind) {
      case 'move': {
        // The pressed note moves from grid line to grid line; the others keep their distance to it.
        const db = gridTravel(grid, current.anchorStart, beat - current.beat0, offGrid);
        const dp = pitch - current.pitch0;
        if (db === 0 && dp === 0 && !current.moved) return;
        current.moved = true;
        previewEdit((p) => moveNotes(p, current.indices, db, dp));
        if (dp !== current.lastDp) {
          current.lastDp = dp;
          audition(Math.min(127, Math.max(0, current.anchorPitch + dp)));
        }
        break;
      }
      case 'resize': {
        const dl = gridTravel(grid, current.anchorEnd, beat - current.beat0, offGrid);
        previewEdit((p) => resizeNotes(p, current.indices, dl));
        break;
      }
      case 'draw': {
        const end = gestureBeat(grid, beat, 'ceil', offGrid);
        const length = Math.max((offGrid ? null : grid.step(current.start)) ?? 1 / 32, end - current.start);
        previewEdit(drawRecipe(current.start, current.pitch, length));
        break;
      }
      case 'band': {
        setBand((b) => (b ? { ...b, b1: beat, p1: pitch } : b));
        break;
      }
      case 'erase': {
        const hit = underPointer(event);
        const note = hit === null ? undefined : editing.pattern.notes[hit];
        if (!note || current.erased.has(note)) return;
        current.erased.add(note);
        previewEdit(eraseRecipe(new Set(current.erased)));
        break;
      }
    }
  };

  const up = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    drag.current = null;
    if (!current) return;
    event.currentTarget.releasePointerCapture?.(event.pointerId);
    const made = pending.current;
    const first = made?.pattern.notes[made.selected[0] ?? -1];
    switch (current.kind) {
      case 'move':
        editing.end(current.moved ? (current.indices.length === 1 ? 'Move Note' : `Move ${current.indices.length} Notes`) : null);
        if (made && current.moved) select(made.selected);
        break;
      case 'resize':
        editing.end(made ? (current.indices.length === 1 ? 'Resize Note' : `Resize ${current.indices.length} Notes`) : null);
        if (made) select(made.selected);
        if (first) setLastLength(first.length);
        break;
      case 'draw':
        editing.end(made && made.selected.length > 0 ? (chord ? `Stamp ${chords[chord].label} Chord` : 'Add Note') : null);
        select(made?.selected ?? []);
        if (first && !chord) setLastLength(first.length);
        break;
      case 'band': {
        setBand((b) => {
          if (b) {
            const inside = notesInBand(editing.pattern.notes, b);
            const next = current.additive ? [...new Set([...current.base, ...inside])] : inside;
            if (!sameSet(next, selected)) select(next);
          }
          return null;
        });
        break;
      }
      case 'erase':
        editing.end(current.erased.size === 0 ? null : current.erased.size === 1 ? 'Delete Note' : `Delete ${current.erased.size} Notes`);
        select([]);
        break;
    }
    pending.current = null;
  };

  const cancel = () => {
    if (!drag.current) return;
    drag.current = null;
    setBand(null);
    editing.end(null);
  };

  return { band, lastLength, down, move, up, cancel };
}

/** The note element under the pointer: while the area holds the capture, events target the area. */
function underPointer(event: PointerEvent<HTMLElement>): number | null {
  const hit = document.elementsFromPoint(event.clientX, event.clientY).find((el) => el instanceof HTMLElement && el.dataset.note !== undefined) as HTMLElement | undefined;
  return hit ? Number(hit.dataset.note) : null;
}
