import { useRef } from 'react';
import { readChannelMeter, emptyChannelMeter } from '../../audio/channel-meters';
import { useStatusFrame } from '../use-status-frame';

/** The meter shows reduction down to this many dB. */
const meterRangeDb = 24;

/**
 * How much the channel's dynamics are pulling the level down right now, as a bar growing from the
 * top and a figure: read from the engine's status buffer on animation frames, never React state.
 */
export function GainReductionMeter({ channel }: { channel: number }) {
  const bar = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLSpanElement>(null);
  const meter = useRef(emptyChannelMeter());
  useStatusFrame((status) => {
    const reduction = Math.min(0, readChannelMeter(status, channel, meter.current).gainReductionDb);
    if (bar.current) bar.current.style.height = `${(Math.min(meterRangeDb, -reduction) / meterRangeDb) * 100}%`;
    if (figure.current) figure.current.textContent = reduction > -0.05 ? '0.0 dB' : `${reduction.toFixed(1).replace('-', '−')} dB`;
  });
  return (
    <div className="gr-meter" role="img" aria-label="Gain reduction">
      <span className="gr-title">GR</span>
      <div className="gr-track">
        <div className="gr-bar" ref={bar} />
      </div>
      <span className="gr-figure" ref={figure} data-testid="gain-reduction">
        0.0 dB
      </span>
    </div>
  );
}
