/**
 * Autosave: keeps the open document's unsaved work in its recovery file on the AutosavePolicy's
 * schedule — at most 30 s after the first change not yet written (undo and redo are changes like
 * any other), at once after a large edit — and drops that file as soon as the document is back
 * to its saved state, so a crash never brings back work the user had undone.
 */
import type { Project } from '../../src/model/project-schema';
import { AutosavePolicy } from './autosave-policy';
import { useProject } from './project-store';

/** Clips added or removed at or above which an edit is saved to recovery at once. */
const largeEditClips = 8;

/** Losing a big edit to a crash would hurt most: such an edit is secured now, not at the next autosave. */
function isLargeEdit(before: Project, after: Project): boolean {
  const clips = (project: Project) => project.tracks.reduce((sum, track) => sum + track.clips.length, 0);
  return after.tracks.length < before.tracks.length || Math.abs(clips(after) - clips(before)) >= largeEditClips;
}

/** The document as edits have left it: during a drag, the one before the drag. */
function committed(state: { readonly project: Project; readonly gestureBase: Project | null }): Project {
  return state.gestureBase ?? state.project;
}

/** Starts autosave for the project store; returns the function that stops it. */
export function startAutosave(policy: AutosavePolicy = new AutosavePolicy()): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    const due = policy.dueInMs();
    timer = due === null ? undefined : setTimeout(write, due);
  };
  const write = () => {
    policy.writing();
    void useProject
      .getState()
      .writeRecovery()
      .then((written) => {
        if (written) return;
        policy.writeFailed();
        schedule();
      });
  };
  const stop = useProject.subscribe((state, previous) => {
    const document = committed(state);
    const before = committed(previous);
    if (document === before && state.savedProject === previous.savedProject) return;
    if (document === state.savedProject) {
      policy.saved();
      clearTimeout(timer);
      // Queued behind any write under way, so that write cannot leave a stale copy behind.
      void state.dropRecovery();
      return;
    }
    policy.edited({ large: isLargeEdit(before, document) });
    schedule();
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
