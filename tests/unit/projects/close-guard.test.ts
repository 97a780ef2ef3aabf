import { describe, expect, it } from 'vitest';
import { choiceAt, CloseGuard, closeButtons } from '../../../electron/services/close-guard';

describe('closing the window with unsaved changes', () => {
  it('offers Save, Don’t Save and Cancel; a dismissed prompt is Cancel', () => {
    expect(closeButtons.map((b) => b.label)).toEqual(['Save', "Don't Save", 'Cancel']);
    expect([0, 1, 2, -1, 3].map(choiceAt)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel']);
  });

  it('closes at once when nothing is unsaved, and asks when something is', () => {
    const guard = new CloseGuard();
    expect(guard.closing(false)).toEqual({ kind: 'proceed' });
    expect(guard.closing(true)).toEqual({ kind: 'ask' });
  });

  it('Don’t Save closes, and the close that follows is not asked about again', () => {
    const guard = new CloseGuard();
    guard.closing(true);
    expect(guard.chose('discard')).toEqual({ kind: 'close' });
    expect(guard.closing(true)).toEqual({ kind: 'proceed' });
  });

  it('Save asks the page to save and closes only when it answers saved', () => {
    const guard = new CloseGuard();
    guard.closing(true);
    const step = guard.chose('save');
    if (step.kind !== 'save') throw new Error(`expected a save request, got ${step.kind}`);
    expect(guard.saveAnswered(step.requestId, 'saved')).toEqual({ kind: 'close' });
    // The page may not have reported its clean state yet: the close that follows goes through.
    expect(guard.closing(true)).toEqual({ kind: 'proceed' });
  });

  it('a cancelled Save As or a failed save keeps the window open and asks again next time', () => {
    for (const outcome of ['cancelled', 'failed'] as const) {
      const guard = new CloseGuard();
      guard.closing(true);
      const step = guard.chose('save');
      if (step.kind !== 'save') throw new Error(`expected a save request, got ${step.kind}`);
      expect(guard.saveAnswered(step.requestId, outcome)).toEqual({ kind: 'stay' });
      expect(guard.closing(true)).toEqual({ kind: 'ask' });
    }
  });

  it('only the latest save request counts: closing again while a Save runs makes its answer stale', () => {
    const guard = new CloseGuard();
    guard.closing(true);
    const first = guard.chose('save');
    expect(guard.closing(true)).toEqual({ kind: 'ask' });
    const second = guard.chose('save');
    if (first.kind !== 'save' || second.kind !== 'save') throw new Error('expected two save requests');
    expect(second.requestId).not.toBe(first.requestId);
    expect(guard.saveAnswered(first.requestId, 'saved')).toEqual({ kind: 'stay' });
    expect(guard.saveAnswered(second.requestId, 'saved')).toEqual({ kind: 'close' });
    expect(guard.saveAnswered(second.requestId, 'saved')).toEqual({ kind: 'stay' });
  });

  it('a quit that asked the window to close is taken up again after Save or Don’t Save, and called off by Cancel', () => {
    const saving = new CloseGuard();
    saving.quitRequested();
    saving.closing(true);
    const step = saving.chose('save');
    if (step.kind !== 'save') throw new Error(`expected a save request, got ${step.kind}`);
    expect(saving.saveAnswered(step.requestId, 'saved')).toEqual({ kind: 'quit' });

    const discarding = new CloseGuard();
    discarding.quitRequested();
    discarding.closing(true);
    expect(discarding.chose('discard')).toEqual({ kind: 'quit' });

    const cancelling = new CloseGuard();
    cancelling.quitRequested();
    cancelling.closing(true);
    expect(cancelling.chose('cancel')).toEqual({ kind: 'stay' });
    cancelling.closing(true);
    // Closing the window by itself later is only a close.
    expect(cancelling.chose('discard')).toEqual({ kind: 'close' });
  });
});
