import { statusSlots } from '../../../src/protocol/engine';
import { useStatusFrame } from '../use-status-frame';

/**
 * Calls `draw` on every animation frame with the pattern position under the playhead while the
 * transport plays (null when stopped or outside the clip): the beat views light their playhead
 * column from it by writing to the DOM, never through React state.
 */
export function usePatternPlayhead(position: (timelineSeconds: number) => number | null, draw: (beat: number | null) => void): void {
  useStatusFrame((status, sampleRate) => {
    const playing = status[statusSlots.playing] === 1;
    draw(playing ? position((status[statusSlots.playheadFrame] ?? 0) / sampleRate) : null);
  });
}
