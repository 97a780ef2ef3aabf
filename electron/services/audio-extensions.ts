import path from 'node:path';

/** File extensions the library and the timeline accept as audio. */
export const audioExtensions = new Set(['.wav', '.wave', '.aif', '.aiff', '.aifc', '.flac', '.mp3', '.ogg', '.oga']);

export function isAudioFileName(name: string): boolean {
  return audioExtensions.has(path.extname(name).toLowerCase());
}
