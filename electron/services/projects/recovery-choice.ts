/**
 * What each answer to the start-up question "Glowroom found unsaved changes" does — Recover,
 * Open last saved, Discard — exactly that and nothing more.
 */
import type { Project } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';
import { openProject } from './project-files';
import type { RecoveryEntry, RecoveryStore } from './recovery';

export type RecoveryChoice = 'recover' | 'open-last-saved' | 'discard';

export interface RecoveryOutcome {
  /** The document to open; null when there is nothing to open (discarded, or never saved). */
  readonly project: Project | null;
  /** The file the document saves to; null for an untitled document. */
  readonly file: string | null;
  /** True when the document holds changes that are not in `file` (a recovered document). */
  readonly unsaved: boolean;
  /** A sentence to show the user, e.g. why the last saved version was opened instead. */
  readonly notice: string | null;
}

/**
 * - `recover`: the recovered document, unsaved, bound to its original file. The recovery file
 *   stays until the user saves or closes, so a second crash loses nothing either. If it turns out
 *   damaged, it is set aside and the last saved version opens, with the reason as `notice`.
 * - `open-last-saved`: the file on disk as it was last saved; the recovery file is deleted.
 * - `discard`: deletes the recovery file and opens nothing.
 * Errors: those of `openProject` when the saved file itself cannot be opened; `invalid-args`
 * for `open-last-saved` of a document that was never saved.
 */
export async function resolveRecovery(store: RecoveryStore, entry: RecoveryEntry, choice: RecoveryChoice): Promise<RecoveryOutcome> {
  const originalPath = entry.damaged ? null : entry.originalPath;
  switch (choice) {
    case 'discard':
      await store.discardRecovery(entry.key);
      return { project: null, file: null, unsaved: false, notice: null };
    case 'open-last-saved': {
      if (originalPath === null) throw new GlowroomError('invalid-args', 'This project was never saved, so there is no saved version to open.');
      const { project } = await openProject(originalPath);
      await store.discardRecovery(entry.key);
      return { project, file: originalPath, unsaved: false, notice: null };
    }
    case 'recover':
      try {
        const recovered = await store.readRecovery(entry.key);
        return { project: recovered.project, file: recovered.originalPath, unsaved: true, notice: null };
      } catch (error) {
        if (!(error instanceof GlowroomError) || error.code !== 'bad-format') throw error;
        await store.setAsideRecovery(entry.key);
        if (originalPath === null) return { project: null, file: null, unsaved: false, notice: error.message };
        const { project } = await openProject(originalPath);
        return { project, file: originalPath, unsaved: false, notice: error.message };
      }
  }
}
