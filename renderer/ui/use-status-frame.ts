import { useEffect, useRef } from 'react';
import { runtime } from '../state/runtime';

/**
 * Calls `draw` with the engine's shared status on every animation frame while mounted. Views
 * that follow the audio (playhead, meters) write to the DOM here, never through React state.
 */
export function useStatusFrame(draw: (status: Float64Array, sampleRate: number) => void): void {
  const latest = useRef(draw);
  latest.current = draw;
  useEffect(() => {
    const { audio } = runtime();
    let frame = requestAnimationFrame(function tick() {
      latest.current(audio.status, audio.context.sampleRate);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
}
