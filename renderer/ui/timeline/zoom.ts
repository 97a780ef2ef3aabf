import type { Project } from '../../../src/model/project-schema';
import { useTimeline } from '../../state/timeline-store';

/** The beat where the last clip ends (0 for an empty project). */
export function lastBeat(project: Project): number {
  let end = 0;
  for (const track of project.tracks) for (const clip of track.clips) end = Math.max(end, clip.start + clip.length);
  return end;
}

/** Zooms so the whole song (at least four bars) fills `visibleWidth` pixels. */
export function zoomToFit(project: Project, visibleWidth: number): void {
  const beats = Math.max(lastBeat(project), 4 * project.timeSignature[0]);
  useTimeline.getState().setZoom((visibleWidth * 0.95) / beats);
}

/** One zoom step in or out, as the +/− keys and buttons do. */
export function zoomBy(factor: number): void {
  const timeline = useTimeline.getState();
  timeline.setZoom(timeline.pixelsPerBeat * factor);
}
