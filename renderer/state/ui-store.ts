import { create } from 'zustand';

/** Which modal the shell shows; one at a time. */
export type Modal = 'open' | 'save-as' | 'shortcuts' | 'guide' | 'export' | null;

interface UiState {
  readonly modal: Modal;
  /** Whether the mixer panel shows under the arrangement. */
  readonly mixerOpen: boolean;
  /** Whether the "Getting started" panel is shown (on the first run, and from Help). */
  readonly gettingStarted: boolean;
  show(modal: Modal): void;
  toggleMixer(): void;
  showMixer(open: boolean): void;
  showGettingStarted(shown: boolean): void;
}

export const useUi = create<UiState>()((set, get) => ({
  modal: null,
  mixerOpen: false,
  gettingStarted: false,
  show: (modal) => set({ modal }),
  toggleMixer: () => set({ mixerOpen: !get().mixerOpen }),
  showMixer: (mixerOpen) => set({ mixerOpen }),
  showGettingStarted: (gettingStarted) => set({ gettingStarted }),
}));
