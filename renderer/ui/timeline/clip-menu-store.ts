import { create } from 'zustand';

/** Where the clip menu (a right-click on a clip) is open, in window coordinates; null when closed. */
export const useClipMenu = create<{ readonly at: { readonly x: number; readonly y: number } | null; open(x: number, y: number): void; close(): void }>()((set) => ({
  at: null,
  open: (x, y) => set({ at: { x, y } }),
  close: () => set({ at: null }),
}));
