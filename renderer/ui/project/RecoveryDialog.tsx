import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { RecoveryListing } from '../../../src/protocol/ipc';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';

type Listing = z.infer<typeof RecoveryListing>;

/**
 * At start-up, offers work recovered from a crash: Recover (the unsaved document), Open last
 * saved (the file as it was saved), or Discard. Each does exactly that.
 */
export function RecoveryDialog() {
  const [entry, setEntry] = useState<Extract<Listing, { damaged: false }> | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    runtime()
      .bridge.call('project.recoveries', {})
      .then(({ entries }) => {
        const damaged = entries.find((e) => e.damaged);
        if (damaged?.damaged) useSession.getState().notify('error', damaged.problem);
        const usable = entries.find((e): e is Extract<Listing, { damaged: false }> => !e.damaged);
        if (usable) setEntry(usable);
      })
      .catch(reportError);
  }, []);
  useEffect(() => {
    if (entry) dialog.current?.showModal();
  }, [entry]);
  if (!entry) return null;

  const choose = async (choice: 'recover' | 'open-last-saved' | 'discard') => {
    try {
      const outcome = await runtime().bridge.call('project.resolveRecovery', { key: entry.key, choice });
      if (outcome.project) useProject.getState().load(outcome.project, outcome.path, { unsaved: outcome.unsaved, recoveryKey: outcome.recoveryKey });
      if (outcome.notice) useSession.getState().notify('error', outcome.notice);
    } catch (error) {
      reportError(error);
    }
    dialog.current?.close();
    setEntry(null);
  };
  return (
    <dialog ref={dialog} className="path-dialog" aria-label="Recover unsaved work">
      <h2>Recover unsaved work?</h2>
      <p>
        Glowroom closed before “{entry.name}” was saved. Changes up to {new Date(entry.savedAt).toLocaleString()} were kept
        {entry.originalPath ? ` (last saved as ${entry.originalPath})` : ''}.
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={() => void choose('discard')}>
          Discard
        </button>
        {entry.originalPath && (
          <button type="button" onClick={() => void choose('open-last-saved')}>
            Open last saved
          </button>
        )}
        <button type="button" className="primary" autoFocus onClick={() => void choose('recover')}>
          Recover
        </button>
      </div>
    </dialog>
  );
}
