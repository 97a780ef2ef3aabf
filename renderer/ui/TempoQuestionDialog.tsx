import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { tappedTempo, tempoFromBars } from '../state/tap-tempo';
import { useTempoQuestion, type TempoQuestion } from '../state/tempo-question-store';

const minBpm = 20;
const maxBpm = 999;

/**
 * The tempo question: a loop to warp whose tempo is not known (no tempo in its name, none found
 * in its sound) is not guessed silently. The user types a tempo, taps it (the Tap button or T,
 * averaging the taps), or picks one from its length in bars; when placing, "Add without warping"
 * places it at its own speed; Cancel or Escape leaves things as they were. Mounted once by the shell.
 */
export function TempoQuestionHost() {
  const question = useTempoQuestion((s) => s.question);
  return question ? <TempoQuestionDialog key={`${question.name}-${question.durationSeconds}`} question={question} /> : null;
}

function TempoQuestionDialog({ question }: { question: TempoQuestion }) {
  const answer = useTempoQuestion((s) => s.answer);
  const dialog = useRef<HTMLDialogElement>(null);
  const answered = useRef(false);
  const [text, setText] = useState('');
  const [taps, setTaps] = useState<number[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const close = (value: number | 'unwarped' | null) => {
    answered.current = true;
    dialog.current?.close();
    answer(value);
  };
  const tap = () => {
    const next = [...taps, performance.now()].slice(-32);
    setTaps(next);
    const bpm = tappedTempo(next);
    if (bpm !== null) {
      setText(String(bpm));
      setProblem(null);
    }
  };
  const warp = () => {
    const bpm = Number(text);
    if (text.trim() === '' || !Number.isFinite(bpm) || bpm < minBpm || bpm > maxBpm) {
      setProblem(`Give a tempo from ${minBpm} to ${maxBpm} BPM: type it, tap it, or pick one from the loop’s length.`);
      return;
    }
    close(Math.round(bpm * 100) / 100);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if ((event.key === 't' || event.key === 'T') && !event.repeat && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      tap();
    }
  };
  const guesses = tempoFromBars(question.durationSeconds, question.barBeats);
  const tapCount = taps.length;
  return (
    <dialog
      ref={dialog}
      className="path-dialog tempo-question"
      aria-label={`Tempo of ${question.name}`}
      onKeyDown={onKeyDown}
      onClose={() => {
        if (!answered.current) answer(null);
      }}
    >
      <h2>What tempo is “{question.name}”?</h2>
      <p>Its tempo is not in its name and could not be found in its sound. Give it, and the loop follows the song’s tempo; the library keeps it for next time.</p>
      <div className="tempo-question-row">
        <label>
          Tempo
          <input
            type="number"
            min={minBpm}
            max={maxBpm}
            step={0.01}
            value={text}
            aria-label="Tempo (BPM)"
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'tempo-question-problem' : undefined}
            autoFocus
            onChange={(event) => {
              setText(event.target.value);
              setProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                warp();
              }
            }}
          />
          <span>BPM</span>
        </label>
        <button type="button" onClick={tap} title="Tap in time with the loop (or press T); taps after a pause of 2 s start a new count">
          Tap
        </button>
        <span className="tempo-question-taps" aria-live="polite">
          {tapCount === 0 ? 'or press T in time' : tapCount === 1 ? '1 tap — keep going' : `${tapCount} taps`}
        </span>
      </div>
      {guesses.length > 0 && (
        <div className="tempo-question-guesses" role="group" aria-label="Tempo from the loop’s length">
          <span>From its length:</span>
          {guesses.map((guess) => (
            <button
              key={guess.bars}
              type="button"
              onClick={() => {
                setText(String(guess.bpm));
                setProblem(null);
              }}
            >
              {guess.bars === 1 ? '1 bar' : `${guess.bars} bars`} · {guess.bpm} BPM
            </button>
          ))}
        </div>
      )}
      {problem && (
        <p id="tempo-question-problem" className="tempo-question-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => close(null)}>
          Cancel
        </button>
        {question.placing && (
          <button type="button" onClick={() => close('unwarped')}>
            Add without warping
          </button>
        )}
        <button type="button" className="primary" onClick={warp}>
          Warp to the song
        </button>
      </div>
    </dialog>
  );
}
