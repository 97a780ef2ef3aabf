import { create } from 'zustand';
import type { AutomationClipboard, LaneAddress } from '../../src/model/edits/automation-edits';

/**
 * What the arrangement shows of automation (view state, not the document): the tracks whose
 * automation rows are open (one row per automated parameter under the track), the parameters
 * given a row before they have points, the selected points of one lane, and the copied points.
 */
interface AutomationViewState {
  /** Track ids whose automation rows are open. */
  readonly expanded: Readonly<Record<string, true>>;
  /** By track id: parameters picked from "Add automation lane" (a row even without points). */
  readonly added: Readonly<Record<string, readonly LaneAddress[]>>;
  readonly selection: { readonly lane: LaneAddress; readonly indices: readonly number[] } | null;
  readonly clipboard: AutomationClipboard | null;
  setExpanded(trackId: string, open: boolean): void;
  /** Gives a parameter a row under its track (and opens the rows). */
  addRow(trackId: string, lane: LaneAddress): void;
  /** Takes a parameter's row away (the caller removes its points). */
  removeRow(trackId: string, lane: LaneAddress): void;
  select(lane: LaneAddress, indices: readonly number[]): void;
  setClipboard(clipboard: AutomationClipboard | null): void;
}

export const useAutomationView = create<AutomationViewState>()((set) => ({
  expanded: {},
  added: {},
  selection: null,
  clipboard: null,
  setExpanded: (trackId, open) =>
    set((state) => {
      const expanded = { ...state.expanded };
      if (open) expanded[trackId] = true;
      else delete expanded[trackId];
      return { expanded, selection: null };
    }),
  addRow: (trackId, lane) =>
    set((state) => {
      const rows = state.added[trackId] ?? [];
      return { expanded: { ...state.expanded, [trackId]: true }, added: rows.some((row) => sameLane(row, lane)) ? state.added : { ...state.added, [trackId]: [...rows, lane] } };
    }),
  removeRow: (trackId, lane) =>
    set((state) => ({
      added: { ...state.added, [trackId]: (state.added[trackId] ?? []).filter((row) => !sameLane(row, lane)) },
      selection: sameLane(state.selection?.lane, lane) ? null : state.selection,
    })),
  select: (lane, indices) => set({ selection: { lane, indices } }),
  setClipboard: (clipboard) => set({ clipboard }),
}));

/** Whether two addresses name the same parameter. */
export function sameLane(a: LaneAddress | null | undefined, b: LaneAddress | null | undefined): boolean {
  return !!a && !!b && a.target === b.target && a.param === b.param;
}
