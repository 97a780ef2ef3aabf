import type { PointerEvent as ReactPointerEvent } from 'react';
import { movedClipShifts } from '../../../src/model/edits/automation-follow';
import { extendLoop, moveClips, setClipFades, setClipGain, trimClipStart, trimClipEnd } from '../../../src/model/edits/clip-edits';
import { beatsToSourceSeconds, sourceSecondsToBeats } from '../../../src/model/edits/clip-math';
import { clipGainLabel, extendLoopLabel, fadeLabel, moveLabel, trimLabel } from '../../../src/model/edits/labels';
import { resolveClip, type ClipRef } from '../../../src/model/edits/selection';
import type { Clip, Project, Track } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { sourceDurationsOf, useSamples } from '../../state/samples-store';
import { carryPlacedAutomation, settlePlaced } from '../../state/settle-placed';
import { useTimeline } from '../../state/timeline-store';
import { clipBox, gainPerPixel, type ClipPart } from './clip-geometry';
import { trackLayers } from './clip-layers';
import { laneClips } from './take-lanes';
import { refsOf } from './selection';
import { snapToGrid } from '../../../src/model/snap';
import { startPreviewDrag } from './preview-drag';
import { timelineRows } from './automation-rows';
import { rowAt } from './track-layout';

/**
 * Starts a live drag on a part of a clip (`startPreviewDrag`: previewed, one undo step, Escape
 * cancels). Alt bypasses the grid. Moved clips settle over the clips where they land (trim or
 * layer, as chosen in the toolbar), shown live while dragging.
 */
export function startClipGesture(event: ReactPointerEvent<HTMLElement>, kind: ClipPart, track: Track, clip: Clip): void {
  const element = event.currentTarget;
  const originX = event.clientX;
  const originY = event.clientY;
  const { selection, pixelsPerBeat, snap } = useTimeline.getState();
  const base = useProject.getState().project;
  const ref = { trackId: track.id, clipId: clip.id };
  const group = (kind === 'move' || kind === 'gain') && selection.includes(clip.id) ? refsOf(base, selection) : [ref];
  const movedIds = group.map((member) => member.clipId);
  const durations = { sourceDurations: sourceDurationsOf(base, useSamples.getState().byPath) };
  // Moving across tracks: the row under the pointer, found from where in its row the press was.
  const rows = timelineRows(base).rows;
  const originRow = rows.find((row) => row.track.id === track.id);
  const pressY = (originRow?.top ?? 0) + event.clientY - element.getBoundingClientRect().top;
  const tracksMoved = (dy: number) => {
    const last = rows[rows.length - 1];
    const target = rowAt(rows, pressY + dy) ?? (pressY + dy < 0 ? rows[0] : last);
    return (target?.index ?? 0) - (originRow?.index ?? 0);
  };

  const recipe = (dx: number, dy: number, free: boolean) => {
    const onGrid = (beat: number) => snapToGrid(beat, free ? 'off' : snap, base);
    const beatsMoved = dx / pixelsPerBeat;
    const end = clip.start + clip.length;
    switch (kind) {
      case 'move':
        return (p: Project) => {
          const moved = moveClips(p, group, onGrid(clip.start + beatsMoved) - clip.start, tracksMoved(dy));
          // A press that has not moved the clips (yet) changes nothing, not even the order.
          return moved === p ? p : settlePlaced(carryPlacedAutomation(p, moved, movedClipShifts(p, moved), false), movedIds);
        };
      case 'trim-start':
        return (p: Project) => trimClipStart(p, ref, onGrid(clip.start + beatsMoved), durations);
      case 'trim-end':
        return (p: Project) => trimClipEnd(p, ref, onGrid(end + beatsMoved), durations);
      case 'loop':
        return (p: Project) => extendLoop(p, ref, onGrid(end + beatsMoved) - clip.start);
      case 'gain': {
        // Every clip in the group changes by the same number of decibels, in 0.1 dB steps.
        const shown = laneClips(track.clips);
        const depth = trackLayers(shown).depth[shown.indexOf(clip)];
        const change = Math.round((-dy * gainPerPixel(clipBox(clip, pixelsPerBeat, originRow?.height ?? 0, depth))) * 10) / 10;
        const gainOf = (member: ClipRef) => {
          const found = resolveClip(base, member)?.clip;
          return found?.kind === 'audio' ? found.gainDb : 0;
        };
        return (p: Project) => group.reduce((next, member) => setClipGain(next, [member], gainOf(member) + change), p);
      }
      case 'fade-in':
      case 'fade-out': {
        // The handle moves with the pointer; the fade is the source time between it and its edge
        // (setClipFades keeps it within the clip).
        if (clip.kind !== 'audio') return (p: Project) => p;
        const total = beatsToSourceSeconds(base, clip, clip.length);
        const handle = sourceSecondsToBeats(base, clip, kind === 'fade-in' ? clip.fadeIn : total - clip.fadeOut);
        const moved = beatsToSourceSeconds(base, clip, handle + beatsMoved);
        return (p: Project) => setClipFades(p, [ref], kind === 'fade-in' ? { fadeIn: moved } : { fadeOut: total - moved });
      }
    }
  };

  startPreviewDrag(event, {
    move: (move) => recipe(move.clientX - originX, move.clientY - originY, move.altKey),
    release: () => gestureLabel(kind, group.length),
  });
}

function gestureLabel(kind: ClipPart, count: number): string {
  switch (kind) {
    case 'move':
      return moveLabel(count);
    case 'trim-start':
    case 'trim-end':
      return trimLabel(1);
    case 'loop':
      return extendLoopLabel();
    case 'fade-in':
    case 'fade-out':
      return fadeLabel(1);
    case 'gain':
      return clipGainLabel(count);
  }
}
