import { redoLabel, undoLabel } from '../../../src/model/history';
import type { EditState, MenuCommand } from '../../../src/protocol/ipc';
import { displayName, hasUnsavedChanges, useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { setAllChannelsMode } from '../../state/all-channels-mode';
import { reportError } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { addMeterChangeAtPlayhead, selectAll } from '../timeline';
import { chooseAndImportMidi, exportMidi } from '../play';
import { collectAndSave, newProject, openDemoSong, openProjectFile, saveOrAsk, useFilePrompt } from '../project';

/** What each native menu command does: the very actions of the keyboard shortcuts and buttons. */
const commands: Record<MenuCommand, () => void> = {
  new: newProject,
  open: () => useUi.getState().show('open'),
  save: () => void saveOrAsk(),
  'save-as': () => useUi.getState().show('save-as'),
  export: () => useUi.getState().show('export'),
  collect: () => void collectAndSave(),
  'export-bundle': () => useFilePrompt.getState().show({ kind: 'export-bundle' }),
  'open-bundle': () => useFilePrompt.getState().show({ kind: 'open-bundle', zipPath: '' }),
  'import-midi': () => void chooseAndImportMidi(),
  'export-midi-clip': () => void exportMidi('clip'),
  'export-midi-track': () => void exportMidi('track'),
  undo: () => useProject.getState().undo(),
  redo: () => useProject.getState().redo(),
  'select-all': selectAll,
  'add-time-signature': addMeterChangeAtPlayhead,
  'all-channels-read': () => setAllChannelsMode('read'),
  'all-channels-touch': () => setAllChannelsMode('touch'),
  'all-channels-latch': () => setAllChannelsMode('latch'),
  'all-channels-write': () => setAllChannelsMode('write'),
  shortcuts: () => useUi.getState().show('shortcuts'),
  'getting-started': () => useUi.getState().showGettingStarted(true),
  guide: () => useUi.getState().show('guide'),
  'open-demo': () => void openDemoSong(),
};

export function runMenuCommand(command: MenuCommand): void {
  commands[command]();
}

/** A file the OS asked us to open: a project opens; a bundle asks where to unpack it first. */
export function openFromOs(path: string): void {
  if (/\.zip$/i.test(path)) useFilePrompt.getState().show({ kind: 'open-bundle', zipPath: path });
  else void openProjectFile(path);
}

/** The window title and the history/unsaved state the native menu shows. */
export function currentEditState(): EditState {
  const state = useProject.getState();
  const dirty = hasUnsavedChanges(state);
  return { undoLabel: undoLabel(state.history), redoLabel: redoLabel(state.history), dirty, title: `${dirty ? '• ' : ''}${displayName(state)} — Glowroom` };
}

/**
 * Connects the renderer to the desktop host's native menu: menu commands and files opened from
 * the OS run here, and every change of history or unsaved state is reported back so the menu's
 * Undo/Redo labels, the window title and the unsaved mark follow. When closing the window asks
 * to save, the page saves as Ctrl+S does (asking for a path while untitled) and answers how it
 * ended; the window closes only once saved. Returns the disconnect function.
 * Only the Electron host has a native menu; in a browser tab this does nothing.
 */
export function connectNativeMenu(): () => void {
  const bridge = runtime().bridge;
  if (bridge.host !== 'electron') return () => undefined;
  const offCommand = bridge.on('app.menuCommand', ({ command }) => runMenuCommand(command));
  const offOpen = bridge.on('app.openFile', ({ path }) => openFromOs(path));
  const offSave = bridge.on('app.saveBeforeClose', ({ requestId }) => {
    void saveOrAsk()
      .then((outcome) => bridge.call('app.saveBeforeCloseOutcome', { requestId, outcome }))
      .catch(reportError);
  });
  let sent = '';
  const report = () => {
    const state = currentEditState();
    const key = JSON.stringify(state);
    if (key === sent) return;
    sent = key;
    bridge.call('app.setEditState', state).catch(reportError);
  };
  report();
  const offStore = useProject.subscribe(report);
  return () => {
    offCommand();
    offOpen();
    offSave();
    offStore();
  };
}
