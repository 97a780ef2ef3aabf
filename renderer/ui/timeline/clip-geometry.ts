import type { AudioClip, Clip } from '../../../src/model/project-schema';
import type { Clock } from '../../../src/std/clock';
import { beats, seconds } from '../../../src/std/units';

/** Clips are never drawn narrower than this (px), so a very short clip can still be seen and grabbed. */
export const minClipWidth = 4;
/** Below this width (px) a clip has no handles: its whole body moves it. */
export const minHandleWidth = 12;
/** Below this width (px) a clip is short: its middle third always moves it, and it has no gain knob. */
export const shortClipWidth = 96;
/** Space (px) between a clip and the top and bottom of its lane. */
export const clipInset = 4;
/** How much lower (px) a clip is drawn per clip it lies over, so the one underneath shows above it. */
export const layerStep = 10;
/** Width (px) of the trim zones at a clip's edges. */
export const trimZone = 6;
/** Side (px) of the fade handle squares and the loop handle triangle. */
export const fadeHandleSize = 8;
export const loopHandleSize = 12;

/** The gain knob's travel: the top of a clip is this many dB, the bottom `knobBottomDb`. */
export const knobTopDb = 12;
export const knobBottomDb = -36;
/** Radius (px) of the gain knob, and how near (px) a press must be to take it. */
export const knobRadius = 5;
const knobReach = 7;

/** What a drag on a clip does, by where it starts. */
export type ClipPart = 'move' | 'trim-start' | 'trim-end' | 'loop' | 'fade-in' | 'fade-out' | 'gain';

/** A clip's box in lane pixels: x from the lane's left edge (beat 0), y from the top of its row. */
export interface ClipBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A clip's box. `depth` (from `trackLayers`) lowers a clip that lies over others by `layerStep`
 * per layer, never by more than half the lane, so the clips underneath stay visible and can be
 * grabbed by the strip above it.
 */
export function clipBox(clip: Clip, pixelsPerBeat: number, rowHeight: number, depth = 0): ClipBox {
  const full = Math.max(1, rowHeight - 2 * clipInset);
  const lift = Math.min(depth * layerStep, Math.floor(full / 2));
  return { x: clip.start * pixelsPerBeat, y: clipInset + lift, width: Math.max(minClipWidth, clip.length * pixelsPerBeat), height: full - lift };
}

/**
 * Lengths in pixels of the clip's fades, given in seconds of source time (a clip at rate 2 plays
 * its fade in half the time): the fade-in from the clip's start, the fade-out back from its end.
 */
export function fadeWidths(clip: AudioClip, clock: Clock, pixelsPerBeat: number): { readonly fadeIn: number; readonly fadeOut: number } {
  return {
    fadeIn: clock.beatsOver(beats(clip.start), seconds(clip.fadeIn / clip.rate)) * pixelsPerBeat,
    fadeOut: -clock.beatsOver(beats(clip.start + clip.length), seconds(-clip.fadeOut / clip.rate)) * pixelsPerBeat,
  };
}

/** Where a clip's gain knob sits: centred, as high as its gain on the knob's travel (clamped to the clip). */
export function gainKnob(box: ClipBox, gainDb: number): { readonly x: number; readonly y: number } {
  const travel = Math.max(0, box.height - 2 * knobRadius);
  const share = (knobTopDb - Math.min(knobTopDb, Math.max(knobBottomDb, gainDb))) / (knobTopDb - knobBottomDb);
  return { x: box.x + box.width / 2, y: box.y + knobRadius + share * travel };
}

/** Decibels per pixel of knob travel in a clip this tall. */
export function gainPerPixel(box: ClipBox): number {
  return (knobTopDb - knobBottomDb) / Math.max(1, box.height - 2 * knobRadius);
}

/** Sizes (px) of a clip's handles; 0 where it has none. */
export interface HandleSizes {
  /** Width of each trim zone. */
  readonly edge: number;
  /** Side of the fade squares. */
  readonly fade: number;
  /** Side of the loop tab. */
  readonly loop: number;
  readonly knob: boolean;
}

const noHandles: HandleSizes = { edge: 0, fade: 0, loop: 0, knob: false };

/**
 * The handles of a clip this wide. On a short clip each shrinks to at most a third of the clip
 * (and the gain knob goes), so handles never take over a small clip: its middle third moves it.
 */
export function handleSizes(box: ClipBox): HandleSizes {
  if (box.width < minHandleWidth) return noHandles;
  const third = box.width / 3;
  return { edge: Math.min(trimZone, third), fade: Math.min(fadeHandleSize, third), loop: Math.min(loopHandleSize, third), knob: box.width >= shortClipWidth };
}

/**
 * The part of a clip under a point (lane pixels, y from the top of the row), or null when the point
 * is outside the clip. The middle third of a short clip always moves it; elsewhere handles win
 * over the body: loop tab, fade squares, gain knob, then the trim edges.
 */
export function partAt(clip: Clip, box: ClipBox, x: number, y: number, clock: Clock, pixelsPerBeat: number): ClipPart | null {
  if (x < box.x || x > box.x + box.width || y < box.y || y > box.y + box.height) return null;
  const sizes = handleSizes(box);
  const right = box.x + box.width;
  if (clip.loop && sizes.loop > 0 && x >= right - sizes.loop && y >= box.y + box.height - sizes.loop) return 'loop';
  if (!sizes.knob && x - box.x >= box.width / 3 && right - x >= box.width / 3) return 'move';
  if (clip.kind === 'audio' && sizes.fade > 0 && y <= box.y + sizes.fade) {
    const fades = fadeWidths(clip, clock, pixelsPerBeat);
    const fadeInX = box.x + fades.fadeIn;
    const fadeOutX = right - fades.fadeOut;
    if (Math.abs(x - fadeInX) <= sizes.fade / 2) return 'fade-in';
    if (Math.abs(x - fadeOutX) <= sizes.fade / 2) return 'fade-out';
  }
  if (clip.kind === 'audio' && sizes.knob) {
    const knob = gainKnob(box, clip.gainDb);
    if (Math.hypot(x - knob.x, y - knob.y) <= knobReach) return 'gain';
  }
  if (x - box.x < sizes.edge) return 'trim-start';
  if (right - x < sizes.edge) return 'trim-end';
  return 'move';
}

/** The mouse cursor that tells what dragging a part does. */
export function cursorOf(part: ClipPart | null): string {
  switch (part) {
    case 'move':
      return 'grab';
    case 'trim-start':
    case 'trim-end':
      return 'ew-resize';
    case 'fade-in':
    case 'fade-out':
      return 'col-resize';
    case 'loop':
      return 'e-resize';
    case 'gain':
      return 'ns-resize';
    case null:
      return '';
  }
}
