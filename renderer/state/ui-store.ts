import { create } from 'zustand';

/** Which modal the shell shows; one at a time. */
export type Modal = 'open' | 'save-as' | 'shortcuts' | 'export' | null;

export const useUi = create<{ readonly modal: Modal; show(modal: Modal): void }>()((set) => ({
  modal: null,
  show: (modal) => set({ modal }),
}));
