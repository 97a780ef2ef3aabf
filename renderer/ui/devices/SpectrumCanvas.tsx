import { useEffect, useRef } from 'react';
import { runtime } from '../../state/runtime';
import { curveMaxHz, curveMinHz, xOfHz } from './eq-curve';

/**
 * The engine's output as a spectrum behind the EQ curve: an AnalyserNode on the output
 * (renderer/audio's spectrum tap), drawn on animation frames into a canvas, never through React state.
 */
export function SpectrumCanvas({ width, height }: { width: number; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const { audio } = runtime();
    const analyser = audio.spectrum();
    const bins = new Float32Array(analyser.frequencyBinCount);
    const binHz = audio.context.sampleRate / analyser.fftSize;
    const box = { width, height };
    let frame = requestAnimationFrame(function draw() {
      frame = requestAnimationFrame(draw);
      const context = canvas.current?.getContext('2d');
      if (!context) return;
      analyser.getFloatFrequencyData(bins);
      context.clearRect(0, 0, width, height);
      context.beginPath();
      context.moveTo(0, height);
      for (let bin = Math.max(1, Math.floor(curveMinHz / binHz)); bin < bins.length && bin * binHz <= curveMaxHz; bin++) {
        const level = Math.min(1, Math.max(0, ((bins[bin] ?? -100) + 100) / 100));
        context.lineTo(xOfHz(bin * binHz, box), height - level * height);
      }
      context.lineTo(width, height);
      context.closePath();
      context.fillStyle = getComputedStyle(canvas.current as HTMLCanvasElement).getPropertyValue('--spectrum-fill') || 'rgba(120,160,255,0.25)';
      context.fill();
    });
    return () => cancelAnimationFrame(frame);
  }, [width, height]);
  return <canvas ref={canvas} className="eq-spectrum" width={width} height={height} aria-hidden="true" />;
}
