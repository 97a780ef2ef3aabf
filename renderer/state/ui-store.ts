import { create } from 'zustand';
import { parseKey } from '../../src/analysis/musical-key';

/** Which modal the shell shows; one at a time. */
export type Modal = 'open' | 'save-as' | 'shortcuts' | 'guide' | 'export' | null;

interface UiState {
  readonly modal: Modal;
  /** Whether the mixer panel shows under the arrangement. */
  readonly mixerOpen: boolean;
  /** Whether the "Getting started" panel is shown (on the first run, and from Help). */
  readonly gettingStarted: boolean;
  /** The device whose editor is open (an insert's id), or null. */
  readonly editingDevice: string | null;
  /** The song's key (a normalised key, `A minor`) that previews may be transposed to; null: not set. Remembered with the view. */
  readonly songKey: string | null;
  show(modal: Modal): void;
  toggleMixer(): void;
  showMixer(open: boolean): void;
  showGettingStarted(shown: boolean): void;
  /** Opens the editor of device `id` (closing another), or closes it with null. */
  editDevice(id: string | null): void;
  setSongKey(key: string | null): void;
}

export const useUi = create<UiState>()((set, get) => ({
  modal: null,
  mixerOpen: false,
  gettingStarted: false,
  editingDevice: null,
  songKey: null,
  show: (modal) => set({ modal }),
  editDevice: (id) => set({ editingDevice: id }),
  toggleMixer: () => set({ mixerOpen: !get().mixerOpen }),
  showMixer: (mixerOpen) => set({ mixerOpen }),
  showGettingStarted: (gettingStarted) => set({ gettingStarted }),
  setSongKey: (key) => set({ songKey: key === null ? null : parseKey(key) }),
}));
