import { useLibrary } from '../../state/library-store';
import { chooseFile } from '../choose-file';
import { JobProgressBar } from '../JobProgressBar';
import { useSession } from '../../state/session-store';

/** Add a folder, a file or a zip pack to the library (or watch a folder), picked with the file chooser; progress and cancel while it runs. */
export function ImportForm() {
  const job = useLibrary((s) => s.job);
  const importPaths = useLibrary((s) => s.importPaths);
  const cancelImport = useLibrary((s) => s.cancelImport);
  const watchFolder = useLibrary((s) => s.watchFolder);
  const demoPack = useSession((s) => s.info?.demoPackDir ?? null);
  const busy = job !== null;
  const start = (paths: string[]) => void importPaths(paths);
  const pickThen = (purpose: 'import-folder' | 'import-files' | 'watch-folder') => async () => {
    const path = await chooseFile(purpose);
    if (!path) return;
    if (purpose === 'watch-folder') await watchFolder(path);
    else start([path]);
  };
  return (
    <div className="import">
      <div className="import-form" role="group" aria-label="Import samples">
        <button type="button" disabled={busy} title="Import every sample in a folder and its subfolders" onClick={() => void pickThen('import-folder')()}>
          Import folder…
        </button>
        <button type="button" disabled={busy} title="Import one sample, or a zip pack" onClick={() => void pickThen('import-files')()}>
          Import file…
        </button>
        <button type="button" disabled={busy} title="Import a folder and keep it up to date" onClick={() => void pickThen('watch-folder')()}>
          Watch folder…
        </button>
      </div>
      {demoPack && !busy && (
        <button type="button" className="import-demo" onClick={() => start([demoPack])}>
          Import the demo pack
        </button>
      )}
      {job && <JobProgressBar job={job} noun="Import" waiting="Scanning…" onCancel={() => void cancelImport()} />}
    </div>
  );
}
