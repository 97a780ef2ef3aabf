import { displayName, hasUnsavedChanges, useProject } from '../../state/project-store';
import { useUi } from '../../state/ui-store';
import { FileMenu } from './FileMenu';

/** File ▾ (new, open, save, bundles, MIDI), Export, and the project's name with an unsaved mark. */
export function FileControls() {
  const name = useProject(displayName);
  const dirty = useProject(hasUnsavedChanges);
  const show = useUi((s) => s.show);
  return (
    <div className="file-controls" role="group" aria-label="Project">
      <FileMenu />
      <button type="button" className="primary" onClick={() => show('export')} title="Export a mix, stems or a clip (Ctrl+E)">
        Export…
      </button>
      <span className="project-name" aria-label="Project name" title={name}>
        {name}
        {dirty && (
          <span className="unsaved-mark" title="Unsaved changes" aria-label="unsaved changes">
            {' '}
            •
          </span>
        )}
      </span>
    </div>
  );
}
