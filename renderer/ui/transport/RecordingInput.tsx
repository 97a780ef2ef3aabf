import { useCallback, useEffect, useRef, useState } from 'react';
import { onInputsChanged } from '../../audio/input-capture';
import { useRecording, type ChannelChoice } from '../../state/recording-store';
import { useDismiss } from '../use-dismiss';

const channelNames: Record<ChannelChoice, string> = { left: 'Mono (left / 1)', right: 'Mono (right / 2)', stereo: 'Stereo (1 + 2)' };

/** The recording input: device (the list follows devices coming and going), channels, and the loopback latency calibration. */
export function RecordingInput() {
  const [open, setOpen] = useState(false);
  // The top bar clips and scrolls what overflows it, so the panel is placed on the window.
  const [left, setLeft] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  const { inputs, inputId, channels, latencySeconds, calibrating, settings } = useRecording();
  useEffect(() => {
    const { refreshInputs, loadSettings } = useRecording.getState();
    void refreshInputs();
    void loadSettings();
    return onInputsChanged(() => void useRecording.getState().refreshInputs());
  }, []);
  return (
    <div className="recording-input" ref={root}>
      <button type="button" aria-label="Audio input" aria-expanded={open} title="Audio recording input and latency" onClick={() => {
        setLeft(root.current?.getBoundingClientRect().left ?? 0);
        setOpen(!open);
      }}>
        Audio in
      </button>
      {open && (
        <div className="recording-input-panel" role="dialog" aria-label="Recording input" style={{ left }}>
          <label htmlFor="recording-device">Device</label>
          <select id="recording-device" aria-label="Input device" value={inputId ?? ''} onChange={(event) => useRecording.getState().chooseInput(event.target.value || null)}>
            <option value="">System default</option>
            {inputs.map((input) => (
              <option key={input.id} value={input.id}>{input.label}</option>
            ))}
          </select>
          <label htmlFor="recording-channels">Channels</label>
          <select id="recording-channels" aria-label="Input channels" value={channels} onChange={(event) => useRecording.getState().chooseChannels(event.target.value as ChannelChoice)}>
            {(Object.keys(channelNames) as ChannelChoice[]).map((choice) => (
              <option key={choice} value={choice}>{channelNames[choice]}</option>
            ))}
          </select>
          <label className="recording-click">
            <input type="checkbox" checked={settings.clickWhileRecording} onChange={(event) => void useRecording.getState().setClickWhileRecording(event.target.checked)} />
            Click while recording
          </label>
          <span className="recording-latency" role="status" aria-label="Recording latency">
            {latencySeconds === null ? 'Latency not measured: the system\'s figure is used.' : `Latency ${(latencySeconds * 1000).toFixed(1)} ms (measured)`}
          </span>
          <button type="button" disabled={calibrating} title="Connect the output to the input with a cable first" onClick={() => void useRecording.getState().calibrate()}>
            {calibrating ? 'Measuring…' : 'Measure latency (loopback)'}
          </button>
        </div>
      )}
    </div>
  );
}
