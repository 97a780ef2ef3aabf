// Bundles the Electron side into dist/electron/:
//   main.mjs     the main process (ESM, Node). package.json dependencies stay external: they ship
//                in node_modules inside the app, and native ones cannot be bundled at all.
//   workers/*.mjs the worker_threads entries (analyze, export, encode, render helper, library upgrade), bundled like main.
// and the command line into dist/cli/: main.mjs, workers/*.mjs (so `glowroom render` starts the
// export worker from the same build) and chunks/ that each command imports only when it runs, plus
// sources.json, which the launcher electron/cli/glowroom.mjs checks to never run a stale build.
//   preload.cjs  the preload. A sandboxed preload cannot load modules, so everything but
//                `electron` is bundled into this one CommonJS file; platform "browser" makes a
//                stray node:* import fail here rather than at runtime.
// Usage: node electron/bundle.mjs
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeManifest } from './cli/bundle-manifest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

const common = { absWorkingDir: root, bundle: true, metafile: true, logLevel: 'warning' };
const nodeSide = { ...common, platform: 'node', format: 'esm', target: 'node22', external: ['electron', ...Object.keys(manifest.dependencies ?? {})] };
const bundles = [
  { ...nodeSide, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.mjs' },
  { ...nodeSide, entryPoints: ['electron/workers/analyze-worker.ts'], outfile: 'dist/electron/workers/analyze-worker.mjs' },
  { ...nodeSide, entryPoints: ['electron/workers/export-worker.ts'], outfile: 'dist/electron/workers/export-worker.mjs' },
  { ...nodeSide, entryPoints: ['electron/workers/encode-worker.ts'], outfile: 'dist/electron/workers/encode-worker.mjs' },
  { ...nodeSide, entryPoints: ['electron/workers/render-helper-worker.ts'], outfile: 'dist/electron/workers/render-helper-worker.mjs' },
  { ...nodeSide, entryPoints: ['electron/workers/library-upgrade-worker.ts'], outfile: 'dist/electron/workers/library-upgrade-worker.mjs' },
  {
    ...nodeSide,
    entryPoints: {
      main: 'electron/cli/main.ts',
      'workers/analyze-worker': 'electron/workers/analyze-worker.ts',
      'workers/export-worker': 'electron/workers/export-worker.ts',
      'workers/encode-worker': 'electron/workers/encode-worker.ts',
      'workers/render-helper-worker': 'electron/workers/render-helper-worker.ts',
    },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
  {
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'browser',
    format: 'cjs',
    target: 'es2023',
    external: ['electron'],
  },
];

try {
  const results = await Promise.all(bundles.map((options) => build(options)));
  const cli = results[bundles.findIndex((options) => options.outdir === 'dist/cli')];
  writeManifest(root, path.join(root, 'dist/cli'), Object.keys(cli.metafile.inputs));
  for (const { metafile } of results) {
    for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
      console.log(`built ${file} (${(bytes / 1024).toFixed(1)} KiB)`);
    }
  }
} catch {
  // esbuild has already printed each error with its file and line.
  console.error('The Electron bundle failed: fix the errors above and run `node electron/bundle.mjs` again.');
  process.exitCode = 1;
}
