import type { Clip } from '../../../src/model/project-schema';

/** What a clip is called on screen: the name of its source file. */
export function clipDisplayName(_clip: Clip, sourcePath: string): string {
  return sourcePath.split(/[\\/]/).pop() ?? sourcePath;
}
