import { spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebHostProcess } from '../support/web-host-process';
import { binMs, type TimingSnapshot } from './worklet-harness/block-timing';

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

/**
 * Builds the bench page (always: a stale build would time old code), starts the host and Chromium.
 * The benches write their projects and sources in the folder that holds `home`: it is granted as
 * if the user had picked it, since the host plays only files the user gave it.
 */
export async function openMixSession(home: string): Promise<MixSession> {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'tests/bench/worklet-harness/vite.config.ts'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the mix bench page failed');
  mkdirSync(home, { recursive: true });
  writeFileSync(path.join(home, 'granted-places.json'), JSON.stringify([{ path: path.dirname(path.resolve(home)), scope: 'tree' }]));
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
    resolutionMs: after.resolutionMs,
    histogram: after.histogram.map((count, i) => count - (before.histogram[i] ?? 0)),
  };
}

/** The block duration (ms, the upper edge of its histogram bin) at or under which fraction `p` of the window's blocks fall. */
export function blockPercentileMs(window: TimingSnapshot, p: number): number {
  let seen = 0;
  for (let bin = 0; bin < window.histogram.length; bin++) {
    seen += window.histogram[bin] ?? 0;
    if (seen >= p * window.blocks) return (bin + 1) * binMs;
  }
  return window.histogram.length * binMs;
}

/** How the blocks were timed, for bench notes: the worklet's block clock and its measured resolution. */
export function clockNote(window: TimingSnapshot): string {
  return `timed in the worklet by Temporal.Now.instant() around each process() (resolution ${(1000 * window.resolutionMs).toFixed(0)} µs, histogram bins ${1000 * binMs} µs)`;
}

/** One 128-frame block at 48 kHz, in ms: what a block's processing time is a share of. */
export const blockMs = (128 / 48_000) * 1000;

/** The block load of what a session plays (see dsp-load.bench.ts for the method). */
export interface BlockLoad {
  readonly window: TimingSnapshot;
  /** Mean time per block as a share of the block, percent. */
  readonly meanPercent: number;
  /** The 99th-percentile block duration as a share of the block, percent (a bound within one bin and the clock's resolution). */
  readonly p99Percent: number;
}

/** Lets what the session plays settle for `warmupMs`, measures `measureMs`, then stops the context. */
export async function measureBlockLoad(session: MixSession, warmupMs: number, measureMs: number): Promise<BlockLoad> {
  await session.page.waitForTimeout(warmupMs);
  const before = await session.timing();
  await session.page.waitForTimeout(measureMs);
  const window = timingWindow(before, await session.timing());
  await session.stop();
  if (window.blocks === 0) throw new Error(`the worklet rendered no block in ${measureMs} ms: the context did not run`);
  return { window, meanPercent: (100 * window.busyMs) / (window.blocks * blockMs), p99Percent: (100 * blockPercentileMs(window, 0.99)) / blockMs };
}
