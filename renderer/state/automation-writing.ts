import { create } from 'zustand';
import { findAutomatable, laneOf } from '../../src/model/automation-params';
import { laneValueAt } from '../../src/model/lane-values';
import { writeAutomationLabel } from '../../src/model/edits/labels';
import { statusSlots } from '../../src/protocol/engine';
import { automationModeOf } from './automation-modes';
import { AutomationRecorder } from './automation-recorder';
import { playheadBeats } from './playhead';
import { useProject } from './project-store';
import { runtime } from './runtime';
import { activeLoop, useTransport } from './transport-store';

const paramKey = (target: string, param: string) => `${target}\u0000${param}`;

/** The parameters a pass is writing now (their lanes yield to their controls), by `paramKey`. */
const useWritten = create<{ readonly keys: ReadonlySet<string> }>()(() => ({ keys: new Set<string>() }));

function markWritten(target: string, param: string, writing: boolean): void {
  const keys = new Set(useWritten.getState().keys);
  if (writing) keys.add(paramKey(target, param));
  else keys.delete(paramKey(target, param));
  useWritten.setState({ keys });
}

/** Whether parameter `target`/`param` is being written now (held, or latched until Stop). */
export function useBeingWritten(target: string, param: string): boolean {
  return useWritten((state) => state.keys.has(paramKey(target, param)));
}

/** Where the transport is heard, in beats, or null while it is stopped. */
function playheadBeat(): number | null {
  const { audio } = runtime();
  if (audio.status[statusSlots.playing] !== 1) return null;
  return playheadBeats();
}

const recorder = new AutomationRecorder({
  mode: (param) => automationModeOf(param.channel),
  playheadBeat,
  loop: activeLoop,
  send: (command) => {
    if (command.type === 'write-automation') markWritten(command.target, command.param, command.writing);
    runtime().audio.send(command);
  },
});

/** The control of parameter `target`/`param` holds `value`: written into its lane when the mode and the transport say so (true), else left to the caller (false). */
export function writeAutomation(target: string, param: string, value: number): boolean {
  const project = useProject.getState().project;
  const automatable = findAutomatable(project, target, param);
  return automatable !== undefined && recorder.touch(automatable, project, value);
}

/**
 * What parameter `target`/`param` is at now: the value a pass writes into it (held, or latched
 * after release, so a let-go control never flashes back to the old lane), else its lane's value at
 * the heard playhead when it has one, else `fallback` (its value in the document). A control
 * grabbed during playback starts from here, so writing over a lane picks it up where it is
 * instead of jumping to the document's value.
 */
export function valueNow(target: string, param: string, fallback: number): number {
  const written = recorder.writtenValue(target, param);
  if (written !== undefined) return written;
  const { project } = useProject.getState();
  const points = laneOf(project, target, param)?.points;
  const automatable = points && points.length > 0 ? findAutomatable(project, target, param) : undefined;
  return automatable && points ? laneValueAt(points, automatable.spec, playheadBeats(), fallback) : fallback;
}

/** Whether moving the control of `target`/`param` now writes its lane (its channel in Touch, Latch or Write, the transport playing). */
export function writesAutomation(target: string, param: string): boolean {
  const automatable = findAutomatable(useProject.getState().project, target, param);
  return automatable !== undefined && automationModeOf(automatable.channel) !== 'read' && playheadBeat() !== null;
}

/** The control of `target`/`param` was let go. */
export function releaseAutomation(target: string, param: string): void {
  const automatable = findAutomatable(useProject.getState().project, target, param);
  if (automatable) recorder.release(automatable);
}

/**
 * Starts a pass when the transport starts, and when it stops writes what the pass recorded into
 * the document as one undo step ("Write Automation"). Returns the unsubscribe function.
 */
export function connectAutomationWriting(): () => void {
  return useTransport.subscribe((state, previous) => {
    if (state.playing === previous.playing) return;
    if (state.playing) {
      recorder.start(playheadBeats());
      return;
    }
    const written = recorder.finish(useProject.getState().project, playheadBeats());
    if (written) useProject.getState().edit(writeAutomationLabel(), () => written);
  });
}
