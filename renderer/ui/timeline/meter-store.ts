import { create } from 'zustand';

/** The ruler's menu: where it opens (window coordinates), the 0-based bar under the pointer, and the meter right-clicked (its bar, 0 for the song's own), if any. */
export interface RulerMenuAt {
  readonly x: number;
  readonly y: number;
  readonly bar: number;
  readonly change: number | null;
}

/** The time signature dialog: the 0-based bar it starts at, and the meter it edits (its bar, 0 for the song's own; null: adds a change). */
export interface MeterDialogFor {
  readonly bar: number;
  readonly change: number | null;
}

interface MeterUi {
  readonly menu: RulerMenuAt | null;
  readonly dialog: MeterDialogFor | null;
  openMenu(at: RulerMenuAt): void;
  closeMenu(): void;
  openDialog(target: MeterDialogFor): void;
  closeDialog(): void;
}

/** Which of the ruler's menu and the time signature dialog is open (one at a time). */
export const useMeterUi = create<MeterUi>()((set) => ({
  menu: null,
  dialog: null,
  openMenu: (menu) => set({ menu, dialog: null }),
  closeMenu: () => set({ menu: null }),
  openDialog: (dialog) => set({ dialog, menu: null }),
  closeDialog: () => set({ dialog: null }),
}));
