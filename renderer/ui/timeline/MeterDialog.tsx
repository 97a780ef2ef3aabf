import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { addMeterChangeLabel, meterChangeLabel } from '../../../src/model/edits/labels';
import { deleteMeterChange, setMeterChange } from '../../../src/model/edits/tempo-map-edits';
import { readTimeSignature } from '../../../src/model/meter-text';
import type { Project } from '../../../src/model/project-schema';
import { Clock } from '../../../src/std/clock';
import { useProject } from '../../state/project-store';
import { useMeterUi, type MeterDialogFor } from './meter-store';

/** The time signature dialog, mounted once by the timeline; shown while the store says so. */
export function MeterDialogHost() {
  const target = useMeterUi((s) => s.dialog);
  return target ? <MeterDialog key={`${target.bar}-${target.change}`} target={target} /> : null;
}

/**
 * Add or edit a time signature change: the bar it starts at (1-based, as the ruler counts; bar 1
 * is the song's own meter) and the meter typed as "6/8". A change starts on a bar, as in Live.
 * Invalid values are refused with a sentence and the dialog stays open; OK is one undo step.
 */
function MeterDialog({ target }: { target: MeterDialogFor }) {
  const close = useMeterUi((s) => s.closeDialog);
  const dialog = useRef<HTMLDialogElement>(null);
  const project = useProject.getState().project;
  const [count, unit] = Clock.of(project).meterOf(target.bar);
  const [barText, setBarText] = useState(String(target.bar + 1));
  const [meterText, setMeterText] = useState(`${count}/${unit}`);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const adding = target.change === null;

  const apply = () => {
    const bar = Number(barText) - 1;
    if (barText.trim() === '' || !Number.isInteger(bar) || bar < 0) {
      setProblem('Give the bar as a whole number from 1 (bar 1 sets the song’s own time signature).');
      return;
    }
    const reading = readTimeSignature(meterText);
    if ('problem' in reading) {
      setProblem(reading.problem);
      return;
    }
    const recipe = (p: Project) => setMeterChange(target.change === null || target.change === bar ? p : deleteMeterChange(p, target.change), bar, reading.timeSignature);
    const before = useProject.getState().project;
    if (recipe(before) === before) {
      if (!adding) {
        dialog.current?.close();
        return;
      }
      setProblem(`The song is already in ${reading.timeSignature[0]}/${reading.timeSignature[1]} at bar ${bar + 1}.`);
      return;
    }
    useProject.getState().edit(adding ? addMeterChangeLabel() : meterChangeLabel(), recipe);
    dialog.current?.close();
  };

  const submitOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    apply();
  };

  return (
    <dialog ref={dialog} className="path-dialog meter-dialog" aria-label={adding ? 'Add time signature change' : 'Edit time signature'} onClose={close}>
      <h2>{adding ? 'Add Time Signature Change' : target.change === 0 ? 'Song Time Signature' : 'Edit Time Signature Change'}</h2>
      <p>Bars from this one on follow the new time signature; clips and notes keep their beats.</p>
      <div className="meter-dialog-row">
        <label>
          At bar
          <input
            type="number"
            min={1}
            step={1}
            value={barText}
            aria-label="Bar"
            onChange={(event) => {
              setBarText(event.target.value);
              setProblem(null);
            }}
            onKeyDown={submitOnEnter}
          />
        </label>
        <label>
          Time signature
          <input
            type="text"
            value={meterText}
            aria-label="Time signature"
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'meter-dialog-problem' : undefined}
            placeholder="6/8"
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onChange={(event) => {
              setMeterText(event.target.value);
              setProblem(null);
            }}
            onKeyDown={submitOnEnter}
          />
        </label>
      </div>
      {problem && (
        <p id="meter-dialog-problem" className="meter-dialog-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={apply}>
          {adding ? 'Add' : 'OK'}
        </button>
      </div>
    </dialog>
  );
}
