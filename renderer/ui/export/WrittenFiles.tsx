import type { ExportReport } from '../../../src/protocol/ipc';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';

/** Every file the export wrote, by its full path; in the desktop app each with "Show in folder" (a browser tab cannot open the file manager). */
export function WrittenFiles({ report }: { report: ExportReport }) {
  const desktop = useSession((s) => s.info?.host === 'electron');
  const files = [
    ...(report.outPath ? [{ label: 'Mix', path: report.outPath }] : []),
    ...(report.stemsZip ? [{ label: 'Stems (zip)', path: report.stemsZip }] : report.stems.map((stem) => ({ label: 'Stem', path: stem.path }))),
  ];
  const show = (path: string) => void runtime().bridge.call('files.showInFolder', { path }).catch(reportError);
  return (
    <section className="written-files" aria-label="Written files">
      <h3>Written</h3>
      <ul>
        {files.map((file) => (
          <li key={file.path}>
            <span className="written-label">{file.label}</span>
            <code>{file.path}</code>
            {desktop && (
              <button type="button" onClick={() => show(file.path)} aria-label={`Show ${file.path} in folder`}>
                Show in folder
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
