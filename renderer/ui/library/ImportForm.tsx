import { useState } from 'react';
import { useLibrary } from '../../state/library-store';
import { JobProgressBar } from '../JobProgressBar';
import { useSession } from '../../state/session-store';

/** Add a folder or file to the library by path, with progress and cancel while it runs. */
export function ImportForm() {
  const [path, setPath] = useState('');
  const job = useLibrary((s) => s.job);
  const importPaths = useLibrary((s) => s.importPaths);
  const cancelImport = useLibrary((s) => s.cancelImport);
  const watchFolder = useLibrary((s) => s.watchFolder);
  const demoPack = useSession((s) => s.info?.demoPackDir ?? null);
  const busy = job !== null;
  const start = (paths: string[]) => void importPaths(paths);
  return (
    <div className="import">
      <form
        className="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim()) start([path.trim()]);
        }}
      >
        <input aria-label="Folder or file to import" placeholder="/path/to/pack or pack.zip" value={path} onChange={(e) => setPath(e.target.value)} />
        <button type="submit" disabled={busy || !path.trim()}>
          Import
        </button>
        <button type="button" disabled={busy || !path.trim()} title="Import and keep this folder up to date" onClick={() => void watchFolder(path.trim())}>
          Watch
        </button>
      </form>
      {demoPack && !busy && (
        <button type="button" className="import-demo" onClick={() => start([demoPack])}>
          Import the demo pack
        </button>
      )}
      {job && <JobProgressBar job={job} noun="Import" waiting="Scanning…" onCancel={() => void cancelImport()} />}
    </div>
  );
}
