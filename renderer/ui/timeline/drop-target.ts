import type { DragEvent } from 'react';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { gridBeats, snapBeats } from './snap';

/** The drag type library rows carry: the sample's path. */
export const sampleDragType = 'application/x-glowroom-sample';

/**
 * Drop handlers for a lane (trackId) or the space under the tracks (null: a new track). The drop
 * lands on the grid position under the pointer (Alt: off the grid).
 */
export function sampleDropHandlers(trackId: string | null) {
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(sampleDragType);
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop(event: DragEvent<HTMLElement>) {
      if (!accepts(event)) return;
      event.preventDefault();
      const path = event.dataTransfer.getData(sampleDragType);
      const { pixelsPerBeat, snap } = useTimeline.getState();
      const { project, addFile } = useProject.getState();
      const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
      const beat = Math.max(0, snapBeats(x / pixelsPerBeat, event.altKey ? null : gridBeats(snap, project.timeSignature[0])));
      void addFile(path, beat, trackId);
    },
  };
}
