/**
 * What closing the window does while the project has unsaved changes: ask Save / Don't Save /
 * Cancel; Save asks the page to save as Ctrl+S does (which may ask for a path in the page) and
 * lets the window close only once the page answers 'saved'. Knows nothing of Electron:
 * electron/main feeds it the window's events and carries out the steps it returns.
 */
import type { SaveOutcome } from '../../src/protocol/ipc';

/** The prompt's buttons, in the order shown; the answer is the index of the one clicked. */
export const closeButtons = [
  { choice: 'save', label: 'Save' },
  { choice: 'discard', label: "Don't Save" },
  { choice: 'cancel', label: 'Cancel' },
] as const;
export type CloseChoice = (typeof closeButtons)[number]['choice'];

/** The choice of the button at `index`; anything else (the prompt dismissed) is Cancel. */
export function choiceAt(index: number): CloseChoice {
  return closeButtons[index]?.choice ?? 'cancel';
}

/** What the host does next. */
export type CloseStep =
  /** Let the close under way go on. */
  | { readonly kind: 'proceed' }
  /** Hold the close and ask the user (`closeButtons`). */
  | { readonly kind: 'ask' }
  /** Close the window now. */
  | { readonly kind: 'close' }
  /** Quit now: a quit was what asked the window to close. */
  | { readonly kind: 'quit' }
  /** Ask the page to save, tagged `requestId`; its answer goes to `saveAnswered`. */
  | { readonly kind: 'save'; readonly requestId: string }
  /** Keep the window open. */
  | { readonly kind: 'stay' };

export class CloseGuard {
  /** The user settled it (Don't Save, or a Save that succeeded): the next close is not asked about. */
  private settled = false;
  /** Set while a quit waits on this window, so it can be taken up again once the window may close. */
  private quitting = false;
  /** The save request whose answer may close the window; older ones no longer count. */
  private awaited: string | null = null;
  private requests = 0;

  /** The app was asked to quit (menu, dock, logout). */
  quitRequested(): void {
    this.quitting = true;
  }

  /** The window is about to close; `dirty` is what the page last reported. */
  closing(dirty: boolean): CloseStep {
    if (this.settled || !dirty) return { kind: 'proceed' };
    // Asking again (the user closed once more while a Save ran): only the new answer counts.
    this.awaited = null;
    return { kind: 'ask' };
  }

  /** The user's answer to the prompt. */
  chose(choice: CloseChoice): CloseStep {
    if (choice === 'discard') return this.settle();
    if (choice === 'cancel') return this.callOff();
    this.awaited = `save-${++this.requests}`;
    return { kind: 'save', requestId: this.awaited };
  }

  /** The page's answer to a save request: the window closes only when the awaited one says 'saved'. */
  saveAnswered(requestId: string, outcome: SaveOutcome): CloseStep {
    if (requestId !== this.awaited) return { kind: 'stay' };
    this.awaited = null;
    return outcome === 'saved' ? this.settle() : this.callOff();
  }

  private settle(): CloseStep {
    this.settled = true;
    return { kind: this.quitting ? 'quit' : 'close' };
  }

  /** Staying open also calls off a quit that asked the window to close. */
  private callOff(): CloseStep {
    this.quitting = false;
    return { kind: 'stay' };
  }
}
