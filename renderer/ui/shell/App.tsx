import { useCallback } from 'react';
import { useUi } from '../../state/ui-store';
import { BeatsEditor } from '../beats';
import { WaveformEditor } from '../editor';
import { ExportDialog } from '../export';
import { LibraryPanel } from '../library';
import { Mixer } from '../mixer';
import { PlayPanel } from '../play';
import { ProjectDialogs } from '../project';
import { FileBrowserHost } from '../FileBrowserDialog';
import { TempoQuestionHost } from '../TempoQuestionDialog';
import { Timeline } from '../timeline';
import { GettingStarted, useFirstRun } from './GettingStarted';
import { GuideDialog } from './GuideDialog';
import { ShortcutSheet } from './ShortcutSheet';
import { useWindowTitle } from './use-window-title';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './use-global-shortcuts';
import './shell.css';

export function App() {
  const modal = useUi((s) => s.modal);
  const mixerOpen = useUi((s) => s.mixerOpen);
  const show = useUi((s) => s.show);
  useGlobalShortcuts(useCallback(() => useUi.getState().show(useUi.getState().modal === 'shortcuts' ? null : 'shortcuts'), []));
  useWindowTitle();
  useFirstRun();
  const close = () => show(null);
  return (
    <div className="app">
      <ProjectDialogs />
      <FileBrowserHost />
      <TempoQuestionHost />
      <WaveformEditor />
      {modal === 'shortcuts' && <ShortcutSheet onClose={close} />}
      {modal === 'guide' && <GuideDialog onClose={close} />}
      {modal === 'export' && <ExportDialog onClose={close} />}
      <TopBar />
      <GettingStarted />
      <main className="workspace">
        <LibraryPanel />
        <div className="workspace-main">
          <Timeline />
          <BeatsEditor />
          {mixerOpen && <Mixer />}
          <PlayPanel />
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
