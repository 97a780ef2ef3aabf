import { useRef } from 'react';
import { meteredChannels } from '../../../src/protocol/engine';
import { emptyChannelMeter, readChannelMeter } from '../../audio/channel-meters';
import { runtime } from '../../state/runtime';
import { amplitudeToDbfs, formatDbfs } from '../format';
import { useStatusFrame } from '../use-status-frame';
import { faderPosition } from './fader-taper';
import { MeterBallistics } from './meter-ballistics';
import { maxOf } from '../../../src/std/extremes';

/** How much of the meter's height a level fills: the fader's own scale, so its marks read both. */
function fill(db: number): string {
  return `inset(${((1 - faderPosition(db)) * 100).toFixed(2)}% 0 0 0)`;
}

function highestText(amplitude: number): string {
  const db = amplitudeToDbfs(amplitude);
  return db <= -120 ? '−∞' : db.toFixed(1).replace('-', '−');
}

/**
 * A strip's stereo meter: peak (light) and RMS (solid) bars, the peak-hold line, and above it
 * the highest level since the last reset, red once it reached 0 dBFS, until clicked. Drawn on
 * animation frames from the shared status buffer, never through React state. `channel`: the
 * channel's place in the engine's meters; null when the engine does not meter it, and the meter
 * says so instead of showing a level.
 */
export function ChannelMeter({ name, channel }: { name: string; channel: number | null }) {
  const meter = useRef<HTMLDivElement>(null);
  const highest = useRef<HTMLButtonElement>(null);
  const lanes = useRef<(HTMLDivElement | null)[]>([]);
  const ballistics = useRef(new MeterBallistics());
  const readings = useRef(emptyChannelMeter());
  useStatusFrame((status) => {
    if (channel === null) return;
    const levels = readChannelMeter(status, channel, readings.current);
    const peaks = [levels.peakLeft, levels.peakRight] as const;
    const rms = [levels.rmsLeft, levels.rmsRight] as const;
    const state = ballistics.current;
    state.update(performance.now() / 1000, peaks, [levels.peakHoldLeft, levels.peakHoldRight]);
    for (const side of [0, 1] as const) {
      const lane = lanes.current[side];
      if (!lane) continue;
      (lane.children[0] as HTMLElement).style.clipPath = fill(amplitudeToDbfs(peaks[side]));
      (lane.children[1] as HTMLElement).style.clipPath = fill(amplitudeToDbfs(rms[side]));
      const hold = (lane.children[2] as HTMLElement).style;
      hold.bottom = `${(faderPosition(state.holdDb[side]) * 100).toFixed(2)}%`;
      hold.visibility = state.holdDb[side] > -120 ? 'visible' : 'hidden';
    }
    const loudest = amplitudeToDbfs(maxOf(peaks));
    meter.current?.setAttribute('aria-valuenow', loudest.toFixed(1));
    meter.current?.setAttribute('aria-valuetext', formatDbfs(loudest));
    const button = highest.current;
    const text = highestText(state.highest);
    if (button && button.textContent !== text) {
      button.textContent = text;
      button.dataset['clipped'] = String(state.clipped);
      button.setAttribute('aria-label', `${state.clipped ? `${name} clipped: ` : `Highest level of ${name} `}${formatDbfs(amplitudeToDbfs(state.highest))}, reset`);
    }
  });
  if (channel === null) {
    return (
      <div className="channel-meter-column">
        <span className="meter-highest is-unmetered" aria-hidden="true" />
        <div className="channel-meter is-unmetered" role="img" aria-label={`${name} is not metered`} title={`The engine meters the first ${meteredChannels} channels.`} />
      </div>
    );
  }
  return (
    <div className="channel-meter-column">
      <button
        ref={highest}
        type="button"
        className="meter-highest"
        data-clipped="false"
        aria-label={`Highest level of ${name} ${formatDbfs(-120)}, reset`}
        title="Highest level since reset; red when it reached 0 dBFS. Click to reset."
        onClick={() => {
          ballistics.current.reset();
          runtime().audio.send({ type: 'reset-peak-hold' });
        }}
      >
        −∞
      </button>
      <div ref={meter} className="channel-meter" role="meter" aria-label={`Level of ${name}`} aria-valuemin={-120} aria-valuemax={6} aria-valuenow={-120} aria-valuetext={formatDbfs(-120)}>
        {[0, 1].map((side) => (
          <div
            key={side}
            ref={(element) => {
              lanes.current[side] = element;
            }}
            className="meter-lane"
          >
            <div className="meter-peak" style={{ clipPath: fill(-120) }} />
            <div className="meter-rms" style={{ clipPath: fill(-120) }} />
            <div className="meter-hold" style={{ bottom: '0%', visibility: 'hidden' }} />
          </div>
        ))}
      </div>
    </div>
  );
}
