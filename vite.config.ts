import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Builds the renderer (React UI + the engine worklet) into dist/renderer. Both hosts serve that
 * folder: Electron over app://, the web host over loopback HTTP. `base: './'` keeps every asset
 * URL relative so either origin works.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
  worker: { format: 'es' },
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/support/isolated-home.ts'],
    testTimeout: 60_000,
    // Set-up hooks import the sample pack or start a web host: as slow as a test on a loaded 2-core machine.
    hookTimeout: 60_000,
  },
});
