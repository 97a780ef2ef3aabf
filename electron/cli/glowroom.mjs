#!/usr/bin/env node
// The `glowroom` command. It runs the compiled bundle in dist/cli/ (built by `npm run build` or
// `node electron/bundle.mjs`) when that bundle was built from the sources as they are now; after
// any source edit, or with no bundle, it runs the TypeScript sources through tsx instead. Either
// way it runs the current code; the bundle only saves the compile at start-up.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIsCurrent } from './bundle-manifest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = path.join(root, 'dist', 'cli');
if (bundleIsCurrent(root, bundle)) {
  await import(pathToFileURL(path.join(bundle, 'main.mjs')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
