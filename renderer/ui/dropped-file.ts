import { useProject } from '../state/project-store';
import { runtime } from '../state/runtime';

/**
 * The path of a file dropped from the operating system: Electron knows it; a browser tab sends
 * the bytes to be kept beside the project (`audio.store`) and uses that copy.
 */
export async function droppedFilePath(file: File): Promise<string> {
  const electron = window.glowroom;
  if (electron) return electron.pathForFile(file);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { path } = await runtime().bridge.call('audio.store', { name: file.name, bytes, projectPath: useProject.getState().filePath });
  return path;
}
