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
