import { useEffect, useRef } from 'react';
import type { Clip } from '../../../src/model/project-schema';

/**
 * Draws the part of the source a clip plays from the sample's precomputed peaks (signed bytes,
 * min/max per bucket): offset, rate, loop and reverse as the engine plays them. Redraws only when
 * the clip, its width or the peaks change.
 */
export function ClipWaveform({ clip, tempo, peaks, seconds, width }: { clip: Clip; tempo: number; peaks: Int8Array; seconds: number; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pixels = Math.max(1, Math.min(4096, Math.round(width)));
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const height = element.height;
    context.clearRect(0, 0, pixels, height);
    context.fillStyle = 'rgba(255, 236, 200, 0.75)';
    const buckets = peaks.length / 2;
    const sourcePerPixel = ((clip.length * 60) / tempo / pixels) * clip.rate;
    for (let x = 0; x < pixels; x++) {
      let time = x * sourcePerPixel;
      if (clip.loop) time = clip.offset + (time % Math.max(1e-9, seconds - clip.offset));
      else time += clip.offset;
      if (time >= seconds) break;
      if (clip.reverse) time = seconds - time;
      const bucket = Math.min(buckets - 1, Math.floor((time / seconds) * buckets));
      const low = (peaks[bucket * 2] ?? 0) / 127;
      const high = (peaks[bucket * 2 + 1] ?? 0) / 127;
      const top = ((1 - high) / 2) * height;
      context.fillRect(x, top, 1, Math.max(1, ((high - low) / 2) * height));
    }
  }, [clip, tempo, peaks, seconds, pixels]);
  return <canvas ref={canvas} className="clip-waveform" width={pixels} height={48} aria-hidden="true" />;
}
