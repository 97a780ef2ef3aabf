import { create } from 'zustand';
import type { SnapSetting } from '../../src/model/snap';

export const minPixelsPerBeat = 2;
export const maxPixelsPerBeat = 480;

interface TimelineState {
  /** Horizontal zoom. */
  readonly pixelsPerBeat: number;
  readonly snap: SnapSetting;
  /** Selected clips by id (clip ids are unique across the project). */
  readonly selection: readonly string[];
  /** Keep the playhead in view while playing. */
  readonly follow: boolean;
  /** The clip under the mouse, whose handles the timeline shows. */
  readonly hovered: string | null;
  setZoom(pixelsPerBeat: number): void;
  setSnap(snap: SnapSetting): void;
  select(clipIds: readonly string[]): void;
  toggleSelected(clipId: string): void;
  setFollow(follow: boolean): void;
  hover(clipId: string | null): void;
}

export const useTimeline = create<TimelineState>()((set, get) => ({
  pixelsPerBeat: 28,
  snap: 'beat',
  selection: [],
  follow: true,
  hovered: null,
  setZoom: (pixelsPerBeat) => set({ pixelsPerBeat: Math.min(maxPixelsPerBeat, Math.max(minPixelsPerBeat, pixelsPerBeat)) }),
  setSnap: (snap) => set({ snap }),
  select: (selection) => set({ selection }),
  toggleSelected(clipId) {
    const selection = get().selection;
    set({ selection: selection.includes(clipId) ? selection.filter((id) => id !== clipId) : [...selection, clipId] });
  },
  setFollow: (follow) => set({ follow }),
  hover(clipId) {
    if (get().hovered !== clipId) set({ hovered: clipId });
  },
}));
