import { spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebHostProcess } from '../support/web-host-process';
import type { TimingSnapshot } from './worklet-harness/block-timing';

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The launch options of tests/e2e/playwright.config.ts: Debian's Chromium, never a downloaded one. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'];

/** The mix bench page (tests/bench/worklet-harness) open in Chromium, served by the web host. */
export interface MixSession {
  page: Page;
  /** Plays the project file from the start through the block-timing worklet. */
  start(projectPath: string): Promise<void>;
  timing(): Promise<TimingSnapshot>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** Builds the bench page (always: a stale build would time old code), starts the host and Chromium. */
export async function openMixSession(home: string): Promise<MixSession> {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'tests/bench/worklet-harness/vite.config.ts'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the mix bench page failed');
  mkdirSync(home, { recursive: true });
  let host: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const started = await startWebHostProcess(home, path.join(repoRoot, 'dist/bench-mix'));
    host = started.child;
    browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(started.url);
    await page.waitForFunction('window.harnessReady === true');
    const checked = <T>(value: T): T => {
      if (errors.length > 0) throw new Error(`the bench page threw: ${errors.join('; ')}`);
      return value;
    };
    const openBrowser = browser;
    const openHost = host;
    return {
      page,
      start: async (projectPath) => checked(await page.evaluate(`window.startMix(${JSON.stringify(readFileSync(projectPath, 'utf8'))})`)) as undefined,
      timing: async () => checked((await page.evaluate('window.mixTiming()')) as TimingSnapshot),
      stop: async () => checked(await page.evaluate('window.stopMix()')) as undefined,
      close: async () => {
        await openBrowser.close().catch(() => undefined);
        if (openHost.exitCode === null) {
          openHost.kill('SIGTERM');
          await once(openHost, 'exit');
        }
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    host?.kill('SIGTERM');
    throw error;
  }
}

/** The counters of `after` minus those of `before`: one measured window. */
export function timingWindow(before: TimingSnapshot, after: TimingSnapshot): TimingSnapshot {
  return {
    blocks: after.blocks - before.blocks,
    busyMs: after.busyMs - before.busyMs,
    overloads: after.overloads - before.overloads,
    histogram: after.histogram.map((count, i) => count - (before.histogram[i] ?? 0)),
  };
}

/** The block tick (ms) at or under which fraction `p` of the window's blocks fall. */
export function tickPercentile(window: TimingSnapshot, p: number): number {
  let seen = 0;
  for (let ms = 0; ms < window.histogram.length; ms++) {
    seen += window.histogram[ms] ?? 0;
    if (seen >= p * window.blocks) return ms;
  }
  return window.histogram.length - 1;
}
