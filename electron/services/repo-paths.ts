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

/**
 * The bundled CC0 content (the factory kit's and the demo song's samples): `native-assets/factory`
 * in the source tree, the web host and the command line; `resources/factory` beside the packaged
 * app's asar (electron-builder's `extraResources`, since workers cannot read inside an asar).
 * `resourcesPath` is the packaged app's resources folder; Electron sets it on `process`.
 */
export function findFactoryDir(root: string, resourcesPath: string | undefined): string | null {
  const candidates = [path.join(root, 'native-assets', 'factory'), ...(resourcesPath ? [path.join(resourcesPath, 'factory')] : [])];
  return candidates.find((dir) => existsSync(path.join(dir, 'LICENSE.txt'))) ?? null;
}

export const factoryDir = findFactoryDir(appRoot, (process as { resourcesPath?: string }).resourcesPath);
