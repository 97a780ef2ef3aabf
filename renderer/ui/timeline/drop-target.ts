import type { DragEvent } from 'react';
import { useLibrary } from '../../state/library-store';
import { placeLibrarySample } from '../../state/loop-placement';
import { useProject } from '../../state/project-store';
import { reportError } from '../../state/session-store';
import { useTimeline } from '../../state/timeline-store';
import { snapToGrid } from '../../../src/model/snap';
import { droppedFilePath } from '../dropped-file';
import { importDroppedMidi, importMidiPath, isMidiFileName } from '../play';

/** The drag type library rows carry: the sample's path. */
export const sampleDragType = 'application/x-glowroom-sample';

/**
 * Drop handlers for a lane (trackId) or the space under the tracks (null: a new track). Library
 * rows and audio files from the operating system land on the grid position under the pointer
 * (Alt: off the grid); a library loop follows the song's tempo as `placeLibrarySample` says. Several files: the first goes where it was dropped, the rest onto new
 * tracks at the same beat. A MIDI file adds its instrument tracks at that beat, below the others.
 */
export function sampleDropHandlers(trackId: string | null) {
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(sampleDragType) || event.dataTransfer.types.includes('Files');
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop(event: DragEvent<HTMLElement>) {
      if (!accepts(event)) return;
      event.preventDefault();
      const { pixelsPerBeat, snap } = useTimeline.getState();
      const { project, addFile } = useProject.getState();
      const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
      const beat = Math.max(0, snapToGrid(x / pixelsPerBeat, event.altKey ? 'off' : snap, project));
      const path = event.dataTransfer.getData(sampleDragType);
      if (path) {
        const row = useLibrary.getState().rows.find((candidate) => candidate.path === path);
        void (isMidiFileName(path) ? importMidiPath(path, beat) : row ? placeLibrarySample(row, beat, trackId) : addFile(path, beat, trackId));
        return;
      }
      void addDroppedFiles([...event.dataTransfer.files], beat, trackId);
    },
  };
}

async function addDroppedFiles(files: readonly File[], beat: number, trackId: string | null): Promise<void> {
  let target = trackId;
  for (const file of files) {
    if (isMidiFileName(file.name)) {
      await importDroppedMidi(file, beat);
      continue;
    }
    try {
      await useProject.getState().addFile(await droppedFilePath(file), beat, target);
    } catch (error) {
      reportError(error);
    }
    target = null;
  }
}
