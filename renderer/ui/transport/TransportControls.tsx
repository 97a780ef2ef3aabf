import { useProject } from '../../state/project-store';
import { useRecording } from '../../state/recording-store';
import { useTransport } from '../../state/transport-store';

export function TransportControls() {
  const playing = useTransport((s) => s.playing);
  const play = useTransport((s) => s.play);
  const stop = useTransport((s) => s.stop);
  const returnToStart = useTransport((s) => s.returnToStart);
  const metronome = useTransport((s) => s.metronome);
  const setMetronome = useTransport((s) => s.setMetronome);
  const phase = useRecording((s) => s.phase);
  const recording = phase !== null;
  const punch = useProject((s) => s.project.punch);
  const punching = punch?.on === true;
  const hasLoop = useProject((s) => s.project.loop !== undefined);
  const canPunch = punch !== undefined || hasLoop;
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
        className={phase === 'recording' ? 'is-recording' : phase === 'count-in' ? 'is-counting-in' : ''}
        aria-label="Record"
        aria-keyshortcuts="Shift+R"
        aria-pressed={recording}
        title={phase === 'count-in' ? 'Counting in… (click to stop)' : 'Record (Shift+R): audio on the armed audio track, notes on the armed instrument track (click again to stop)'}
        onClick={() => void (recording ? useRecording.getState().stopRecording() : useRecording.getState().record())}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="5" /></svg>
      </button>
      <button
        type="button"
        className={punching ? 'is-active' : ''}
        aria-label="Punch in/out"
        aria-pressed={punching}
        disabled={!canPunch}
        title={canPunch ? 'Punch in/out: record only inside the punch range (Shift-drag in the ruler sets it; at first it is the loop range)' : 'Shift-drag in the ruler to set a punch range'}
        onClick={() => useTransport.getState().togglePunching()}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1.5 4h2v8h-2zM12.5 4h2v8h-2zM5 7h6v2H5z" /></svg>
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
