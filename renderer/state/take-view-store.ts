import { create } from 'zustand';

/** Which tracks show their take lanes (view state, not the document): one lane per recorded pass under the track's lane. */
interface TakeViewState {
  readonly open: Readonly<Record<string, true>>;
  setOpen(trackId: string, open: boolean): void;
}

export const useTakeView = create<TakeViewState>()((set) => ({
  open: {},
  setOpen: (trackId, open) =>
    set((state) => {
      const next = { ...state.open };
      if (open) next[trackId] = true;
      else delete next[trackId];
      return { open: next };
    }),
}));
