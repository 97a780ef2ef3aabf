import { Clock } from '../../../src/std/clock';
import { statusSlots } from '../../../src/protocol/engine';
import { hertz, samples } from '../../../src/std/units';
import { useProject } from '../../state/project-store';
import { useStatusFrame } from '../use-status-frame';

/**
 * Calls `draw` on every animation frame with the pattern position under the playhead while the
 * transport plays (null when stopped or outside the clip): `position` maps the playhead's
 * timeline beat (through the song's clock) to the pattern. The beat views light their playhead
 * from it by writing to the DOM, never through React state.
 */
export function usePatternPlayhead(position: (timelineBeat: number) => number | null, draw: (beat: number | null) => void): void {
  useStatusFrame((status, sampleRate) => {
    if (status[statusSlots.playing] !== 1) return draw(null);
    const beat = Clock.of(useProject.getState().project).beatAtFrame(samples(status[statusSlots.playheadFrame] ?? 0), hertz(sampleRate));
    draw(position(beat));
  });
}
