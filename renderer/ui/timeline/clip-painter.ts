import type { AudioClip, Clip, NoteClip, Pattern } from '../../../src/model/project-schema';
import type { Clock } from '../../../src/std/clock';
import { beats } from '../../../src/std/units';
import { fadeWidths, gainKnob, handleSizes, knobRadius, type ClipBox } from './clip-geometry';
import type { CoveredSpan } from './clip-layers';
import { formatDb } from '../format';
import { placedNotes, previewRows } from './note-preview';
import { withAlpha, type TimelinePalette } from './timeline-palette';

/** Below this width (px) a clip draws no waveform, and below `nameRoom` no name. */
const waveformRoom = 6;
const nameRoom = 40;
/** Height (px) of the name strip at the top of a clip tall enough to hold one. */
const nameStrip = 14;

/** How one clip looks right now. */
export interface ClipLook {
  readonly name: string;
  /** The track's colour, "#rrggbb". */
  readonly colour: string;
  /** Muted clips are drawn grey: they stay in place, silent. */
  readonly muted: boolean;
  readonly selected: boolean;
  readonly hovered: boolean;
  readonly missing: boolean;
  /** The source's waveform: min/max per bucket as signed bytes, over `seconds` of audio. */
  readonly peaks: { readonly data: Int8Array; readonly seconds: number } | null;
  /** A note clip's pattern, whether it plays a drum machine, and whether other clips share the pattern (linked copies). */
  readonly notes: { readonly pattern: Pattern; readonly drums: boolean; readonly linked: boolean } | null;
}

/** Where a clip sits among overlapping clips of its track (see `trackLayers`). */
export interface ClipLayer {
  /** It lies over another clip: drawn opaque, so the one underneath does not show through. */
  readonly raised: boolean;
  /** Spans (beats) that later clips cover: shaded and hatched, visible above the clip on top. */
  readonly covered: readonly CoveredSpan[];
}

/** What `paintClip` drew. */
export interface PaintedClip {
  readonly waveform: boolean;
  /** Notes drawn (a note clip's preview). */
  readonly notes: number;
  /** Covered spans drawn. */
  readonly overlaps: number;
}

/**
 * Draws a clip into the arrangement canvas at `box` (canvas pixels): body, waveform of the part
 * of the source it plays (offset, rate, loop and reverse as the engine plays them), name, fades,
 * the parts other clips cover and, when selected or under the mouse, its handles. Only columns in
 * [visibleLeft, visibleRight) are drawn, so a clip many screens wide costs one screen.
 */
