import type { PointerEvent as ReactPointerEvent, MouseEvent as ReactMouseEvent } from 'react';
import type { Track } from '../../../src/model/project-schema';
import { Clock } from '../../../src/std/clock';
import { useEditor } from '../../state/editor-store';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { cursorOf } from './clip-geometry';
import { startClipGesture } from './clip-gesture';
import { clipAt, type ClipHit } from './clip-hit';
import { useClipMenu } from './clip-menu-store';

function hitOf(event: ReactMouseEvent<HTMLElement>, track: Track, rowHeight: number): ClipHit | null {
  const rect = event.currentTarget.getBoundingClientRect();
  const { pixelsPerBeat } = useTimeline.getState();
  const clock = Clock.of(useProject.getState().project);
  return clipAt(track, event.clientX - rect.left, event.clientY - rect.top, { pixelsPerBeat, clock, rowHeight });
}

/** Where the mouse last was over a lane (its track and the beat under it), for "split at the mouse". */
let lastPointer: { readonly trackId: string; readonly beat: number } | null = null;

export function pointerInLanes(): { readonly trackId: string; readonly beat: number } | null {
  return lastPointer;
}

/**
 * Mouse handling of a lane, whose clips are painted on the arrangement canvas: what is under the
 * pointer is found from the clip geometry. A press on a clip selects it (Shift toggles) and starts
 * the drag of the part it is on; a press on empty space is left to the rubber band.
 */
export function lanePointerHandlers(track: Track, rowHeight: number) {
  return {
    onPointerDown(event: ReactPointerEvent<HTMLElement>) {
      if (event.button !== 0) return;
      const hit = hitOf(event, track, rowHeight);
      if (!hit) return;
      const timeline = useTimeline.getState();
      const selected = timeline.selection.includes(hit.clip.id);
      if (hit.part === 'move' && event.shiftKey) timeline.toggleSelected(hit.clip.id);
      else if (!selected) timeline.select([hit.clip.id]);
      startClipGesture(event, hit.part, track, hit.clip);
    },
    onPointerMove(event: ReactPointerEvent<HTMLElement>) {
      if (event.buttons !== 0) return;
      const hit = hitOf(event, track, rowHeight);
      lastPointer = { trackId: track.id, beat: (event.clientX - event.currentTarget.getBoundingClientRect().left) / useTimeline.getState().pixelsPerBeat };
      event.currentTarget.style.cursor = cursorOf(hit?.part ?? null);
      useTimeline.getState().hover(hit?.clip.id ?? null);
    },
    onPointerLeave() {
      lastPointer = null;
      useTimeline.getState().hover(null);
    },
    /** A right-click on a clip selects it (keeping the selection when it is part of it) and opens the clip menu. */
    onContextMenu(event: ReactMouseEvent<HTMLElement>) {
      const hit = hitOf(event, track, rowHeight);
      if (!hit) return;
      event.preventDefault();
      const timeline = useTimeline.getState();
      if (!timeline.selection.includes(hit.clip.id)) timeline.select([hit.clip.id]);
      useClipMenu.getState().open(event.clientX, event.clientY);
    },
    onDoubleClick(event: ReactMouseEvent<HTMLElement>) {
      const hit = hitOf(event, track, rowHeight);
      if (hit) useEditor.getState().open({ trackId: track.id, clipId: hit.clip.id });
    },
  };
}
