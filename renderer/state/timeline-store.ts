import { create } from 'zustand';
import type { SnapSetting } from '../../src/model/snap';

/** Zoom range in pixels per beat; at the far end an hour at 120 BPM fits in 1,800 px. */
export const minPixelsPerBeat = 0.25;
export const maxPixelsPerBeat = 480;

/** Where the lanes are scrolled: the first beat in view at the left edge, and pixels down. */
export interface ScrollPosition {
  readonly beats: number;
  readonly top: number;
}

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
  /** Where the timeline is scrolled, as it reports it. */
  readonly scroll: ScrollPosition;
  /** Where the timeline should scroll to (a reopened project's view); null once it has. */
  readonly scrollRequest: ScrollPosition | null;
  setZoom(pixelsPerBeat: number): void;
  setSnap(snap: SnapSetting): void;
  select(clipIds: readonly string[]): void;
  toggleSelected(clipId: string): void;
  setFollow(follow: boolean): void;
  hover(clipId: string | null): void;
  scrolled(position: ScrollPosition): void;
  scrollTo(position: ScrollPosition | null): void;
}

export const useTimeline = create<TimelineState>()((set, get) => ({
  pixelsPerBeat: 28,
  snap: 'beat',
  selection: [],
  follow: true,
  hovered: null,
  scroll: { beats: 0, top: 0 },
  scrollRequest: null,
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
  scrolled(position) {
    const { scroll } = get();
    if (scroll.beats !== position.beats || scroll.top !== position.top) set({ scroll: position });
  },
  scrollTo: (scrollRequest) => set({ scrollRequest }),
}));
