import { useRef } from 'react';
import { statusSlots } from '../../../src/protocol/engine';
import { useTransport } from '../../state/transport-store';
import { useStatusFrame } from '../use-status-frame';

const minDb = -40;
const maxDb = 6;

/** The audition channel's own volume, and a stop button that is live while a preview sounds. */
export function PreviewControls() {
  const gainDb = useTransport((s) => s.previewGainDb);
  const setPreviewGain = useTransport((s) => s.setPreviewGain);
  const stopPreview = useTransport((s) => s.stopPreview);
  const stop = useRef<HTMLButtonElement>(null);
  useStatusFrame((status) => {
    const sounding = status[statusSlots.previewing] === 1;
    if (stop.current && stop.current.disabled === sounding) stop.current.disabled = !sounding;
  });
  const text = `${gainDb > 0 ? '+' : ''}${gainDb.toFixed(0).replace('-', '−')} dB`;
  return (
    <div className="preview-controls">
      <label className="preview-volume">
        <span>Preview</span>
        <input
          type="range"
          min={minDb}
          max={maxDb}
          step={1}
          value={gainDb}
          aria-label="Preview volume"
          aria-valuetext={text}
          onChange={(event) => setPreviewGain(Number(event.target.value))}
        />
        <output aria-hidden="true">{text}</output>
      </label>
      <button ref={stop} type="button" aria-label="Stop preview" title="Stop the sample you are hearing" disabled onClick={stopPreview}>
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 4h8v8H4z" /></svg>
      </button>
    </div>
  );
}
