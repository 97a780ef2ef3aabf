import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyProject } from '../../../src/model/new-project';
import { createTrack } from '../../../src/model/new-track';
import type { Project } from '../../../src/model/project-schema';
import { useTimeline } from '../../../renderer/state/timeline-store';
import { headerWidth } from '../../../renderer/ui/timeline/geometry';
import { zoomToFit } from '../../../renderer/ui/timeline/zoom';
import { clip } from '../model/edits/helpers';

/** A song whose last clip ends on `endBeat`. */
function song(endBeat: number): Project {
  const project = createEmptyProject('Fit');
  return { ...project, sources: { s1: { path: 'a.wav' } }, tracks: [{ ...createTrack('t1', 'A', 0), clips: [clip('c1', { start: endBeat - 4, length: 4 })] }] };
}

/** The scroller of a 1280 px wide timeline, zoomed in and scrolled far to the right. */
const scrolledView = () => ({ clientWidth: 1280, scrollLeft: 9000 });
/** Pixels the lanes show after Fit. */
const laneWidth = 1280 - headerWidth;

describe('Fit', () => {
  beforeEach(() => useTimeline.getState().setZoom(300));

  it('shows the whole song from its start, whatever the zoom and scroll were', () => {
    const view = scrolledView();
    zoomToFit(song(64), view);
    expect(view.scrollLeft).toBe(0);
    const { pixelsPerBeat } = useTimeline.getState();
    expect(64 * pixelsPerBeat).toBeLessThanOrEqual(laneWidth);
    expect(64 * pixelsPerBeat).toBeGreaterThan(laneWidth * 0.9);
  });

  it('fits a long song too (a 6-minute song at 120 BPM is 720 beats)', () => {
    const view = scrolledView();
    zoomToFit(song(720), view);
    const { pixelsPerBeat } = useTimeline.getState();
    expect(720 * pixelsPerBeat).toBeLessThanOrEqual(laneWidth);
    expect(720 * pixelsPerBeat).toBeGreaterThan(laneWidth * 0.9);
  });

  it('shows at least four bars of an empty or short song', () => {
    const view = scrolledView();
    zoomToFit(createEmptyProject('Empty'), view);
    expect(16 * useTimeline.getState().pixelsPerBeat).toBeCloseTo(laneWidth * 0.95, 6);
  });
});
