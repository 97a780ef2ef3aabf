import { redoLabel, undoLabel } from '../../../src/model/history';
import { useProject } from '../../state/project-store';

/** Undo and redo, each naming the step it would take ("Undo Add kick.wav"). */
export function UndoRedo() {
  const history = useProject((s) => s.history);
  const undo = useProject((s) => s.undo);
  const redo = useProject((s) => s.redo);
  const undoing = undoLabel(history);
  const redoing = redoLabel(history);
  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button type="button" aria-label={undoing ? `Undo ${undoing}` : 'Undo'} title={`Undo ${undoing ?? ''} (Ctrl+Z)`} disabled={!undoing} onClick={undo}>
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 3 2 7l4 4V8h4a3 3 0 0 1 0 6H8v1.5h2a4.5 4.5 0 0 0 0-9H6z" /></svg>
      </button>
      <button type="button" aria-label={redoing ? `Redo ${redoing}` : 'Redo'} title={`Redo ${redoing ?? ''} (Ctrl+Shift+Z)`} disabled={!redoing} onClick={redo}>
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="m10 3 4 4-4 4V8H6a3 3 0 0 0 0 6h2v1.5H6a4.5 4.5 0 0 1 0-9h4z" /></svg>
      </button>
    </div>
  );
}
