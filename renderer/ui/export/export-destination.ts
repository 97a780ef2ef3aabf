import { folderOf, isAbsolutePath, joinPath } from '../../../src/std/absolute-path';

/** The absolute files an export writes: the mix (null when only stems are wanted) and the stems folder (null without stems). */
export interface ExportDestination {
  readonly mix: string | null;
  readonly stems: string | null;
}

/**
 * Where an export writes, always absolute: a typed name without a folder goes into
 * `defaultFolder` (the project's folder, or Glowroom's exports folder for an untitled project),
 * never into whatever folder the host process runs in; stems go into "<project> stems" beside the mix.
 */
export function exportDestination(typed: string, stems: boolean, defaultFolder: string, projectName: string): ExportDestination {
  const name = typed.trim();
  const mix = name ? (isAbsolutePath(name) ? name : joinPath(defaultFolder, name)) : null;
  return { mix, stems: stems ? joinPath(mix ? folderOf(mix) : defaultFolder, `${projectName} stems`) : null };
}
