import { useCallback, useEffect, useLayoutEffect, useRef, useState, type WheelEvent } from 'react';
import { statusSlots } from '../../../src/protocol/engine';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { useStatusFrame } from '../shell/use-status-frame';
import { sampleDropHandlers } from './drop-target';
import { headerWidth, rulerHeight, trackHeight } from './geometry';
import { Lane } from './Lane';
import { startRubberBand } from './rubber-band';
import { Ruler } from './Ruler';
import { TimelineToolbar } from './TimelineToolbar';
import { TrackHeader } from './TrackHeader';
import { lastBeat, zoomToFit } from './zoom';
import './timeline.css';

const minimumBars = 32;

/** The part of the arrangement whose clips are mounted: beats [fromBeat, toBeat) on tracks firstTrack…lastTrack. */
interface ViewWindow {
  readonly fromBeat: number;
  readonly toBeat: number;
  readonly firstTrack: number;
  readonly lastTrack: number;
}
/** Before layout (or where nothing is laid out, as in jsdom) every clip is mounted. */
const everything: ViewWindow = { fromBeat: -Infinity, toBeat: Infinity, firstTrack: 0, lastTrack: Infinity };
const nothing = { fromBeat: 0, toBeat: 0 } as const;
/** Tracks mounted above and below the visible ones, in steps of this many rows. */
const trackStep = 2;

/**
 * The window of clips worth mounting for the scroller's current view: the visible beats plus at
 * least a quarter screen either side, and the visible tracks plus at least one step of rows, both
 * snapped to steps, so scrolling re-renders only when it crosses a step, not on every frame.
 */
function viewWindowOf(view: HTMLElement, pixelsPerBeat: number): ViewWindow {
  const laneWidth = view.clientWidth - headerWidth;
  if (laneWidth <= 0 || view.clientHeight <= 0) return everything;
  const screenBeats = laneWidth / pixelsPerBeat;
  const step = screenBeats / 4;
  const firstBeat = view.scrollLeft / pixelsPerBeat;
  const fromBeat = (Math.floor(firstBeat / step) - 1) * step;
  const toBeat = (Math.ceil((firstBeat + screenBeats) / step) + 1) * step;
  const firstRow = Math.floor(view.scrollTop / trackHeight);
  const lastRow = Math.ceil((view.scrollTop + view.clientHeight) / trackHeight);
  const firstTrack = Math.max(0, (Math.floor(firstRow / trackStep) - 1) * trackStep);
  const lastTrack = (Math.ceil(lastRow / trackStep) + 1) * trackStep;
  return { fromBeat, toBeat, firstTrack, lastTrack };
}

function sameWindow(a: ViewWindow, b: ViewWindow): boolean {
  return a.fromBeat === b.fromBeat && a.toBeat === b.toBeat && a.firstTrack === b.firstTrack && a.lastTrack === b.lastTrack;
}

/**
 * The arrangement: toolbar, a ruler in bars and time, one row per track (header + lane with its
 * clips) and the playhead, which follows playback. Ctrl/Cmd + wheel zooms around the pointer.
 */
