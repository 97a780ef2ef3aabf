import { Fragment, useEffect, useRef, type WheelEvent } from 'react';
import { projectEndBeats } from '../../../src/model/project-time';
import { statusSlots } from '../../../src/protocol/engine';
import { useAutomationView } from '../../state/automation-view-store';
import { useTakeView } from '../../state/take-view-store';
import { Clock } from '../../../src/std/clock';
import { hertz, samples } from '../../../src/std/units';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { openDemoSong } from '../project';
import { useStatusFrame } from '../use-status-frame';
import { ArrangementCanvas } from './ArrangementCanvas';
import { ClipMenu } from './ClipMenu';
import { AutomationRows } from './AutomationRows';
import { ChannelRows } from './ChannelRows';
import { sampleDropHandlers } from './drop-target';
import { dropRowHeight, headerWidth, rulerHeight } from './geometry';
import { Lane } from './Lane';
import { startRubberBand } from './rubber-band';
import { MeterDialogHost } from './MeterDialog';
import { Ruler } from './Ruler';
import { RulerMenu } from './RulerMenu';
import { TakeLanes } from './TakeLanes';
import { TempoLane } from './TempoLane';
import { TimelineToolbar } from './TimelineToolbar';
import { TrackHeader } from './TrackHeader';
import { useScrollMemory } from './use-scroll-memory';
import { nothing, useViewWindow } from './use-view-window';
import { zoomToFit } from './zoom';
import './timeline.css';

const minimumBars = 32;

/**
 * The arrangement: toolbar, a ruler in bars and time, one row per track (header + lane with its
 * clips, painted by the canvas underneath) with its open take lanes and automation rows under it,
 * a row to drop a sample for a new track, the buses' and the master's rows with their automation,
 * and the playhead, which follows playback. Ctrl/Cmd +
 * wheel zooms around the pointer.
 */
export function Timeline() {
  const project = useProject((s) => s.project);
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const expanded = useAutomationView((s) => s.expanded);
  const takesOpen = useTakeView((s) => s.open);
  const scroller = useRef<HTMLDivElement>(null);
  const playhead = useRef<HTMLDivElement>(null);
  const band = useRef<HTMLDivElement>(null);

  const viewWindow = useViewWindow(scroller);
  useScrollMemory(scroller);

  useStatusFrame((status, sampleRate) => {
    const beat = Clock.of(useProject.getState().project).beatAtFrame(samples(status[statusSlots.playheadFrame] ?? 0), hertz(sampleRate));
    const x = beat * useTimeline.getState().pixelsPerBeat;
    const view = scroller.current;
    if (playhead.current) {
      playhead.current.style.transform = `translateX(${x}px)`;
      // Left of the lanes in view it would cross the track headers, which stick to the left edge.
      playhead.current.style.visibility = view && x < view.scrollLeft ? 'hidden' : '';
    }
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

  const clock = Clock.of(project);
  const bars = Math.max(minimumBars, Math.ceil(clock.barsAt(projectEndBeats(project))) + 8);
  const laneBeats = clock.barStart(bars);
  const width = laneBeats * pixelsPerBeat;
  return (
    <section className="timeline" aria-label="Timeline">
      <TimelineToolbar onZoomToFit={() => scroller.current && zoomToFit(project, scroller.current)} />
      <div className="timeline-body">
        <ArrangementCanvas scroller={scroller} />
        <div ref={scroller} className="timeline-scroll" onWheel={onWheel}>
          <div
            className="timeline-canvas"
            style={{ width: headerWidth + width }}
            onPointerDown={(event) => band.current && startRubberBand(event, band.current, { headerWidth, rulerHeight })}
          >
            <div ref={band} className="rubber-band" style={{ display: 'none' }} aria-hidden="true" />
            <div className="timeline-row timeline-ruler-row">
              <div className="track-header ruler-corner">
                <span className="tempo-lane-name">Tempo</span>
              </div>
              <div className="ruler-stack">
                <Ruler />
                <TempoLane laneBeats={laneBeats} />
              </div>
            </div>
            {project.tracks.map((track, index) => {
              const shown = index >= viewWindow.firstTrack && index <= viewWindow.lastTrack ? viewWindow : nothing;
              return (
                <Fragment key={track.id}>
                  <div className="timeline-row" style={{ height: track.height }}>
                    <TrackHeader track={track} index={index} />
                    <Lane track={track} height={track.height} laneBeats={laneBeats} fromBeat={shown.fromBeat} toBeat={shown.toBeat} />
                  </div>
                  {takesOpen[track.id] && <TakeLanes track={track} laneBeats={laneBeats} />}
                  {expanded[track.id] && <AutomationRows owner={track} laneBeats={laneBeats} />}
                </Fragment>
              );
            })}
            <div className="timeline-row timeline-drop-row" style={{ height: dropRowHeight }}>
              <div className="track-header" />
              <div className="lane lane-empty" aria-label="New track drop zone" {...sampleDropHandlers(null)}>
                <p className="timeline-empty">
                  {project.tracks.length === 0 ? (
                    <>
                      Drag a sample here from the library (or double-click it) to start a track, or{' '}
                      <button type="button" className="link-button" onClick={() => void openDemoSong()}>
                        open the demo song
                      </button>
                      .
                    </>
                  ) : (
                    'Drop a sample here for a new track.'
                  )}
                </p>
              </div>
            </div>
            <ChannelRows laneBeats={laneBeats} />
            <div className="playhead-track" style={{ left: headerWidth }} aria-hidden="true">
              <div ref={playhead} className="playhead" />
            </div>
          </div>
        </div>
      </div>
      <ClipMenu />
      <RulerMenu />
      <MeterDialogHost />
    </section>
  );
}
