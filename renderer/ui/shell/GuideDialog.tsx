import { useEffect, useRef } from 'react';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { guide } from './guide';

/** Help ▸ Guide: how Glowroom works, where the shortcuts are and where its files live. */
export function GuideDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const info = useSession((s) => s.info);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="guide-dialog" aria-label="Glowroom guide" onClose={onClose}>
      <h2>Glowroom guide</h2>
      <div className="guide-body">
        {guide.map((section) => (
          <section key={section.title}>
            <h3>{section.title}</h3>
            {section.paragraphs.map((text) => (
              <p key={text}>{text}</p>
            ))}
          </section>
        ))}
        <section>
          <h3>Shortcuts and files</h3>
          <p>
            Press <kbd>?</kbd> anywhere for every keyboard shortcut and mouse gesture.
            {info && ` The library, recovered work and settings live in ${info.dataDir}.`}
          </p>
        </section>
      </div>
      <form method="dialog" className="dialog-buttons">
        <button type="button" onClick={() => useUi.getState().show('shortcuts')}>
          Keyboard shortcuts
        </button>
        <button type="submit" className="primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
