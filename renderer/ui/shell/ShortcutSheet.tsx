import { useEffect, useRef } from 'react';
import { gestures, shortcuts } from './shortcuts';

/** The `?` sheet: every shortcut and gesture, in a modal dialog. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcut-sheet" aria-label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <div className="shortcut-columns">
        <ShortcutTable caption="Keys" rows={shortcuts} />
        <ShortcutTable caption="Mouse" rows={gestures} />
      </div>
      <form method="dialog">
        <button type="submit" className="primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}

function ShortcutTable({ caption, rows }: { caption: string; rows: readonly { readonly keys: string; readonly does: string }[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {rows.map((s) => (
          <tr key={s.keys}>
            <th scope="row">
              <kbd>{s.keys}</kbd>
            </th>
            <td>{s.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
