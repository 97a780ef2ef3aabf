import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { ValueScale } from './value-scale';

/** Shift while dragging moves the value this many times slower. */
const fineFactor = 0.1;

export interface ValueDragOptions {
  readonly scale: ValueScale;
  readonly value: number;
  /** Where a drag starts, when that is not `value` (an automated parameter: its lane's value now). */
  readonly startValue?: () => number;
  /** Pixels of vertical travel for the whole range. */
  readonly travelPx: number;
  /** Plays a value while the drag lasts (not an undo step). */
  readonly onPreview: (value: number) => void;
  /** The drag ended on `value`: one undo step. */
  readonly onCommit: (value: number) => void;
  /** The drag was cancelled (Escape): back to `start`, the value before it. */
  readonly onCancel: (start: number) => void;
}

/**
 * A vertical drag on a fader or knob: up raises the value, relative to where the pointer went
 * down (no jump on click); Shift moves it ten times finer, also when pressed mid-drag; Escape
 * cancels. Returns the pointer-down handler and the value being dragged (null when idle), which
 * the control shows instead of its document value.
 */
export function useValueDrag(options: ValueDragOptions): { onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void; dragged: number | null } {
  const [dragged, setDragged] = useState<number | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (event.button !== 0 || event.detail > 1) return;
    event.preventDefault();
    const element = event.currentTarget;
    element.focus();
    element.setPointerCapture(event.pointerId);
    const { scale, value: shown, startValue } = latest.current;
    const value = startValue ? startValue() : shown;
    let anchorY = event.clientY;
    let anchorPosition = scale.toPosition(value);
    let fine = event.shiftKey;
    let position = anchorPosition;
    let last: number | null = null;
    const move = (moveEvent: PointerEvent) => {
      if (moveEvent.shiftKey !== fine) {
        anchorY = moveEvent.clientY;
        anchorPosition = position;
        fine = moveEvent.shiftKey;
      }
      const travel = latest.current.travelPx / (fine ? fineFactor : 1);
      position = Math.min(1, Math.max(0, anchorPosition + (anchorY - moveEvent.clientY) / travel));
      const next = scale.fromPosition(position);
      last = next;
      setDragged(next);
      latest.current.onPreview(next);
    };
    const finish = (commit: boolean) => {
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', escape, true);
      setDragged(null);
      if (last === null) return;
      if (commit) latest.current.onCommit(last);
      else latest.current.onCancel(value);
    };
    const up = () => finish(true);
    const cancel = () => finish(false);
    const escape = (keyEvent: KeyboardEvent) => {
      if (keyEvent.key !== 'Escape') return;
      keyEvent.preventDefault();
      keyEvent.stopPropagation();
      finish(false);
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', escape, true);
  };
  return { onPointerDown, dragged };
}
