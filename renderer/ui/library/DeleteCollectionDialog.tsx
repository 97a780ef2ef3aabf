import { useEffect, useRef } from 'react';

/**
 * Asks before a collection goes, saying how many samples it holds and that they stay in the
 * library. Escape or Cancel keeps it; `onClose` runs however the dialog ends.
 */
export function DeleteCollectionDialog({ name, count, onDelete, onClose }: { name: string; count: number; onDelete: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const samples = count === 1 ? '1 sample' : `${count} samples`;
  return (
    <dialog ref={dialog} className="path-dialog delete-collection" aria-label={`Delete collection ${name}?`} onClose={onClose}>
      <h2>Delete the collection “{name}”?</h2>
      <p>
        {count === 0 ? 'It is empty.' : `It holds ${samples}. ${count === 1 ? 'It stays' : 'They stay'} in the library; only the collection goes.`}
      </p>
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onDelete();
            dialog.current?.close();
          }}
        >
          Delete collection
        </button>
      </div>
    </dialog>
  );
}
