import { useRef } from 'react';
import { statusSlots } from '../../../src/protocol/engine';
import { useTransport } from '../../state/transport-store';
import { useStatusFrame } from '../shell/use-status-frame';
import './timeline.css';

const pixelsPerBeat = 28;
const visibleBars = 64;

/** The arrangement area: a bar ruler, the lane with the cued sample and the playhead. */
export function Timeline() {
  const tempo = useTransport((s) => s.tempo);
  const beatsPerBar = useTransport((s) => s.beatsPerBar);
  const cued = useTransport((s) => s.cued);
  const playhead = useRef<HTMLDivElement>(null);
  useStatusFrame((status, sampleRate) => {
    const seconds = (status[statusSlots.playheadFrame] ?? 0) / sampleRate;
    const x = ((seconds * useTransport.getState().tempo) / 60) * pixelsPerBeat;
    if (playhead.current) playhead.current.style.transform = `translateX(${x}px)`;
  });
  const barWidth = beatsPerBar * pixelsPerBeat;
  const clipBeats = cued ? ((cued.frames / cued.sampleRate) * tempo) / 60 : 0;
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-scroll">
        <div className="timeline-canvas" style={{ width: visibleBars * barWidth }}>
          <div className="ruler" aria-hidden="true">
            {Array.from({ length: visibleBars }, (_, bar) => (
              <span key={bar} className="ruler-bar" style={{ width: barWidth }}>
                {bar + 1}
              </span>
            ))}
          </div>
          <div className="lane" style={{ backgroundSize: `${barWidth}px 100%, ${pixelsPerBeat}px 100%` }}>
            {cued ? (
              <div className="clip" style={{ width: Math.max(4, clipBeats * pixelsPerBeat) }} aria-label={`Clip ${cued.name}`}>
                <span className="clip-name">{cued.name}</span>
              </div>
            ) : (
              <p className="timeline-empty">Choose a sample in the library to cue it at bar 1, then press Space.</p>
            )}
          </div>
          <div ref={playhead} className="playhead" aria-hidden="true" />
        </div>
      </div>
    </section>
  );
}