export function paintClip(
  context: CanvasRenderingContext2D,
  clip: Clip,
  box: ClipBox,
  look: ClipLook,
  palette: TimelinePalette,
  view: { readonly clock: Clock; readonly pixelsPerBeat: number; readonly visibleLeft: number; readonly visibleRight: number },
  layer: ClipLayer,
): PaintedClip {
  const { x, y, width, height } = box;
  const tint = look.muted ? palette.mutedClip : look.colour;
  if (layer.raised) {
    // A shadow round its top and sides, then an opaque body: it reads as lying over the clip below.
    context.fillStyle = palette.overlapShadow;
    context.fillRect(x - 2, y - 2, width + 4, height + 2);
    context.fillStyle = palette.laneBackground;
    context.fillRect(x, y, width, height);
  }
  context.fillStyle = look.missing ? palette.missingFill : withAlpha(tint, look.selected ? 0.5 : 0.3);
  context.fillRect(x, y, width, height);

  const left = Math.max(x, view.visibleLeft);
  const right = Math.min(x + width, view.visibleRight);
  const named = width >= nameRoom && height >= 2 * nameStrip;
  const peaks = width >= waveformRoom && right > left && clip.kind === 'audio' ? look.peaks : null;
  if (peaks && clip.kind === 'audio') {
    const top = named ? y + nameStrip : y;
    paintWaveform(context, clip, peaks, { x, width, top, height: y + height - top }, left, right, look.muted ? palette.mutedWaveform : palette.waveform, view.clock);
  }
  const notes = clip.kind === 'notes' && look.notes && width >= waveformRoom && right > left ? look.notes : null;
  let notesDrawn = 0;
  if (notes && clip.kind === 'notes') {
    const top = named ? y + nameStrip : y;
    notesDrawn = paintNotes(context, clip, notes, { x, top, height: y + height - top - 2 }, left, right, look.muted ? palette.mutedWaveform : palette.waveform, view.pixelsPerBeat);
  }
  if (clip.kind === 'audio') paintFades(context, clip, box, palette.fadeShade, view);
  if (named) {
    context.save();
    context.beginPath();
    context.rect(x, y, width, nameStrip);
    context.clip();
    context.fillStyle = look.muted ? palette.textFaint : palette.text;
    const textLeft = Math.max(x, view.visibleLeft) + 4;
    let nameLeft = textLeft;
    if (look.notes?.linked) {
      paintLinkMark(context, textLeft, y + 7, look.muted ? palette.textFaint : palette.text);
      nameLeft += linkMarkWidth + 3;
    }
    context.fillText(look.muted ? `${look.name} (muted)` : look.name, nameLeft, y + 11);
    context.restore();
  }

  const overlaps = paintCovered(context, box, layer.covered, palette, view);

  context.lineWidth = 1;
  context.strokeStyle = look.selected ? palette.selectionEdge : look.missing ? palette.missingEdge : tint;
  context.setLineDash(look.missing ? [4, 3] : []);
  context.strokeRect(x + 0.5, y + 0.5, width - 1, height - 1);
  context.setLineDash([]);

  const sizes = handleSizes(box);
  if ((look.selected || look.hovered) && clip.kind === 'audio') {
    if (sizes.knob) {
      const knob = gainKnob(box, clip.gainDb);
      context.fillStyle = palette.gainLine;
      context.fillRect(x, Math.round(knob.y), width, 1);
      context.fillStyle = palette.handle;
      context.beginPath();
      context.arc(knob.x, knob.y, knobRadius, 0, 2 * Math.PI);
      context.fill();
      if (clip.gainDb !== 0) context.fillText(formatDb(clip.gainDb), knob.x + knobRadius + 3, knob.y + 4);
    }
    if (sizes.fade > 0) {
      context.fillStyle = palette.handle;
      const fades = fadeWidths(clip, view.clock, view.pixelsPerBeat);
      const fadeIn = x + fades.fadeIn;
      const fadeOut = x + width - fades.fadeOut;
      context.fillRect(fadeIn - sizes.fade / 2, y, sizes.fade, sizes.fade);
      context.fillRect(fadeOut - sizes.fade / 2, y, sizes.fade, sizes.fade);
    }
  }
  if (clip.loop && sizes.loop > 0) {
    context.fillStyle = palette.loopHandle;
    context.beginPath();
    context.moveTo(x + width, y + height - sizes.loop);
    context.lineTo(x + width, y + height);
    context.lineTo(x + width - sizes.loop, y + height);
    context.fill();
  }
  return { waveform: peaks !== null, notes: notesDrawn, overlaps };
}

/** Width (px) of the link mark a linked note clip shows before its name. */
const linkMarkWidth = 12;

/** Two interlocked rings: this clip shares its pattern with others (editing one edits all). */
function paintLinkMark(context: CanvasRenderingContext2D, left: number, middle: number, colour: string): void {
  context.strokeStyle = colour;
  context.lineWidth = 1.5;
  context.beginPath();
  context.ellipse(left + 4, middle, 3.5, 2.5, 0, 0, 2 * Math.PI);
  context.moveTo(left + 11.5, middle);
  context.ellipse(left + 8, middle, 3.5, 2.5, 0, 0, 2 * Math.PI);
  context.stroke();
  context.lineWidth = 1;
}

/**
 * A note clip's pattern as it plays (see `placedNotes`): bars over the pattern's pitch range, or
 * for a drum machine ticks on one row per pad, each as bright as its velocity. Returns how many
 * notes it drew.
 */
function paintNotes(
  context: CanvasRenderingContext2D,
  clip: NoteClip,
  look: NonNullable<ClipLook['notes']>,
  area: { readonly x: number; readonly top: number; readonly height: number },
  left: number,
  right: number,
  colour: string,
  pixelsPerBeat: number,
): number {
  if (area.height < 3 || look.pattern.notes.length === 0) return 0;
  const rows = previewRows(look.pattern, look.drums);
  const rowHeight = area.height / rows.count;
  const barHeight = Math.max(1, Math.min(look.drums ? 6 : 4, rowHeight - (rowHeight > 3 ? 1 : 0)));
  const placed = placedNotes(clip, look.pattern, (left - area.x) / pixelsPerBeat, (right - area.x) / pixelsPerBeat);
  context.save();
  context.beginPath();
  context.rect(left, area.top, right - left, area.height);
  context.clip();
  context.fillStyle = colour;
  for (const { note, at, length } of placed) {
    const noteX = area.x + at * pixelsPerBeat;
    const noteWidth = look.drums ? Math.min(3, Math.max(1, length * pixelsPerBeat - 1)) : Math.max(1, length * pixelsPerBeat - 1);
    const rowTop = area.top + rows.rowOf(note.pitch) * rowHeight + (rowHeight - barHeight) / 2;
    context.globalAlpha = 0.35 + 0.65 * note.velocity;
    context.fillRect(noteX, rowTop, noteWidth, barHeight);
  }
  context.restore();
  return placed.length;
}

