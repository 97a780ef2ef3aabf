import { create } from 'zustand';
import type { AutomationClipboard, LaneAddress } from '../../src/model/edits/automation-edits';

/**
 * What the arrangement shows of automation (view state, not the document): per track, the
 * parameter whose lane is shown over its clips (none: the clips are edited); the selected points
 * of one lane; and the copied points.
 */
interface AutomationViewState {
  /** By track id. */
  readonly shown: Readonly<Record<string, LaneAddress>>;
  readonly selection: { readonly lane: LaneAddress; readonly indices: readonly number[] } | null;
  readonly clipboard: AutomationClipboard | null;
  show(trackId: string, lane: LaneAddress | null): void;
  select(lane: LaneAddress, indices: readonly number[]): void;
  setClipboard(clipboard: AutomationClipboard | null): void;
}

export const useAutomationView = create<AutomationViewState>()((set) => ({
  shown: {},
  selection: null,
  clipboard: null,
  show: (trackId, lane) =>
    set((state) => {
      const shown = { ...state.shown };
      if (lane) shown[trackId] = lane;
      else delete shown[trackId];
      return { shown, selection: null };
    }),
  select: (lane, indices) => set({ selection: { lane, indices } }),
  setClipboard: (clipboard) => set({ clipboard }),
}));

/** Whether two addresses name the same parameter. */
export function sameLane(a: LaneAddress | null | undefined, b: LaneAddress | null | undefined): boolean {
  return !!a && !!b && a.target === b.target && a.param === b.param;
}
