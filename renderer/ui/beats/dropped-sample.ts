import type { DragEvent } from 'react';
import { droppedFilePath } from '../dropped-file';
import { sampleDragType } from '../timeline';

/** Whether a drag carries a sample: a library row or a file from the operating system. */
export function carriesSample(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(sampleDragType) || event.dataTransfer.types.includes('Files');
}

/** The path of the sample dropped: the library row's, or the OS file's; null when there is none. */
export async function droppedSamplePath(event: DragEvent): Promise<string | null> {
  const fromLibrary = event.dataTransfer.getData(sampleDragType);
  if (fromLibrary) return fromLibrary;
  const file = event.dataTransfer.files[0];
  return file ? droppedFilePath(file) : null;
}