/** Spacing (px) of the hatch lines over a covered span. */
const hatchSpacing = 6;

/**
 * Shades and hatches the spans of a clip that later clips cover (they are drawn over it, lower
 * down, so the hatch shows in the strip above them) and marks where each begins and ends.
 * Returns how many spans it drew.
 */
function paintCovered(context: CanvasRenderingContext2D, box: ClipBox, covered: readonly CoveredSpan[], palette: TimelinePalette, view: { readonly pixelsPerBeat: number; readonly visibleLeft: number; readonly visibleRight: number }): number {
  let drawn = 0;
  for (const span of covered) {
    const left = Math.max(box.x, span.from * view.pixelsPerBeat, view.visibleLeft);
    const right = Math.min(box.x + box.width, span.to * view.pixelsPerBeat, view.visibleRight);
    if (right <= left) continue;
    drawn++;
    context.save();
    context.beginPath();
    context.rect(left, box.y, right - left, box.height);
    context.clip();
    context.fillStyle = palette.overlapShade;
    context.fillRect(left, box.y, right - left, box.height);
    context.strokeStyle = palette.overlapHatch;
    context.beginPath();
    const first = Math.floor((left - box.height) / hatchSpacing) * hatchSpacing;
    for (let from = first; from < right; from += hatchSpacing) {
      context.moveTo(from, box.y + box.height);
      context.lineTo(from + box.height, box.y);
    }
    context.stroke();
    context.restore();
    context.fillStyle = palette.overlapEdge;
    context.fillRect(Math.round(left), box.y, 1, box.height);
    context.fillRect(Math.round(right) - 1, box.y, 1, box.height);
  }
  return drawn;
}

function paintWaveform(
  context: CanvasRenderingContext2D,
  clip: AudioClip,
  peaks: NonNullable<ClipLook['peaks']>,
  area: { readonly x: number; readonly width: number; readonly top: number; readonly height: number },
  left: number,
  right: number,
  colour: string,
  clock: Clock,
): void {
  const { data, seconds } = peaks;
  const buckets = data.length / 2;
  if (buckets === 0 || seconds <= 0 || area.height <= 0) return;
  context.fillStyle = colour;
  const sourcePerPixel = (clock.secondsOver(beats(clip.start), beats(clip.length)) / area.width) * clip.rate;
  const loopSeconds = Math.max(1e-9, seconds - clip.offset);
  const middle = area.top + area.height / 2;
  for (let px = Math.floor(left); px < right; px++) {
    let time = (px - area.x) * sourcePerPixel;
    time = clip.loop ? clip.offset + (time % loopSeconds) : time + clip.offset;
    if (time >= seconds) break;
    if (clip.reverse) time = seconds - time;
    const bucket = Math.min(buckets - 1, Math.floor((time / seconds) * buckets));
    const low = (data[bucket * 2] ?? 0) / 127;
    const high = (data[bucket * 2 + 1] ?? 0) / 127;
    const top = middle - (high * area.height) / 2;
    context.fillRect(px, top, 1, Math.max(1, ((high - low) * area.height) / 2));
  }
}

function paintFades(context: CanvasRenderingContext2D, clip: AudioClip, box: ClipBox, shade: string, view: { readonly clock: Clock; readonly pixelsPerBeat: number }): void {
  const { x, y, width, height } = box;
  context.fillStyle = shade;
  const fades = fadeWidths(clip, view.clock, view.pixelsPerBeat);
  const fadeIn = Math.min(width, fades.fadeIn);
  if (fadeIn >= 1) {
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + fadeIn, y);
    context.lineTo(x, y + height);
    context.fill();
  }
  const fadeOut = Math.min(width, fades.fadeOut);
  if (fadeOut >= 1) {
    context.beginPath();
    context.moveTo(x + width, y);
    context.lineTo(x + width - fadeOut, y);
    context.lineTo(x + width, y + height);
    context.fill();
  }
}

