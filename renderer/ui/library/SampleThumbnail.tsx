import { useEffect, useRef } from 'react';

/**
 * A waveform from stored peaks, no decoding to draw it: a library row's thumbnail, or (bigger,
 * with `width` and `height` in canvas pixels) the sampler's waveform under its markers.
 */
export function SampleThumbnail({ peaks, width = 64, height = 24, className = 'sample-thumbnail' }: { peaks: Int8Array; width?: number; height?: number; className?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !canvas.current) return;
    const { width, height } = canvas.current;
    context.clearRect(0, 0, width, height);
    context.fillStyle = '#ffb347';
    const buckets = peaks.length / 2;
    for (let x = 0; x < width; x++) {
      const b = Math.floor((x / width) * buckets);
      const low = (peaks[b * 2] ?? 0) / 127;
      const high = (peaks[b * 2 + 1] ?? 0) / 127;
      context.fillRect(x, ((1 - high) / 2) * height, 1, Math.max(1, ((high - low) / 2) * height));
    }
  }, [peaks, width, height]);
  return <canvas ref={canvas} className={className} width={width} height={height} aria-hidden="true" />;
}
