/**
 * How a mixer control changes the document: a drag previews every move and commits one undo
 * step on release (or puts the value back on Escape); a key, a double-click or a typed value is
 * one step at once. The preview goes through the document (`previewGesture`) until the engine
 * takes `set-param` (DESIGN.md, "Parameters travel on their own path"); the controls only call
 * these three functions, so that switch is made here.
 */
import type { Project } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';

export interface ParamEdit {
  /** The Edit-menu label of the step: "Change Track Volume". */
  readonly label: string;
  readonly apply: (project: Project, value: number) => Project;
}

export function previewParam(edit: ParamEdit, value: number): void {
  useProject.getState().previewGesture((project) => edit.apply(project, value));
}

export function endParamDrag(edit: ParamEdit, commit: boolean): void {
  useProject.getState().endGesture(commit ? edit.label : null);
}

export function setParam(edit: ParamEdit, value: number): void {
  useProject.getState().edit(edit.label, (project) => edit.apply(project, value));
}
