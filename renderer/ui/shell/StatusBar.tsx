import { useRef } from 'react';
import { statusSlots } from '../../../src/protocol/engine';
import { describeDeviceFault, describeSafetyTrip } from '../../audio/channel-meters';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { useSession } from '../../state/session-store';
import { useStatusFrame } from '../use-status-frame';
import { StatusNotice } from './StatusNotice';

export function StatusBar() {
  const info = useSession((s) => s.info);
  const notice = useSession((s) => s.notice);
  const rate = runtime().audio.context.sampleRate;
  const load = useRef<HTMLSpanElement>(null);
  const safetyTrips = useRef(0);
  const deviceFaults = useRef(0);
  useStatusFrame((status) => {
    // The device guard switched an insert off: say once which one, on which channel.
    const fault = describeDeviceFault(status, useProject.getState().project);
    if (fault && fault.faults !== deviceFaults.current) {
      deviceFaults.current = fault.faults;
      useSession.getState().notify('error', fault.message);
    }
    // The output safety stage muted the output: say once, by name, which channel did it.
    const trip = describeSafetyTrip(status, useProject.getState().project);
    if (trip && trip.trips !== safetyTrips.current) {
      safetyTrips.current = trip.trips;
      useSession.getState().notify('error', trip.message);
    }
    const percent = Math.round((status[statusSlots.dspLoad] ?? 0) * 100);
    const overloads = status[statusSlots.overloads] ?? 0;
    const text = `DSP ${percent}%${overloads > 0 ? ` · ${overloads} dropout${overloads === 1 ? '' : 's'}` : ''}`;
    const element = load.current;
    if (element && element.textContent !== text) {
      element.textContent = text;
      element.dataset['warn'] = String(overloads > 0 || percent >= 80);
    }
  });
  return (
    <footer className="statusbar">
      <StatusNotice key={notice?.text} notice={notice} />
      <span className="statusbar-facts">
        <span ref={load} className="statusbar-load" aria-label="Audio engine load" data-warn="false">
          DSP 0%
        </span>
        {` · ${(rate / 1000).toFixed(1)} kHz`}
        {info ? ` · ${info.host === 'web' ? 'Web host' : 'Desktop'} · v${info.version}` : ''}
      </span>
    </footer>
  );
}
