import { useEffect, useState } from 'react';
import { useProject } from '../../state/project-store';
import { usePlay, type InputQuantize } from '../../state/play-store';
import { useRecording } from '../../state/recording-store';
import { KeyboardStrip, noteName } from './KeyboardStrip';
import { useComputerKeyboard } from './use-computer-keyboard';
import './play.css';

const quantizeChoices: readonly { readonly label: string; readonly grid: InputQuantize }[] = [
  { label: 'No quantize', grid: null },
  { label: 'Quantize 1/4', grid: 1 },
  { label: 'Quantize 1/8', grid: 0.5 },
  { label: 'Quantize 1/16', grid: 0.25 },
  { label: 'Quantize 1/32', grid: 0.125 },
];
const onScreen = 'on-screen-keys';

/**
 * The play bar under the arrangement: which instrument track plays, the computer keyboard as a
 * piano (with its keys on screen), MIDI inputs, and recording notes (count-in, input quantize,
 * overdub or replace).
 */
export function PlayPanel() {
  const tracks = useProject((s) => s.project.tracks);
  const play = usePlay();
  // The count-in is one user setting, shown here and by the transport's Count-in.
  const countInBars = useRecording((s) => s.settings.countInBars);
  const [keyboardOn, setKeyboardOn] = useState(false);
  const { base, velocity } = useComputerKeyboard(keyboardOn);
  const instrumentTracks = tracks.filter((t) => t.instrument);
  const armedExists = instrumentTracks.some((t) => t.id === play.armedTrackId);
  const firstInstrument = instrumentTracks[0]?.id ?? null;
  useEffect(() => {
    if (!armedExists && firstInstrument !== null) usePlay.getState().arm(firstInstrument);
  }, [armedExists, firstInstrument]);
  const recordLabel = play.recording === 'count-in' ? 'Counting in…' : play.recording ? 'Stop recording' : 'Record notes';
  return (
    <section className="play-panel" aria-label="Play in">
      <div className="play-bar">
        <button type="button" className={keyboardOn ? 'is-active' : ''} aria-pressed={keyboardOn} onClick={() => setKeyboardOn(!keyboardOn)} title="Play the armed track from the computer keyboard: A–' are the keys, Z/X octave, C/V velocity">
          Computer keyboard
        </button>
        {keyboardOn && (
          <span className="play-readout" aria-live="polite">
            {noteName(base)} · velocity {velocity}
          </span>
        )}
        <label className="play-field">
          Plays
          <select aria-label="Armed track" value={armedExists ? (play.armedTrackId ?? '') : ''} onChange={(e) => play.arm(e.target.value || null)} disabled={instrumentTracks.length === 0}>
            {instrumentTracks.length === 0 && <option value="">Add an instrument track first</option>}
            {instrumentTracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <MidiInputs />
        <span className="play-spacer" />
        <button
          type="button"
          className={`record-notes${play.recording ? ' is-recording' : ''}`}
          aria-pressed={play.recording !== null}
          disabled={!armedExists}
          onClick={() => (play.recording ? play.stopRecording() : void play.record(countInBars))}
          title="Record what you play into a note clip on the armed track (in the loop range when looping)"
        >
          <span className="record-dot" aria-hidden="true" />
          {recordLabel}
        </button>
        <label className="play-field">
          <input
            type="checkbox"
            checked={countInBars > 0}
            title="Count in before recording (the same setting as the transport’s Count-in)"
            onChange={(e) => void useRecording.getState().setCountInBars(e.target.checked ? 1 : 0)}
          />
          Count-in
        </label>
        <select aria-label="Input quantize" value={String(play.quantize)} onChange={(e) => play.setQuantize(e.target.value === 'null' ? null : Number(e.target.value))}>
          {quantizeChoices.map((choice) => (
            <option key={choice.label} value={String(choice.grid)}>
              {choice.label}
            </option>
          ))}
        </select>
        <select aria-label="Record mode" value={play.mode} onChange={(e) => play.setMode(e.target.value === 'replace' ? 'replace' : 'overdub')}>
          <option value="overdub">Overdub</option>
          <option value="replace">Replace</option>
        </select>
      </div>
      {keyboardOn && (
        <KeyboardStrip base={base} sounding={play.sounding} onPress={(pitch) => play.noteOn(onScreen, pitch, velocity / 127)} onRelease={(pitch) => play.noteOff(onScreen, pitch)} />
      )}
    </section>
  );
}

function MidiInputs() {
  const midi = usePlay((s) => s.midi);
  const devices = usePlay((s) => s.devices);
  const connect = usePlay((s) => s.connectMidi);
  if (midi === 'off') {
    return (
      <button type="button" onClick={() => void connect()} title="Play from MIDI keyboards and pads connected to this computer">
        Use MIDI inputs
      </button>
    );
  }
  if (midi === 'unavailable') return <span className="play-readout">MIDI is not available here</span>;
  const names = devices.map((d) => d.name).join(', ');
  return (
    <span className="play-readout" role="status" aria-label="MIDI inputs" title={names}>
      {midi === 'asking' ? 'Asking for MIDI…' : devices.length === 0 ? 'No MIDI input connected' : `MIDI: ${names}`}
    </span>
  );
}
