import { useCallback } from 'react';
import { useProject } from '../../state/project-store';
import { useUi } from '../../state/ui-store';
import { WaveformEditor } from '../editor/WaveformEditor';
import { ExportDialog } from '../export/ExportDialog';
import { LibraryPanel } from '../library/LibraryPanel';
import { Timeline } from '../timeline/Timeline';
import { openProjectFile, saveToPath } from './file-actions';
import { MissingAudioDialog } from './MissingAudioDialog';
import { ProjectPathDialog } from './ProjectPathDialog';
import { RecoveryDialog } from './RecoveryDialog';
import { saveAsChosen } from './save-as-outcome';
import { ShortcutSheet } from './ShortcutSheet';
import { useAutosave } from './use-autosave';
import { useWindowTitle } from './use-window-title';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './use-global-shortcuts';
import './shell.css';

export function App() {
  const modal = useUi((s) => s.modal);
  const show = useUi((s) => s.show);
  useGlobalShortcuts(useCallback(() => useUi.getState().show(useUi.getState().modal === 'shortcuts' ? null : 'shortcuts'), []));
  useAutosave();
  useWindowTitle();
  const close = () => show(null);
  return (
    <div className="app">
      <RecoveryDialog />
      <WaveformEditor />
      <MissingAudioDialog />
      {modal === 'shortcuts' && <ShortcutSheet onClose={close} />}
      {modal === 'export' && <ExportDialog onClose={close} />}
      {modal === 'open' && <ProjectPathDialog mode="open" initial="" onChoose={(path) => void openProjectFile(path)} onClose={close} />}
      {modal === 'save-as' && (
        <ProjectPathDialog
          mode="save"
          initial={useProject.getState().filePath ?? ''}
          onChoose={(path) => saveAsChosen(saveToPath(path))}
          onClose={close}
        />
      )}
      <TopBar />
      <main className="workspace">
        <LibraryPanel />
        <Timeline />
      </main>
      <StatusBar />
    </div>
  );
}
