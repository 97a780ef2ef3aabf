import { useEffect } from 'react';
import { useProject } from '../../state/project-store';
import { startViewMemory } from '../../state/view-memory';
import { useUi } from '../../state/ui-store';
import { openProjectFile, saveToPath } from './file-actions';
import { MissingAudioDialog } from './MissingAudioDialog';
import { ProjectPathDialog } from './ProjectPathDialog';
import { RecoveryDialog } from './RecoveryDialog';
import { saveAsChosen } from './save-as-outcome';
import { UnsavedChangesDialog } from './UnsavedChangesDialog';
import { useAutosave } from './use-autosave';

/** Everything the project room shows over the frame: recovery, missing audio, unsaved changes, open and save-as; and autosave and each project's remembered view. */
export function ProjectDialogs() {
  const modal = useUi((s) => s.modal);
  const close = () => useUi.getState().show(null);
  useAutosave();
  useEffect(startViewMemory, []);
  return (
    <>
      <RecoveryDialog />
      <MissingAudioDialog />
      <UnsavedChangesDialog />
      {modal === 'open' && <ProjectPathDialog mode="open" initial="" onChoose={(path) => void openProjectFile(path)} onClose={close} />}
      {modal === 'save-as' && (
        <ProjectPathDialog
          mode="save"
          initial={useProject.getState().filePath ?? ''}
          onChoose={(path) => saveAsChosen(saveToPath(path))}
          onClose={close}
        />
      )}
    </>
  );
}
