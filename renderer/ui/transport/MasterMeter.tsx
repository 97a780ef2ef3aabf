import { useRef } from 'react';
import { emptyChannelMeter, readMasterMeter } from '../../audio/channel-meters';
import { runtime } from '../../state/runtime';
import { amplitudeToDbfs, formatDbfs } from '../format';
import { useStatusFrame } from '../use-status-frame';
import { maxOf } from '../../../src/std/extremes';

const floorDb = -60;

function levelOf(db: number): 'hot' | 'warn' | 'ok' {
  return db > -0.1 ? 'hot' : db > -6 ? 'warn' : 'ok';
}

/**
 * Stereo master peak meter fed by the worklet through shared memory, with the peak-hold value
 * beside it (highest peak since play; click to reset), as producers read it before export.
 */
export function MasterMeter() {
  const meter = useRef<HTMLDivElement>(null);
  const hold = useRef<HTMLButtonElement>(null);
  const bars = [useRef<HTMLDivElement>(null), useRef<HTMLDivElement>(null)] as const;
  const readings = useRef(emptyChannelMeter());
  useStatusFrame((status) => {
    const master = readMasterMeter(status, readings.current);
    const peaks = [master.peakLeft, master.peakRight];
    peaks.forEach((peak, i) => {
      const db = amplitudeToDbfs(peak);
      const bar = bars[i]?.current;
      if (bar) {
        bar.style.transform = `scaleX(${Math.max(0, Math.min(1, (db - floorDb) / -floorDb))})`;
        bar.dataset['level'] = levelOf(db);
      }
    });
    const loudest = amplitudeToDbfs(maxOf(peaks));
    meter.current?.setAttribute('aria-valuenow', loudest.toFixed(1));
    meter.current?.setAttribute('aria-valuetext', formatDbfs(loudest));

    const heldDb = amplitudeToDbfs(Math.max(master.peakHoldLeft, master.peakHoldRight));
    const text = heldDb <= -120 ? '−∞' : heldDb.toFixed(1).replace('-', '−');
    const button = hold.current;
    if (button && button.textContent !== text) {
      button.textContent = text;
      button.dataset['level'] = levelOf(heldDb);
      button.setAttribute('aria-label', `Master peak hold ${formatDbfs(heldDb)}, reset`);
    }
  });
  return (
    <div className="master">
      <div
        ref={meter}
        className="master-meter"
        role="meter"
        aria-label="Master level"
        aria-valuemin={-120}
        aria-valuemax={0}
        aria-valuenow={-120}
        aria-valuetext={formatDbfs(-120)}
      >
        {bars.map((bar, i) => (
          <div key={i} className="master-meter-lane">
            <div ref={bar} className="master-meter-fill" data-level="ok" />
          </div>
        ))}
      </div>
      <button
        ref={hold}
        type="button"
        className="peak-hold"
        data-level="ok"
        aria-label={`Master peak hold ${formatDbfs(-120)}, reset`}
        title="Highest peak since play. Click to reset."
        onClick={() => runtime().audio.send({ type: 'reset-peak-hold' })}
      >
        −∞
      </button>
    </div>
  );
}
