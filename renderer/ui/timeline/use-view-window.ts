import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { headerWidth, rulerHeight } from './geometry';
import { useAutomationView } from '../../state/automation-view-store';
import { timelineRows } from './automation-rows';
import { rowsBetween } from './track-layout';

/** The part of the arrangement whose clips have an element: beats [fromBeat, toBeat) on tracks firstTrack…lastTrack. */
export interface ViewWindow {
  readonly fromBeat: number;
  readonly toBeat: number;
  readonly firstTrack: number;
  readonly lastTrack: number;
}
/** Before layout (or where nothing is laid out, as in jsdom) every clip has its element. */
const everything: ViewWindow = { fromBeat: -Infinity, toBeat: Infinity, firstTrack: 0, lastTrack: Infinity };
/** The window of a track outside the view: no clip. */
export const nothing = { fromBeat: 0, toBeat: 0 } as const;
/** The window follows the view once it has been still this long (ms). */
const settleMs = 120;

/** The visible beats and tracks, plus a quarter screen either side and a track above and below. */
function viewWindowOf(view: HTMLElement): ViewWindow {
  const laneWidth = view.clientWidth - headerWidth;
  if (laneWidth <= 0 || view.clientHeight <= 0) return everything;
  const { pixelsPerBeat } = useTimeline.getState();
  const screenBeats = laneWidth / pixelsPerBeat;
  const firstBeat = view.scrollLeft / pixelsPerBeat;
  const rows = rowsBetween(timelineRows(useProject.getState().project).rows, view.scrollTop, view.scrollTop + view.clientHeight - rulerHeight);
  return {
    fromBeat: firstBeat - screenBeats / 4,
    toBeat: firstBeat + screenBeats * 1.25,
    firstTrack: Math.max(0, (rows[0]?.index ?? 0) - 1),
    lastTrack: (rows[rows.length - 1]?.index ?? 0) + 1,
  };
}

function sameWindow(a: ViewWindow, b: ViewWindow): boolean {
  return a.fromBeat === b.fromBeat && a.toBeat === b.toBeat && a.firstTrack === b.firstTrack && a.lastTrack === b.lastTrack;
}

/**
 * Which clips get an (invisible, accessible) element: the ones in and near the view. The canvas
 * paints every frame; the elements only follow once scrolling or zooming has settled, so moving
 * the view never waits for React or layout.
 */
export function useViewWindow(scroller: RefObject<HTMLElement | null>): ViewWindow {
  const [viewWindow, setViewWindow] = useState<ViewWindow>(everything);
  useLayoutEffect(() => {
    const view = scroller.current;
    if (view) setViewWindow(viewWindowOf(view));
  }, [scroller]);
  useEffect(() => {
    const view = scroller.current;
    if (!view) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const next = viewWindowOf(view);
      setViewWindow((current) => (sameWindow(current, next) ? current : next));
    };
    const settle = () => {
      clearTimeout(timer);
      timer = setTimeout(update, settleMs);
    };
    view.addEventListener('scroll', settle, { passive: true });
    const resize = new ResizeObserver(settle);
    resize.observe(view);
    const unsubscribe = [
      useTimeline.subscribe((state, previous) => {
        if (state.pixelsPerBeat !== previous.pixelsPerBeat) settle();
      }),
      // Tracks added, removed or resized move rows in and out of the view at once.
      useProject.subscribe((state, previous) => {
        if (state.project.tracks !== previous.project.tracks || state.project.automation !== previous.project.automation) update();
      }),
      // …and so do automation rows opened or closed.
      useAutomationView.subscribe(update),
    ];
    return () => {
      clearTimeout(timer);
      view.removeEventListener('scroll', settle);
      resize.disconnect();
      for (const stop of unsubscribe) stop();
    };
  }, [scroller]);
  return viewWindow;
}
