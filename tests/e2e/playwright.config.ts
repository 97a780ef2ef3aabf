import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer, served with the real services by the web host, in
 * Debian's Chromium (never a downloaded browser). `npm run test:e2e` builds the renderer first.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalSetup: './web-host-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // A state a step waits for may take several seconds on a loaded machine (CI runs the whole suite
  // on a slower one): waits return as soon as the state holds, so a longer limit costs nothing.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
});
