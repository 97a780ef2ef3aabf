import { useRef } from 'react';
import { statusSlots } from '../../../src/protocol/engine';
import { Clock } from '../../../src/std/clock';
import { hertz, samples } from '../../../src/std/units';
import { useProject } from '../../state/project-store';
import { formatBarsBeats, formatClock } from '../format';
import { useStatusFrame } from '../use-status-frame';

/** The playhead in bars.beats.sixteenths and in time, read from the engine every frame. */
export function PositionDisplay() {
  const bars = useRef<HTMLSpanElement>(null);
  const clock = useRef<HTMLSpanElement>(null);
  useStatusFrame((status, sampleRate) => {
    const frame = status[statusSlots.playheadFrame] ?? 0;
    const time = Clock.of(useProject.getState().project);
    const barsText = formatBarsBeats(time.beatAtFrame(samples(frame), hertz(sampleRate)), time);
    const clockText = formatClock(frame / sampleRate);
    if (bars.current && bars.current.textContent !== barsText) bars.current.textContent = barsText;
    if (clock.current && clock.current.textContent !== clockText) clock.current.textContent = clockText;
  });
  return (
    <div className="position">
      <span ref={bars} role="timer" className="position-bars" aria-label="Position in bars and beats">
        1.1.1
      </span>
      <span ref={clock} role="timer" className="position-clock" aria-label="Position in time">
        0:00.000
      </span>
    </div>
  );
}
