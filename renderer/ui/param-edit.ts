/**
 * How a control (a mixer fader, a device knob) changes a parameter (DESIGN.md, "Parameters travel on their own path"): a
 * drag moves the engine's parameter with `set-param` on every move, leaving the document alone,
 * and commits one undo step on release (or puts the engine back on Escape); a key, a
 * double-click or a typed value is one step at once. The controls only call these functions.
 */
import type { Project } from '../../src/model/project-schema';
import { releaseAutomation, writeAutomation } from '../state/automation-writing';
import { useProject } from '../state/project-store';
import { runtime } from '../state/runtime';

export interface ParamEdit {
  /** The Edit-menu label of the step: "Change Track Volume". */
  readonly label: string;
  /** The parameter's owner in the engine's table: a track, bus, "master", send or device id. */
  readonly target: string;
  /** The parameter's id on it (the catalog's: "gainDb", "pan", "levelDb"). */
  readonly param: string;
  /** The document with the parameter at `value`. */
  readonly apply: (project: Project, value: number) => Project;
}

/**
 * Moves the parameter in the engine only; what the document holds changes when the drag ends.
 * While automation is written (Touch, Latch, Write and playing), the value goes into the lane.
 */
export function previewParam(edit: ParamEdit, value: number): void {
  if (writeAutomation(edit.target, edit.param, value)) return;
  runtime().audio.send({ type: 'set-param', target: edit.target, param: edit.param, value });
}

/** Sets the parameter in the document: one undo step, which the engine follows (or, while automation is written, a value in the lane). */
export function setParam(edit: ParamEdit, value: number): void {
  if (writeAutomation(edit.target, edit.param, value)) {
    releaseAutomation(edit.target, edit.param);
    return;
  }
  useProject.getState().edit(edit.label, (project) => edit.apply(project, value));
}

/** A drag was cancelled: the control lets go of the parameter (its lane plays again in Touch). */
export function releaseParam(edit: ParamEdit): void {
  releaseAutomation(edit.target, edit.param);
}
