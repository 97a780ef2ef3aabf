import { GlowroomError } from '../std/errors';
import { regroupTakes } from './edits/take-edits';
import { ProjectSchema, type Project } from './project-schema';

/** One undoable step: what the document was, what it became, and what the user calls it. */
export interface Step {
  /** Human label for the Edit menu: "Add Track", "Move 3 Clips". */
  readonly label: string;
  readonly before: Project;
  readonly after: Project;
}

export interface EditHistory {
  /** Oldest first; the last one is what Undo reverts. */
  readonly past: readonly Step[];
  /** Most recently undone last; the last one is what Redo re-applies. */
  readonly future: readonly Step[];
}

/** How many steps Undo reaches back. */
export const historyDepth = 500;

export const emptyHistory: EditHistory = { past: [], future: [] };

/**
 * The one entry point for edits: runs `recipe` on the document and records the step. The result
 * must still be a valid project; if the recipe throws or breaks the document, nothing changes
 * (the caller keeps its document and history) and the error says why. Take groups are kept
 * valid (`regroupTakes`: a copied or split take leaves its group), whatever the recipe did.
 * Documents are immutable, so history holds them by reference.
 */
export function applyEdit(
  document: Project,
  history: EditHistory,
  label: string,
  recipe: (project: Project) => Project,
): { document: Project; history: EditHistory } {
  const after = regroupTakes(recipe(document));
  if (after === document) return { document, history };
  const checked = ProjectSchema.safeParse(after);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new GlowroomError('internal', `“${label}” would break the project (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}); nothing was changed.`);
  }
  return { document: after, history: record(history, { label, before: document, after }) };
}

/**
 * Records a step whose document was already shown (a live drag previews every move, then
 * commits once): `before` is the document when the gesture began.
 */
export function record(history: EditHistory, step: Step): EditHistory {
  const past = [...history.past, step];
  return { past: past.length > historyDepth ? past.slice(past.length - historyDepth) : past, future: [] };
}

export function undo(history: EditHistory): { document: Project; history: EditHistory } | null {
  const step = history.past.at(-1);
  if (!step) return null;
  return { document: step.before, history: { past: history.past.slice(0, -1), future: [...history.future, step] } };
}

export function redo(history: EditHistory): { document: Project; history: EditHistory } | null {
  const step = history.future.at(-1);
  if (!step) return null;
  return { document: step.after, history: { past: [...history.past, step], future: history.future.slice(0, -1) } };
}

export function undoLabel(history: EditHistory): string | null {
  return history.past.at(-1)?.label ?? null;
}

export function redoLabel(history: EditHistory): string | null {
  return history.future.at(-1)?.label ?? null;
}
