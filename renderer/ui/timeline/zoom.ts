import type { Project } from '../../../src/model/project-schema';
import { projectEndBeats } from '../../../src/model/project-time';
import { Clock } from '../../../src/std/clock';
import { useTimeline } from '../../state/timeline-store';
import { headerWidth } from './geometry';

/** Share of the lanes' width the song fills after Fit, leaving a little room after its end. */
const fitShare = 0.95;

/**
 * Fit: zooms so the whole song (at least four bars) fills the lanes of the timeline's scroller,
 * and scrolls back to its start, whatever the zoom and scroll were.
 */
export function zoomToFit(project: Project, view: { readonly clientWidth: number; scrollLeft: number }): void {
  const songBeats = Math.max(projectEndBeats(project), Clock.of(project).barStart(4));
  useTimeline.getState().setZoom(((view.clientWidth - headerWidth) * fitShare) / songBeats);
  view.scrollLeft = 0;
}

/** One zoom step in or out, as the +/− keys and buttons do. */
export function zoomBy(factor: number): void {
  const timeline = useTimeline.getState();
  timeline.setZoom(timeline.pixelsPerBeat * factor);
}
