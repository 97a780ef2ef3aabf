import { useEffect, useRef, useState } from 'react';
import { runtime } from '../../state/runtime';
import { fileName } from '../../../src/std/file-name';

/**
 * Asks for a project path to open or save to, with the recent projects one click away. (The
 * desktop app will hand this to the system file dialog; a browser tab cannot reach one.)
 */
export function ProjectPathDialog({ mode, initial, onChoose, onClose }: { mode: 'open' | 'save'; initial: string; onChoose: (path: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [path, setPath] = useState(initial);
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    dialog.current?.showModal();
    runtime()
      .bridge.call('project.recent', {})
      .then((r) => setRecent(r.paths))
      .catch(() => setRecent([]));
  }, []);
  const title = mode === 'open' ? 'Open project' : 'Save project as';
  return (
    <dialog ref={dialog} className="path-dialog" aria-label={title} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          if (!path.trim()) {
            event.preventDefault();
            return;
          }
          onChoose(path.trim());
        }}
      >
        <h2>{title}</h2>
        <label className="path-field">
          <span>Project file</span>
          <input aria-label="Project file path" autoFocus value={path} placeholder="/home/me/Music/Night drive.glowroom" onChange={(event) => setPath(event.target.value)} />
        </label>
        {mode === 'open' && recent.length > 0 && (
          <ul className="recent-list" aria-label="Recent projects">
            {recent.map((file) => (
              <li key={file}>
                <button type="button" onClick={() => setPath(file)} title={file}>
                  {fileName(file)} <small>{file}</small>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!path.trim()}>
            {mode === 'open' ? 'Open' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
