import { create } from 'zustand';

/** What the user answered to "Save changes before …?". */
export type UnsavedAnswer = 'save' | 'discard' | 'cancel';

interface UnsavedQuestion {
  /** The project's name, as the title shows it. */
  readonly name: string;
  /** What replaces the document, as the end of a sentence: "starting a new project". */
  readonly action: string;
  answer(answer: UnsavedAnswer): void;
}

/** The question the unsaved-changes dialog shows; null while none is asked. */
export const useUnsavedQuestion = create<{ readonly question: UnsavedQuestion | null }>()(() => ({ question: null }));

/** Asks Save / Don't Save / Cancel in the app's dialog. A newer question cancels one still open. */
export function askAboutUnsavedChanges(name: string, action: string): Promise<UnsavedAnswer> {
  useUnsavedQuestion.getState().question?.answer('cancel');
  return new Promise((resolve) => {
    const question: UnsavedQuestion = {
      name,
      action,
      answer(answer) {
        if (useUnsavedQuestion.getState().question === question) useUnsavedQuestion.setState({ question: null });
        resolve(answer);
      },
    };
    useUnsavedQuestion.setState({ question });
  });
}
