import { useEffect, type RefObject } from 'react';
import { useTimeline, type ScrollPosition } from '../../state/timeline-store';

/**
 * Reports where the timeline is scrolled (in beats, so a zoom change keeps its meaning) and
 * scrolls where the timeline store asks (a reopened project's view), once the zoom asked with it
 * has been laid out.
 */
export function useScrollMemory(scroller: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const view = scroller.current;
    if (!view) return;
    const report = () => useTimeline.getState().scrolled({ beats: view.scrollLeft / useTimeline.getState().pixelsPerBeat, top: view.scrollTop });
    let frame = 0;
    const follow = (request: ScrollPosition | null) => {
      if (!request) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        view.scrollLeft = request.beats * useTimeline.getState().pixelsPerBeat;
        view.scrollTop = request.top;
        useTimeline.getState().scrollTo(null);
        report();
      });
    };
    follow(useTimeline.getState().scrollRequest);
    const stop = useTimeline.subscribe((state, previous) => {
      if (state.scrollRequest !== previous.scrollRequest) follow(state.scrollRequest);
    });
    view.addEventListener('scroll', report, { passive: true });
    return () => {
      stop();
      cancelAnimationFrame(frame);
      view.removeEventListener('scroll', report);
    };
  }, [scroller]);
}
