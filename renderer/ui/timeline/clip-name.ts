import type { Clip } from '../../../src/model/project-schema';
import { fileName } from '../../../src/std/file-name';

/** What a clip is called on screen: its own name, or else the name of its source file. */
export function clipDisplayName(clip: Clip, sourcePath: string): string {
  return clip.name || fileName(sourcePath);
}
