import { create } from 'zustand';

/** What the tempo dialog asks about: a loop whose tempo is not known. */
export interface TempoQuestion {
  readonly name: string;
  readonly durationSeconds: number;
  /** Quarter notes in a bar of the song, for the guesses from the loop's length. */
  readonly barBeats: number;
  /** Placing a loop may go ahead at its own speed instead ('unwarped'); warping a clip may not. */
  readonly placing: boolean;
}

/** A tempo in BPM; 'unwarped': place it at its own speed; null: do not place it. */
export type TempoAnswer = number | 'unwarped' | null;

interface TempoQuestionState {
  /** The open question, or null while the dialog is closed. */
  readonly question: TempoQuestion | null;
  /** Opens the dialog (answering null to a question still open); resolves with the user's answer. */
  ask(question: TempoQuestion): Promise<TempoAnswer>;
  answer(answer: TempoAnswer): void;
}

let pending: ((answer: TempoAnswer) => void) | null = null;

/** The one tempo dialog of the window: the library asks it when a loop to warp has no known tempo. */
export const useTempoQuestion = create<TempoQuestionState>()((set) => ({
  question: null,
  ask(question) {
    pending?.(null);
    return new Promise<TempoAnswer>((resolve) => {
      pending = resolve;
      set({ question });
    });
  },
  answer(answer) {
    const resolve = pending;
    pending = null;
    set({ question: null });
    resolve?.(answer);
  },
}));
