import { useEffect, useRef, useState } from 'react';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * After opening a project whose audio moved: lists the missing files and relinks them by finding
 * them in the library (same file name), under a folder the producer names, or one by one by path.
 * Closing it keeps the project open with those clips silent and marked.
 */
export function MissingAudioDialog() {
  const missing = useProject((s) => s.missing);
  const relink = useProject((s) => s.relink);
  const dialog = useRef<HTMLDialogElement>(null);
  const [folder, setFolder] = useState('');
  const [manual, setManual] = useState<Record<string, string>>({});
  const open = missing.length > 0;
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open) dialog.current?.close();
  }, [open]);
  if (!open) return null;

  const findInLibrary = async () => {
    let found = 0;
    for (const source of useProject.getState().missing) {
      const name = fileName(source.path);
      const { rows } = await runtime().bridge.call('library.search', { text: name.replace(/\.[^.]+$/, ''), limit: 50 });
      const match = rows.find((row) => row.name === name && !row.missing);
      if (match) {
        relink(source.sourceId, match.path);
        found++;
      }
    }
    useSession.getState().notify(found > 0 ? 'info' : 'error', found > 0 ? `Relinked ${found} file(s) from the library.` : 'None of the missing files is in the library.');
  };
  const searchFolder = async () => {
    const { missing: now } = useProject.getState();
    const { found } = await runtime().bridge.call('project.findByName', { folder, names: now.map((m) => fileName(m.path)) });
    for (const source of now) {
      const path = found[fileName(source.path)];
      if (path) relink(source.sourceId, path);
    }
    useSession.getState().notify('info', `Found ${Object.keys(found).length} of ${now.length} missing file(s) under ${folder}.`);
  };
  return (
    <dialog ref={dialog} className="path-dialog" aria-label="Missing audio" onClose={() => useProject.setState({ missing: [] })}>
      <h2>Missing audio</h2>
      <p>These files were not found. Their clips stay in the project, silent, until you relink them.</p>
      <ul className="missing-list">
        {missing.map((source) => (
          <li key={source.sourceId}>
            <span className="missing-name" title={source.path}>
              {fileName(source.path)}
            </span>
            <input
              aria-label={`New path for ${fileName(source.path)}`}
              placeholder="/new/path/to/the/file"
              value={manual[source.sourceId] ?? ''}
              onChange={(event) => setManual({ ...manual, [source.sourceId]: event.target.value })}
            />
            <button type="button" disabled={!manual[source.sourceId]?.trim()} onClick={() => relink(source.sourceId, manual[source.sourceId]?.trim() ?? '')}>
              Relink
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-buttons relink-actions">
        <button type="button" onClick={() => void findInLibrary().catch(reportError)}>
          Find in library
        </button>
        <input aria-label="Folder to search" placeholder="/folder/to/search" value={folder} onChange={(event) => setFolder(event.target.value)} />
        <button type="button" disabled={!folder.trim()} onClick={() => void searchFolder().catch(reportError)}>
          Search folder
        </button>
        <button type="button" className="primary" onClick={() => dialog.current?.close()}>
          Keep them silent
        </button>
      </div>
    </dialog>
  );
}
