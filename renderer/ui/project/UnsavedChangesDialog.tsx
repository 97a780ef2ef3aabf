import { useEffect, useRef } from 'react';
import { useUnsavedQuestion } from './unsaved-question';

/**
 * "Save changes to “Night drive”?" with Save, Don't Save and Cancel, asked before New, Open (also
 * a recent project or one the OS hands over) and Open Bundle replace a document with unsaved
 * changes. Escape is Cancel.
 */
export function UnsavedChangesDialog() {
  const question = useUnsavedQuestion((s) => s.question);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (question && !dialog.current?.open) dialog.current?.showModal();
  }, [question]);
  if (!question) return null;
  return (
    <dialog
      ref={dialog}
      className="path-dialog"
      aria-label="Unsaved changes"
      onCancel={(event) => {
        event.preventDefault();
        question.answer('cancel');
      }}
    >
      <h2>Save changes to “{question.name}”?</h2>
      <p>Your changes are lost if you don’t save them before {question.action}.</p>
      <div className="dialog-buttons">
        <button type="button" className="dialog-button-aside" onClick={() => question.answer('discard')}>
          Don’t Save
        </button>
        <button type="button" onClick={() => question.answer('cancel')}>
          Cancel
        </button>
        <button type="button" className="primary" autoFocus onClick={() => question.answer('save')}>
          Save
        </button>
      </div>
    </dialog>
  );
}
