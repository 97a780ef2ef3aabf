import { createEmptyProject } from '../../../src/model/new-project';
import type { SaveOutcome } from '../../../src/protocol/ipc';
import { displayName, hasUnsavedChanges, useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { askWhereToSave } from './save-as-outcome';
import { askAboutUnsavedChanges } from './unsaved-question';

/**
 * Before the open document is replaced (`action`: "opening another project"): with unsaved
 * changes, asks Save / Don't Save / Cancel in the app's dialog. True when it is fine to go on:
 * the changes were saved, or the user let them go.
 */
export async function confirmUnsaved(action: string): Promise<boolean> {
  const state = useProject.getState();
  if (!hasUnsavedChanges(state)) return true;
  const answer = await askAboutUnsavedChanges(displayName(state), action);
  if (answer === 'cancel') return false;
  return answer === 'discard' || (await saveOrAsk()) === 'saved';
}

export function newProject(): void {
  void confirmUnsaved('starting a new project').then((go) => {
    if (go) useProject.getState().load(createEmptyProject(), null);
  });
}

/** What reading the file mended (parameters out of range, clamped), after the "Opened …" sentence. */
function mendedNote(notes: readonly string[]): string {
  if (notes.length === 0) return '';
  return ` ${notes[0]}${notes.length > 1 ? ` (and ${notes.length - 1} more setting(s) out of range were brought into range)` : ''} Save to keep the corrected values.`;
}

export async function openProjectFile(path: string): Promise<void> {
  if (!(await confirmUnsaved('opening another project'))) return;
  try {
    const opened = await runtime().bridge.call('project.open', { path });
    useProject.getState().load(opened.project, opened.path, { missing: opened.missing });
    const missing = opened.missing.length > 0 ? `; ${opened.missing.length} audio file(s) are missing and play silent` : '';
    useSession.getState().notify(opened.missing.length > 0 || opened.notes.length > 0 ? 'error' : 'info', `Opened ${opened.path}${missing}.${mendedNote(opened.notes)}`);
  } catch (error) {
    reportError(error);
  }
}

/** Save to the current file, or ask where when the project is untitled (Ctrl+S; Save when closing). */
export async function saveOrAsk(): Promise<SaveOutcome> {
  const outcome = await useProject.getState().save();
  return outcome === 'needs-path' ? askWhereToSave() : outcome;
}

/** Save As to `path`; with a path given, saving never needs one. */
export async function saveToPath(path: string): Promise<SaveOutcome> {
  return (await useProject.getState().save(path)) === 'saved' ? 'saved' : 'failed';
}

/**
 * Bundles and collecting work on the project as saved on disk: save first when the document is
 * untitled or has unsaved changes. Returns the saved file, or null when it is not saved (the
 * user was asked for a path, or saving failed and said why).
 */
async function savedFile(action: string): Promise<string | null> {
  const store = useProject.getState();
  if (store.filePath && !hasUnsavedChanges(store)) return store.filePath;
  const outcome = await store.save();
  if (outcome === 'needs-path') {
    useSession.getState().notify('error', `Save the project first, then ${action}.`);
    useUi.getState().show('save-as');
    return null;
  }
  return outcome === 'saved' ? useProject.getState().filePath : null;
}

/** Collect and Save: copies every audio file into the project's Audio/ folder, then reloads it. */
export async function collectAndSave(): Promise<void> {
  const file = await savedFile('collect its audio');
  if (!file) return;
  try {
    const bridge = runtime().bridge;
    const collected = await bridge.call('project.collect', { projectPath: file });
    const opened = await bridge.call('project.open', { path: collected.path });
    useProject.getState().load(opened.project, opened.path, { missing: opened.missing });
    useSession.getState().notify('info', collected.copied.length > 0 ? `Collected ${collected.copied.length} audio file(s) into Audio/ and saved ${collected.path}.` : `All audio already lives in Audio/; saved ${collected.path}.`);
  } catch (error) {
    reportError(error);
  }
}

/** Where a bundle of `projectFile` goes unless the user says otherwise: beside it ('' while untitled). */
export function defaultBundlePath(projectFile: string | null): string {
  return projectFile ? `${projectFile.replace(/\.glowroom$/, '')}.glowroom.zip` : '';
}

/** Writes the (saved) project and all its audio to one `.glowroom.zip`; says how it went in the status bar. */
export async function exportBundleTo(outPath: string): Promise<void> {
  const file = await savedFile('export a bundle');
  if (!file) return;
  try {
    const written = await runtime().bridge.call('project.exportBundle', { projectPath: file, outPath });
    useSession.getState().notify('info', `Exported the bundle ${written.path}.`);
  } catch (error) {
    reportError(error);
  }
}

/** Unpacks a bundle into a new folder inside `intoFolder` and opens it; says how it went in the status bar. */
export async function openBundleInto(zipPath: string, intoFolder: string): Promise<void> {
  if (!(await confirmUnsaved('opening the bundle'))) return;
  try {
    const opened = await runtime().bridge.call('project.openBundle', { zipPath, intoFolder });
    useProject.getState().load(opened.project, opened.path, { missing: opened.missing });
    useSession.getState().notify(opened.notes.length > 0 ? 'error' : 'info', `Unpacked and opened ${opened.path}.${mendedNote(opened.notes)}`);
  } catch (error) {
    reportError(error);
  }
}