export function Timeline() {
  const project = useProject((s) => s.project);
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const scroller = useRef<HTMLDivElement>(null);
  const playhead = useRef<HTMLDivElement>(null);
  const band = useRef<HTMLDivElement>(null);

  // Only the clips in and near the view are mounted: a project of thousands of clips would
  // otherwise re-render and lay out every one of them on each zoom step.
  const [viewWindow, setViewWindow] = useState<ViewWindow>(everything);
  const updateWindow = useCallback(() => {
    const view = scroller.current;
    if (!view) return;
    const next = viewWindowOf(view, useTimeline.getState().pixelsPerBeat);
    setViewWindow((current) => (sameWindow(current, next) ? current : next));
  }, []);
  useLayoutEffect(updateWindow, [updateWindow, pixelsPerBeat]);
  useEffect(() => {
    const view = scroller.current;
    if (!view) return;
    view.addEventListener('scroll', updateWindow, { passive: true });
    const resize = new ResizeObserver(updateWindow);
    resize.observe(view);
    return () => {
      view.removeEventListener('scroll', updateWindow);
      resize.disconnect();
    };
  }, [updateWindow]);

  useStatusFrame((status, sampleRate) => {
    const seconds = (status[statusSlots.playheadFrame] ?? 0) / sampleRate;
    const { tempo } = useProject.getState().project;
    const x = ((seconds * tempo) / 60) * useTimeline.getState().pixelsPerBeat;
    if (playhead.current) playhead.current.style.transform = `translateX(${x}px)`;
    const view = scroller.current;
    if (view && status[statusSlots.playing] === 1 && useTimeline.getState().follow) {
      const visible = view.clientWidth - headerWidth;
      if (x < view.scrollLeft || x > view.scrollLeft + visible * 0.9) view.scrollLeft = Math.max(0, x - visible * 0.1);
    }
  });

  // Keep the beat under the pointer in place while zooming with the wheel.
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (!event.ctrlKey && !event.metaKey) return;
    const view = event.currentTarget;
    const x = event.clientX - view.getBoundingClientRect().left - headerWidth + view.scrollLeft;
    const beat = x / pixelsPerBeat;
    const next = pixelsPerBeat * Math.exp(-event.deltaY / 300);
    useTimeline.getState().setZoom(next);
    const applied = useTimeline.getState().pixelsPerBeat;
    view.scrollLeft = Math.max(0, beat * applied - (x - view.scrollLeft));
  };
  // React's wheel listener is passive; ctrl+wheel must not zoom the whole page.
  useEffect(() => {
    const view = scroller.current;
    if (!view) return;
    const stopPageZoom = (event: globalThis.WheelEvent) => {
      if (event.ctrlKey || event.metaKey) event.preventDefault();
    };
    view.addEventListener('wheel', stopPageZoom, { passive: false });
    return () => view.removeEventListener('wheel', stopPageZoom);
  }, []);

  const beatsPerBar = project.timeSignature[0];
  const bars = Math.max(minimumBars, Math.ceil(lastBeat(project) / beatsPerBar) + 8);
  const width = bars * beatsPerBar * pixelsPerBeat;
  return (
    <section className="timeline" aria-label="Timeline">
      <TimelineToolbar onZoomToFit={() => scroller.current && zoomToFit(project, scroller.current.clientWidth - headerWidth)} />
      <div ref={scroller} className="timeline-scroll" onWheel={onWheel}>
        <div
          className="timeline-canvas"
          style={{ width: headerWidth + width }}
          onPointerDown={(event) => band.current && startRubberBand(event, band.current, { headerWidth, rulerHeight, trackHeight })}
        >
          <div ref={band} className="rubber-band" style={{ display: 'none' }} aria-hidden="true" />
          <div className="timeline-row timeline-ruler-row">
            <div className="track-header ruler-corner" />
            <Ruler bars={bars} />
          </div>
          {project.tracks.map((track, index) => {
            const shown = index >= viewWindow.firstTrack && index <= viewWindow.lastTrack ? viewWindow : nothing;
            return (
              <div key={track.id} className="timeline-row">
                <TrackHeader track={track} index={index} />
                <Lane track={track} width={width} fromBeat={shown.fromBeat} toBeat={shown.toBeat} />
              </div>
            );
          })}
          <div className="timeline-row timeline-drop-row">
            <div className="track-header" />
            <div className="lane lane-empty" style={{ width }} aria-label="New track drop zone" {...sampleDropHandlers(null)}>
              <p className="timeline-empty">
                {project.tracks.length === 0
                  ? 'Drag a sample here from the library (or double-click it) to start a track.'
                  : 'Drop a sample here for a new track.'}
              </p>
            </div>
          </div>
          <div className="playhead-track" style={{ left: headerWidth }} aria-hidden="true">
            <div ref={playhead} className="playhead" />
          </div>
        </div>
      </div>
    </section>
  );
}
