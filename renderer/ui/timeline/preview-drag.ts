import type { PointerEvent as ReactPointerEvent } from 'react';
import type { Project } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';

/** What a live drag does: the edit for the pointer's current place (null: none yet), and the step's label on release (null: record nothing). */
export interface PreviewDrag {
  move(event: PointerEvent): ((project: Project) => Project) | null;
  release(): string | null;
}

/**
 * A live, undoable drag from a pointer press: the pressed element captures the pointer, every move
 * previews the edit (the engine plays it), release records it as one step, Escape puts the
 * document back. The one gesture loop of clips, markers and track heights.
 */
export function startPreviewDrag(event: ReactPointerEvent<HTMLElement>, drag: PreviewDrag): void {
  event.stopPropagation();
  const element = event.currentTarget;
  element.setPointerCapture(event.pointerId);
  const onMove = (move: PointerEvent) => {
    const recipe = drag.move(move);
    if (recipe) useProject.getState().previewGesture(recipe);
  };
  const finish = (label: string | null) => {
    element.removeEventListener('pointermove', onMove);
    element.removeEventListener('pointerup', onUp);
    window.removeEventListener('keydown', onKey);
    useProject.getState().endGesture(label);
  };
  const onUp = () => finish(drag.release());
  const onKey = (key: KeyboardEvent) => {
    if (key.key === 'Escape') finish(null);
  };
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerup', onUp);
  window.addEventListener('keydown', onKey);
}

/** A press that travels less than this (px) is a click, not a drag. */
const clickSlop = 3;

/** A live drag that starts only once the pointer has travelled past the click slop. */
export interface SlopDrag {
  /** Which travel counts: sideways only (flags that move along time), or any direction (a point on a lane). */
  readonly travel: 'x' | 'xy';
  /** The edit for a pointer `dx`, `dy` px from where it was pressed (called only once it counts as a drag). */
  to(dx: number, dy: number, move: PointerEvent): (project: Project) => Project;
  /** The step's label on release (null: record nothing); `moved` is false for a click. */
  release(moved: boolean): string | null;
}

/**
 * `startPreviewDrag` for things that are also clicked (ruler flags, tempo points): a press that
 * stays within the click slop previews nothing and releases with `moved` false.
 */
export function startSlopDrag(event: ReactPointerEvent<HTMLElement>, drag: SlopDrag): void {
  const originX = event.clientX;
  const originY = event.clientY;
  let moved = false;
  startPreviewDrag(event, {
    move: (move) => {
      const dx = move.clientX - originX;
      const dy = move.clientY - originY;
      if (!moved && (drag.travel === 'x' ? Math.abs(dx) : Math.hypot(dx, dy)) < clickSlop) return null;
      moved = true;
      return drag.to(dx, dy, move);
    },
    release: () => drag.release(moved),
  });
}
