import { displayName, hasUnsavedChanges, useProject } from '../../state/project-store';
import { useUi } from '../../state/ui-store';
import { newProject, saveOrAsk } from './file-actions';
import { MoreFileMenu } from './MoreFileMenu';

/** New, Open, Save, Save As, Export, More (collect, bundles); the project name with an unsaved mark. */
export function FileControls() {
  const name = useProject(displayName);
  const dirty = useProject(hasUnsavedChanges);
  const show = useUi((s) => s.show);
  return (
    <div className="file-controls" role="group" aria-label="Project">
      <button type="button" onClick={newProject} title="New project (Ctrl+N)">
        New
      </button>
      <button type="button" onClick={() => show('open')} title="Open a project (Ctrl+O)">
        Open…
      </button>
      <button type="button" onClick={() => void saveOrAsk()} title="Save (Ctrl+S)">
        Save
      </button>
      <button type="button" onClick={() => show('save-as')} title="Save as a new file (Ctrl+Shift+S)">
        Save As…
      </button>
      <button type="button" className="primary" onClick={() => show('export')} title="Export a mix, stems or a clip (Ctrl+E)">
        Export…
      </button>
      <MoreFileMenu />
      <span className="project-name" aria-label="Project name">
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
