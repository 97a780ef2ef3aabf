import { create } from 'zustand';
import { overlapModes, type OverlapMode } from '../../src/model/edits/overlap-edits';
import type { SnapSetting } from '../../src/model/snap';

/** Zoom range in pixels per beat; at the far end an hour at 120 BPM fits in 1,800 px. */
export const minPixelsPerBeat = 0.25;
export const maxPixelsPerBeat = 480;

/** Where the lanes are scrolled: the first beat in view at the left edge, and pixels down. */
export interface ScrollPosition {
  readonly beats: number;
  readonly top: number;
}

/** Where the overlap choice is kept between sessions: the window's local storage (absent in Node tests). */
const overlapKey = 'glowroom.timeline.overlap';
const storage = (globalThis as { readonly localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

/** Where "Move automation with clips" is kept: on unless switched off. */
const automationFollowsKey = 'glowroom.timeline.automation-follows-clips';

function storedOverlap(): OverlapMode {
  const stored = storage?.getItem(overlapKey);
  return overlapModes.find((mode) => mode === stored) ?? 'trim';
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
  /** What a clip put down over others does to them: trim them (Ableton) or layer (FL Studio). Kept between sessions. */
  readonly overlap: OverlapMode;
  /** Moving or duplicating clips carries the automation of their track under them (on by default, as in Ableton Live and Bitwig). Kept between sessions. */
  readonly automationFollowsClips: boolean;
  setZoom(pixelsPerBeat: number): void;
  setSnap(snap: SnapSetting): void;
  select(clipIds: readonly string[]): void;
  toggleSelected(clipId: string): void;
  setFollow(follow: boolean): void;
  hover(clipId: string | null): void;
  scrolled(position: ScrollPosition): void;
  scrollTo(position: ScrollPosition | null): void;
  setOverlap(overlap: OverlapMode): void;
  setAutomationFollowsClips(follows: boolean): void;
}

export const useTimeline = create<TimelineState>()((set, get) => ({
  pixelsPerBeat: 28,
  snap: 'beat',
  selection: [],
  follow: true,
  hovered: null,
  scroll: { beats: 0, top: 0 },
  scrollRequest: null,
  overlap: storedOverlap(),
  automationFollowsClips: storage?.getItem(automationFollowsKey) !== 'off',
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
  setOverlap(overlap) {
    storage?.setItem(overlapKey, overlap);
    set({ overlap });
  },
  setAutomationFollowsClips(follows) {
    storage?.setItem(automationFollowsKey, follows ? 'on' : 'off');
    set({ automationFollowsClips: follows });
  },
}));
