import { create } from 'zustand';
import type { ClipRef } from '../../src/model/edits/selection';

/** Which clip the waveform editor shows; null while it is closed. */
export const useEditor = create<{ readonly target: ClipRef | null; open(ref: ClipRef): void; close(): void }>()((set) => ({
  target: null,
  open: (target) => set({ target }),
  close: () => set({ target: null }),
}));
