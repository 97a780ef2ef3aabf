import { afterEach, describe, expect, it } from 'vitest';
import type { SaveOutcome } from '../../../src/protocol/ipc';
import { askWhereToSave, saveAsChosen } from '../../../renderer/ui/project/save-as-outcome';
import { useUi } from '../../../renderer/state/ui-store';

/** Whether `promise` has settled by the time queued work has run, and with what. */
async function settledValue<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 10))]);
}

/** The Save As dialog closes (Cancel, Escape, or after a save). */
const closeDialog = () => useUi.getState().show(null);

afterEach(closeDialog);

describe('waiting for Save As (a Save that had to ask for a path)', () => {
  it('shows Save As and waits until it ends', async () => {
    const outcome = askWhereToSave();
    expect(useUi.getState().modal).toBe('save-as');
    expect(await settledValue(outcome)).toBe('pending');
    closeDialog();
    expect(await outcome).toBe('cancelled');
  });

  it('answers with the outcome of saving to the chosen path, not with the close that follows the choice', async () => {
    for (const result of ['saved', 'failed'] as const) {
      const outcome = askWhereToSave();
      let finish: (value: SaveOutcome) => void = () => undefined;
      saveAsChosen(new Promise<SaveOutcome>((resolve) => (finish = resolve)));
      closeDialog();
      expect(await settledValue(outcome)).toBe('pending');
      finish(result);
      expect(await outcome).toBe(result);
    }
  });

  it('answers every caller waiting on the same dialog, and a save that throws counts as failed', async () => {
    const fromShortcut = askWhereToSave();
    const fromClosing = askWhereToSave();
    saveAsChosen(Promise.reject(new Error('disk full')));
    expect(await Promise.all([fromShortcut, fromClosing])).toEqual(['failed', 'failed']);
  });

  it('another dialog taking Save As\'s place counts as closing it: nobody waits forever', async () => {
    const outcome = askWhereToSave();
    useUi.getState().show('export');
    expect(await outcome).toBe('cancelled');
  });

  it('a Save As nobody waited for leaves the next caller waiting for its own dialog', async () => {
    saveAsChosen(Promise.resolve('saved'));
    closeDialog();
    const outcome = askWhereToSave();
    expect(await settledValue(outcome)).toBe('pending');
    closeDialog();
    expect(await outcome).toBe('cancelled');
  });
});
