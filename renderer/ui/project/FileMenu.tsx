import { chooseAndImportMidi, exportMidi } from '../play';
import { TopBarMenu, type TopBarMenuItem } from '../TopBarMenu';
import { useUi } from '../../state/ui-store';
import { collectAndSave, newProject, saveOrAsk } from './file-actions';
import { useFilePrompt } from './file-prompts';

/**
 * File ▾: what the desktop app's native File menu holds, for a browser tab and for a narrow window
 * (the top bar has no room for a button each): projects, collecting, bundles and MIDI files.
 */
export function FileMenu() {
  const show = useUi((s) => s.show);
  const items: TopBarMenuItem[] = [
    { label: 'New Project', keys: 'Ctrl+N', run: newProject },
    { label: 'Open…', keys: 'Ctrl+O', run: () => show('open'), title: 'Open a project' },
    { label: 'Save', keys: 'Ctrl+S', run: () => void saveOrAsk() },
    { label: 'Save As…', keys: 'Ctrl+Shift+S', run: () => show('save-as'), title: 'Save as a new file' },
    { label: 'Collect and Save', group: true, run: () => void collectAndSave(), title: "Copy all audio into the project's Audio/ folder and save" },
    { label: 'Export Bundle…', run: () => useFilePrompt.getState().show({ kind: 'export-bundle' }), title: 'The project and its audio as one .glowroom.zip' },
    { label: 'Open Bundle…', run: () => useFilePrompt.getState().show({ kind: 'open-bundle', zipPath: '' }), title: 'Unpack a .glowroom.zip and open it' },
    { label: 'Import MIDI File…', group: true, run: () => void chooseAndImportMidi(), title: "Add a .mid file's tracks as instrument tracks" },
    { label: 'Export Clip as MIDI…', run: () => void exportMidi('clip'), title: 'The selected note clip as a .mid file' },
    { label: 'Export Track as MIDI…', run: () => void exportMidi('track'), title: "The selected clip's instrument track (or the armed one) as a .mid file" },
  ];
  return <TopBarMenu label="File" menuLabel="File" items={items} align="left" title="Projects, bundles and MIDI files" />;
}
