/**
 * Lets a caller wait for the Save As dialog to end, so a Save that had to ask for a path can say
 * how it ended (closing the desktop window waits on it). The dialog reports a chosen path here;
 * the dialog going away any other way (closed, or replaced by another modal) settles the wait.
 */
import type { SaveOutcome } from '../../../src/protocol/ipc';
import { useUi } from '../../state/ui-store';

let waiting: ((outcome: SaveOutcome) => void)[] = [];

/** Shows Save As; resolves with the outcome of saving to the chosen path, or 'cancelled' when it closes without one. */
export function askWhereToSave(): Promise<SaveOutcome> {
  useUi.getState().show('save-as');
  const stop = useUi.subscribe((state) => {
    if (state.modal === 'save-as') return;
    stop();
    saveAsClosed();
  });
  return new Promise((resolve) => waiting.push(resolve));
}

/** Save As got a path: everyone waiting gets the outcome of `saving`, the save to it. */
export function saveAsChosen(saving: Promise<SaveOutcome>): void {
  const settle = takeWaiting();
  void saving.catch((): SaveOutcome => 'failed').then((outcome) => settle.forEach((resolve) => resolve(outcome)));
}

/** Save As went away; anyone still waiting was given no path. */
function saveAsClosed(): void {
  for (const resolve of takeWaiting()) resolve('cancelled');
}

function takeWaiting(): ((outcome: SaveOutcome) => void)[] {
  const taken = waiting;
  waiting = [];
  return taken;
}
