import { takeOf } from '../../../src/model/edits/take-edits';
import type { Clip, Marker, Track } from '../../../src/model/project-schema';
import { beats } from '../../../src/std/units';
import { clipBox, minClipWidth } from './clip-geometry';
import { trackLayers } from './clip-layers';
import type { ArrangementFrame } from './arrangement-frame';
import { paintClip, type ClipLook } from './clip-painter';
import { paintRuler } from './ruler-painter';
import type { TimelinePalette } from './timeline-palette';
import { laneClips, takeLaneHeight } from './take-lanes';
import { rowsBetween, type TrackRow } from './track-layout';

/** Beat lines are drawn only when beats are at least this far apart (px); bar lines likewise. */
const beatLineRoom = 6;
/** A take in its lane lies over nothing. */
const unlayered = { raised: false, covered: [] };
const barLineRoom = 4;

/** What one paint drew: clips in view, how many of them with their waveform, the notes of note clips, and the covered spans of overlapping clips. */
export interface PaintCount {
  readonly clips: number;
  readonly waveforms: number;
  readonly notes: number;
  readonly overlaps: number;
}

/**
 * Paints the ruler and the lanes of every visible track: the beat and bar grid (down to the
 * buses' and master's rows under the tracks), row lines, the clips in view and a line at each marker. One canvas for the whole view instead of an element per clip: style, layout and paint of
 * thousands of elements were what made scrolling a big arrangement slow.
 */
export function paintArrangement(
  context: CanvasRenderingContext2D,
  frame: ArrangementFrame,
  rows: readonly TrackRow[],
  markers: readonly Marker[],
  lookOf: (clip: Clip, track: Track) => ClipLook,
  palette: TimelinePalette,
): PaintCount {
  const { width, height, scrollLeft, scrollTop, laneLeft, rowTop, pixelsPerBeat } = frame;
  context.fillStyle = palette.laneBackground;
  context.fillRect(0, 0, width, height);
  const shown = rowsBetween(rows, scrollTop, scrollTop + height - rowTop);
  const lanesBottom = Math.min(height, rowTop + frame.lanesBottom - scrollTop);

  context.save();
  context.beginPath();
  context.rect(laneLeft, rowTop, width - laneLeft, height - rowTop);
  context.clip();
  // Lane pixel x (from beat 0) ↔ canvas x.
  const toCanvasX = laneLeft - scrollLeft;
  const visibleLeft = scrollLeft;
  const visibleRight = scrollLeft + width - laneLeft;
  paintGrid(context, frame, visibleLeft, visibleRight, lanesBottom, palette);

  context.font = palette.font;
  context.translate(toCanvasX, 0);
  let clips = 0;
  let waveforms = 0;
  let notes = 0;
  let overlaps = 0;
  const fromBeat = (visibleLeft - minClipWidth) / pixelsPerBeat;
  const toBeat = visibleRight / pixelsPerBeat;
  for (const row of shown) {
    const y = rowTop + row.top - scrollTop;
    context.fillStyle = palette.rowLine;
    context.fillRect(visibleLeft, y + row.height - 1, visibleRight - visibleLeft, 1);
    // Open automation rows lie under the clips' lane: a line under the last one ends the track.
    if (row.span > row.height) context.fillRect(visibleLeft, y + row.span - 1, visibleRight - visibleLeft, 1);
    const shown = laneClips(row.track.clips);
    const layers = trackLayers(shown);
    shown.forEach((clip, index) => {
      if (clip.start >= toBeat || clip.start + clip.length <= fromBeat) return;
      const depth = layers.depth[index] ?? 0;
      const box = clipBox(clip, pixelsPerBeat, row.height, depth);
      const look = lookOf(clip, row.track);
      const layer = { raised: depth > 0, covered: layers.covered[index] ?? [] };
      clips++;
      const painted = paintClip(context, clip, { ...box, y: y + box.y }, look, palette, { clock: frame.clock, pixelsPerBeat, visibleLeft, visibleRight }, layer);
      if (painted.waveform) waveforms++;
      notes += painted.notes;
      overlaps += painted.overlaps;
    });
    // Open take lanes: take n of every group in lane n, each as it sounds (the unchosen muted).
    row.takeLanes.forEach((pass, lane) => {
      const top = y + row.height + lane * takeLaneHeight;
      context.fillStyle = palette.rowLine;
      context.fillRect(visibleLeft, top + takeLaneHeight - 1, visibleRight - visibleLeft, 1);
      for (const clip of row.track.clips) {
        if (takeOf(clip)?.pass !== pass || clip.start >= toBeat || clip.start + clip.length <= fromBeat) continue;
        const box = clipBox(clip, pixelsPerBeat, takeLaneHeight);
        clips++;
        const painted = paintClip(context, clip, { ...box, y: top + box.y }, lookOf(clip, row.track), palette, { clock: frame.clock, pixelsPerBeat, visibleLeft, visibleRight }, unlayered);
        if (painted.waveform) waveforms++;
      }
    });
  }
  context.fillStyle = palette.markerLine;
  for (const marker of markers) {
    const x = Math.round(marker.beat * pixelsPerBeat);
    if (x >= visibleLeft && x <= visibleRight) context.fillRect(x, rowTop, 1, lanesBottom - rowTop);
  }
  context.restore();
  paintRuler(context, frame, palette);
  return { clips, waveforms, notes, overlaps };
}

function paintGrid(context: CanvasRenderingContext2D, frame: ArrangementFrame, left: number, right: number, bottom: number, palette: TimelinePalette): void {
  const { pixelsPerBeat, clock, laneLeft, rowTop, scrollLeft } = frame;
  const lineHeight = bottom - rowTop;
  if (lineHeight <= 0) return;
  const firstBar = Math.max(0, clock.barAt(beats(left / pixelsPerBeat)));
  if (clock.barLength(firstBar) * pixelsPerBeat < barLineRoom) return;
  const xOf = (beat: number) => Math.round(laneLeft + beat * pixelsPerBeat - scrollLeft);
  // Quarter-note lines where there is room, bar lines (from the meter) over them.
  if (pixelsPerBeat >= beatLineRoom) {
    context.fillStyle = palette.beatLine;
    for (let beat = Math.floor(left / pixelsPerBeat); beat * pixelsPerBeat < right; beat++) context.fillRect(xOf(beat), rowTop, 1, lineHeight);
  }
  context.fillStyle = palette.barLine;
  for (let bar = firstBar; clock.barStart(bar) * pixelsPerBeat < right; bar++) context.fillRect(xOf(clock.barStart(bar)), rowTop, 1, lineHeight);
}
