import { create } from 'zustand';

/** The bundle prompts the shell can show (beside the modals of the ui store). */
export type FilePrompt =
  | { readonly kind: 'export-bundle' }
  /** `zipPath` is filled in when the OS handed Glowroom a bundle to open. */
  | { readonly kind: 'open-bundle'; readonly zipPath: string };

export const useFilePrompt = create<{ readonly prompt: FilePrompt | null; show(prompt: FilePrompt | null): void }>()((set) => ({
  prompt: null,
  show: (prompt) => set({ prompt }),
}));
