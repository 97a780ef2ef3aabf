import { useRecording } from '../../state/recording-store';
import { useTransport } from '../../state/transport-store';

export function TransportControls() {
  const playing = useTransport((s) => s.playing);
  const play = useTransport((s) => s.play);
  const stop = useTransport((s) => s.stop);
  const returnToStart = useTransport((s) => s.returnToStart);
  const metronome = useTransport((s) => s.metronome);
  const setMetronome = useTransport((s) => s.setMetronome);
  const recording = useRecording((s) => s.recording);
  return (
    <div className="transport-buttons" role="group" aria-label="Transport">
      <button type="button" aria-label="Return to start" title="Return to start (Enter)" onClick={returnToStart}>
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 3h2v10H3zM13 3v10L6 8z" /></svg>
      </button>
      <button
        type="button"
        className={playing ? 'is-active' : ''}
        aria-label="Play"
        aria-pressed={playing}
        title="Play (Space)"
        onClick={() => void play()}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11L13.5 8z" /></svg>
      </button>
      <button type="button" aria-label="Stop" title="Stop (Space)" onClick={() => (recording ? void useRecording.getState().stopRecording() : stop())}>
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3.5 3.5h9v9h-9z" /></svg>
      </button>
      <button
        type="button"
        className={recording ? 'is-recording' : ''}
        aria-label="Record"
        aria-pressed={recording}
        title="Record on the armed track (click again to stop)"
        onClick={() => void (recording ? useRecording.getState().stopRecording() : useRecording.getState().record())}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="5" /></svg>
      </button>
      <button
        type="button"
        className={metronome ? 'is-active' : ''}
        aria-label="Metronome"
        aria-pressed={metronome}
        title="Metronome click"
        onClick={() => setMetronome(!metronome)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 1.5h4l3 13H3zM7.4 3 5.2 12.5h5.6L8.6 3zM8 8.2l4.6-4.6.8.8L8.8 9z" /></svg>
      </button>
    </div>
  );
}
