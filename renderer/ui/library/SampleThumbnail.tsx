import { useEffect, useRef } from 'react';

/** A row's waveform from the peaks stored in the library: no decoding to draw it. */
export function SampleThumbnail({ peaks }: { peaks: Int8Array }) {
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
  }, [peaks]);
  return <canvas ref={canvas} className="sample-thumbnail" width={64} height={24} aria-hidden="true" />;
}
