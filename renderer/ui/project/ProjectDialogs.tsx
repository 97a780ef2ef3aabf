import { useEffect } from 'react';
import { displayName, useProject } from '../../state/project-store';
import { startViewMemory } from '../../state/view-memory';
import { useUi } from '../../state/ui-store';
import { chooseFile } from '../choose-file';
import { useBundlePrompts } from './bundle-prompts';
import { openProjectFile, saveToPath } from './file-actions';
import { MissingAudioDialog } from './MissingAudioDialog';
import { RecoveryDialog } from './RecoveryDialog';
import { saveAsChosen } from './save-as-outcome';
import { UnsavedChangesDialog } from './UnsavedChangesDialog';
import { useAutosave } from './use-autosave';

/** Everything the project room shows over the frame: recovery, missing audio, unsaved changes, open, save-as and bundles (through the file chooser); and autosave and each project's remembered view. */
export function ProjectDialogs() {
  useAutosave();
  useEffect(startViewMemory, []);
  useBundlePrompts();
  // Open and Save As are asked for through the ui store (buttons, shortcuts, the native menu); each opens the chooser once.
  useEffect(
    () =>
      useUi.subscribe((state, before) => {
        if (state.modal === before.modal) return;
        if (state.modal === 'open') void chooseAndOpen();
        if (state.modal === 'save-as') void chooseAndSave();
      }),
    [],
  );
  return (
    <>
      <RecoveryDialog />
      <MissingAudioDialog />
      <UnsavedChangesDialog />
    </>
  );
}

/** Ends the Open or Save As request, unless another modal has taken its place meanwhile. */
function done(modal: 'open' | 'save-as'): void {
  if (useUi.getState().modal === modal) useUi.getState().show(null);
}

async function chooseAndOpen(): Promise<void> {
  const path = await chooseFile('open-project');
  done('open');
  if (path) await openProjectFile(path);
}

async function chooseAndSave(): Promise<void> {
  const { filePath } = useProject.getState();
  const path = await chooseFile('save-project', { defaultPath: filePath, name: `${displayName(useProject.getState())}.glowroom` });
  // The save is handed over before the request ends, so whoever waits for Save As gets its outcome, not a cancel.
  if (path) saveAsChosen(saveToPath(path));
  done('save-as');
}
