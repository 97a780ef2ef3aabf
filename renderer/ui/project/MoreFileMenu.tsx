import './file-menu.css';
import { useCallback, useRef, useState } from 'react';
import { chooseAndImportMidi, exportMidi } from '../play';
import { useDismiss } from '../use-dismiss';
import { collectAndSave } from './file-actions';
import { useFilePrompt } from './file-prompts';

/** "More ▾": Collect and Save, Export Bundle…, Open Bundle…, MIDI files in and out. */
export function MoreFileMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(open, root, useCallback(() => setOpen(false), []));
  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className="more-menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title="Collect, bundles, MIDI files">
        More ▾
      </button>
      {open && (
        <div role="menu" aria-label="More file actions" className="more-menu-items menu-popover">
          <button type="button" role="menuitem" onClick={run(() => void collectAndSave())} title="Copy all audio into the project's Audio/ folder and save">
            Collect and Save
          </button>
          <button type="button" role="menuitem" onClick={run(() => useFilePrompt.getState().show({ kind: 'export-bundle' }))} title="The project and its audio as one .glowroom.zip">
            Export Bundle…
          </button>
          <button type="button" role="menuitem" onClick={run(() => useFilePrompt.getState().show({ kind: 'open-bundle', zipPath: '' }))} title="Unpack a .glowroom.zip and open it">
            Open Bundle…
          </button>
          <button type="button" role="menuitem" onClick={run(() => void chooseAndImportMidi())} title="Add a .mid file's tracks as instrument tracks">
            Import MIDI File…
          </button>
          <button type="button" role="menuitem" onClick={run(() => void exportMidi('clip'))} title="The selected note clip as a .mid file">
            Export Clip as MIDI…
          </button>
          <button type="button" role="menuitem" onClick={run(() => void exportMidi('track'))} title="The selected clip's instrument track (or the armed one) as a .mid file">
            Export Track as MIDI…
          </button>
        </div>
      )}
    </div>
  );
}
