import { defineConfig } from 'vite';

/** Builds the mix bench page (benchmarks only) into dist/bench-mix, bundling the block-timing worklet. */
export default defineConfig({
  root: 'tests/bench/worklet-harness',
  base: './',
  build: { outDir: '../../../dist/bench-mix', emptyOutDir: true, target: 'chrome130' },
  worker: { format: 'es' },
});
