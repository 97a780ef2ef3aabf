/**
 * Remembers how each saved project is looked at — the timeline's grid, zoom, follow and scroll,
 * whether the mixer is open, and the song's key the library's preview transposes to —
 * in the user's settings under the project's file (a moment after a change, and at once when the
 * project gets a new file by Save As), and brings it back when that project is opened again,
 * also after a reload (open or recover it). The project format stays as it is.
 */
import type { ProjectView } from '../../src/protocol/ipc';
import { useProject } from './project-store';
import { runtime } from './runtime';
import { reportError } from './session-store';
import { useTimeline } from './timeline-store';
import { useUi } from './ui-store';

/** A change to the view is kept once the view has been still this long. */
const rememberAfterMs = 500;

function currentView(): ProjectView {
  const { snap, pixelsPerBeat, follow, scroll } = useTimeline.getState();
  return { snap, pixelsPerBeat, follow, scrollBeats: scroll.beats, scrollTop: scroll.top, mixerOpen: useUi.getState().mixerOpen, songKey: useUi.getState().songKey };
}

function sameView(a: ProjectView, b: ProjectView): boolean {
  return (Object.keys(a) as (keyof ProjectView)[]).every((key) => a[key] === b[key]);
}

function applyView(view: ProjectView): void {
  const timeline = useTimeline.getState();
  timeline.setSnap(view.snap);
  timeline.setZoom(view.pixelsPerBeat);
  timeline.setFollow(view.follow);
  timeline.scrollTo({ beats: view.scrollBeats, top: view.scrollTop });
  useUi.getState().showMixer(view.mixerOpen);
  useUi.getState().setSongKey(view.songKey);
}

/** A document opened without a remembered view starts at the top left, with no key of its own. */
function freshView(): void {
  useTimeline.getState().scrollTo({ beats: 0, top: 0 });
  useUi.getState().setSongKey(null);
}

/** Starts remembering views; returns the function that stops it. */
export function startViewMemory(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let kept = currentView();
  /** Keeps the view for `path` when it changed since last kept (or always, for a file new to it). */
  const remember = (path: string | null, always = false) => {
    clearTimeout(timer);
    const view = currentView();
    if (path === null || (!always && sameView(view, kept))) return;
    kept = view;
    runtime().bridge.call('project.rememberView', { path, view }).catch(reportError);
  };
  const restore = async (opened: number, path: string) => {
    try {
      const { view } = await runtime().bridge.call('project.view', { path });
      // Another document may have opened while asking.
      if (useProject.getState().opened !== opened) return;
      if (view) applyView(view);
      else freshView();
      kept = currentView();
    } catch (error) {
      reportError(error);
    }
  };
  const viewChanged = () => {
    if (sameView(currentView(), kept)) return;
    clearTimeout(timer);
    timer = setTimeout(() => remember(useProject.getState().filePath), rememberAfterMs);
  };
  const stopTimeline = useTimeline.subscribe(viewChanged);
  const stopUi = useUi.subscribe(viewChanged);
  const stopProject = useProject.subscribe((state, previous) => {
    if (state.opened !== previous.opened) {
      // The view so far belongs to the document that was open.
      remember(previous.filePath);
      kept = currentView();
      if (state.filePath !== null) void restore(state.opened, state.filePath);
      else freshView();
    } else if (state.filePath !== previous.filePath) {
      remember(state.filePath, true);
    }
  });
  return () => {
    stopTimeline();
    stopUi();
    stopProject();
    clearTimeout(timer);
  };
}
