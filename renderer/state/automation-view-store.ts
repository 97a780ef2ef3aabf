import { create } from 'zustand';
import type { AutomationClipboard, LaneAddress } from '../../src/model/edits/automation-edits';

/** Where "Buses and master" rows shown or hidden is kept between sessions: the window's local storage (absent in Node tests). */
const channelRowsKey = 'glowroom.timeline.channel-rows';
const storage = (globalThis as { readonly localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

/**
 * What the arrangement shows of automation (view state, not the document): whether the buses and
 * the master have rows under the tracks, the channels (tracks, buses, the master, by id) whose
 * automation rows are open (one row per automated parameter), the parameters given a row before
 * they have points, the selected points of one lane, and the copied points.
 */
interface AutomationViewState {
  /** Rows for the buses and the master under the tracks; shown unless hidden (remembered in local storage). */
  readonly channelRowsShown: boolean;
  /** Channel ids whose automation rows are open. */
  readonly expanded: Readonly<Record<string, true>>;
  /** By channel id: parameters picked from "Add automation lane" (a row even without points). */
  readonly added: Readonly<Record<string, readonly LaneAddress[]>>;
  readonly selection: { readonly lane: LaneAddress; readonly indices: readonly number[] } | null;
  readonly clipboard: AutomationClipboard | null;
  showChannelRows(shown: boolean): void;
  setExpanded(channelId: string, open: boolean): void;
  /** Gives a parameter a row under its channel (and opens the rows). */
  addRow(channelId: string, lane: LaneAddress): void;
  /** Takes a parameter's row away (the caller removes its points). */
  removeRow(channelId: string, lane: LaneAddress): void;
  select(lane: LaneAddress, indices: readonly number[]): void;
  setClipboard(clipboard: AutomationClipboard | null): void;
}

export const useAutomationView = create<AutomationViewState>()((set) => ({
  channelRowsShown: storage?.getItem(channelRowsKey) !== 'hidden',
  expanded: {},
  added: {},
  selection: null,
  clipboard: null,
  showChannelRows: (shown) => {
    storage?.setItem(channelRowsKey, shown ? 'shown' : 'hidden');
    set({ channelRowsShown: shown });
  },
  setExpanded: (channelId, open) =>
    set((state) => {
      const expanded = { ...state.expanded };
      if (open) expanded[channelId] = true;
      else delete expanded[channelId];
      return { expanded, selection: null };
    }),
  addRow: (channelId, lane) =>
    set((state) => {
      const rows = state.added[channelId] ?? [];
      return { expanded: { ...state.expanded, [channelId]: true }, added: rows.some((row) => sameLane(row, lane)) ? state.added : { ...state.added, [channelId]: [...rows, lane] } };
    }),
  removeRow: (channelId, lane) =>
    set((state) => ({
      added: { ...state.added, [channelId]: (state.added[channelId] ?? []).filter((row) => !sameLane(row, lane)) },
      selection: sameLane(state.selection?.lane, lane) ? null : state.selection,
    })),
  select: (lane, indices) => set({ selection: { lane, indices } }),
  setClipboard: (clipboard) => set({ clipboard }),
}));

/** Whether two addresses name the same parameter. */
export function sameLane(a: LaneAddress | null | undefined, b: LaneAddress | null | undefined): boolean {
  return !!a && !!b && a.target === b.target && a.param === b.param;
}
