import { create } from 'zustand';

/** Which modal the shell shows; one at a time. */
export type Modal = 'open' | 'save-as' | 'shortcuts' | 'export' | null;

interface UiState {
  readonly modal: Modal;
  /** Whether the mixer panel shows under the arrangement. */
  readonly mixerOpen: boolean;
  show(modal: Modal): void;
  toggleMixer(): void;
}

export const useUi = create<UiState>()((set, get) => ({
  modal: null,
  mixerOpen: false,
  show: (modal) => set({ modal }),
  toggleMixer: () => set({ mixerOpen: !get().mixerOpen }),
}));
