import './file-menu.css';
import { useEffect, useRef, useState } from 'react';
import { collectAndSave } from './file-actions';
import { useFilePrompt } from './file-prompts';

/** "More ▾": Collect and Save, Export Bundle…, Open Bundle…. */
export function MoreFileMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', away);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('pointerdown', away);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);
  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className="more-menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title="Collect, bundles">
        More ▾
      </button>
      {open && (
        <div role="menu" aria-label="More file actions" className="more-menu-items">
          <button type="button" role="menuitem" onClick={run(() => void collectAndSave())} title="Copy all audio into the project's Audio/ folder and save">
            Collect and Save
          </button>
          <button type="button" role="menuitem" onClick={run(() => useFilePrompt.getState().show({ kind: 'export-bundle' }))} title="The project and its audio as one .glowroom.zip">
            Export Bundle…
          </button>
          <button type="button" role="menuitem" onClick={run(() => useFilePrompt.getState().show({ kind: 'open-bundle', zipPath: '' }))} title="Unpack a .glowroom.zip and open it">
            Open Bundle…
          </button>
        </div>
      )}
    </div>
  );
}
