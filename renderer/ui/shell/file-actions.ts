import { createEmptyProject } from '../../../src/model/new-project';
import { hasUnsavedChanges, useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';

/** Asks before throwing away unsaved work; true when it is fine to go on. */
export function confirmDiscard(action: string): boolean {
  if (!hasUnsavedChanges(useProject.getState())) return true;
  return window.confirm(`Your project has unsaved changes. ${action} anyway and lose them?`);
}

export function newProject(): void {
  if (confirmDiscard('Start a new project')) useProject.getState().load(createEmptyProject(), null);
}

export async function openProjectFile(path: string): Promise<void> {
  if (!confirmDiscard('Open another project')) return;
  try {
    const opened = await runtime().bridge.call('project.open', { path });
    useProject.getState().load(opened.project, opened.path, { missing: opened.missing });
    useSession
      .getState()
      .notify(opened.missing.length > 0 ? 'error' : 'info', opened.missing.length > 0 ? `Opened ${opened.path}; ${opened.missing.length} audio file(s) are missing and play silent.` : `Opened ${opened.path}.`);
  } catch (error) {
    reportError(error);
  }
}

/** Save to the current file, or ask where when the project is untitled. */
export async function saveOrAsk(): Promise<void> {
  if ((await useProject.getState().save()) === 'needs-path') useUi.getState().show('save-as');
}
