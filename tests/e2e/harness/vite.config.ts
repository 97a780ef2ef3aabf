import { defineConfig } from 'vite';

/** Builds the engine harness page (tests only) into dist/e2e-harness, bundling the real worklet. */
export default defineConfig({
  root: 'tests/e2e/harness',
  base: './',
  build: { outDir: '../../../dist/e2e-harness', emptyOutDir: true, target: 'chrome130' },
  worker: { format: 'es' },
});
