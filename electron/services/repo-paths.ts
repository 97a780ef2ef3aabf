import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app's own files are, from the source tree (tsx) or from the bundle in `dist/`:
 * both sit below the repository root, so we walk up to the folder holding package.json.
 */
function findAppRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Glowroom could not find its own package.json above ' + dir);
    dir = parent;
  }
  return dir;
}

export const appRoot = findAppRoot();
/** The renderer as built by Vite. */
export const rendererDist = path.join(appRoot, 'dist', 'renderer');
/** The CC0 pack next to the checkout, offered as demo content when present. */
export const demoPackCandidate = path.resolve(appRoot, '..', 'shared', 'fixtures', 'sample-pack');
