/**
 * Library panel at 100,000 rows: a generated library database (real SQLite, real FTS index) served
 * by the real web host to Debian's Chromium. Measures how long a text search takes from keystroke
 * to the new count on screen, and the animation-frame times while the sample list scrolls
 * continuously for about five seconds (loading more pages as it nears the end). Needs the renderer
 * built (`npx vite build`, as `npm run test:e2e` does).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebHostProcess } from '../support/web-host-process';
import type { BenchResult } from './bench-result';
import { generateLibrary } from './generated-library';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const scrollSeconds = 5;

/**
 * In-page: types `text` into the search box and resolves the ms until the sample count shown
 * changes, or −1 when it has not changed within `timeoutMs`. Passed as a string because the bench compiles without DOM types.
 */
const timeSearchInPage = `async ({ text, timeoutMs }) => {
  const input = document.querySelector('input[aria-label="Search samples"]');
  const shown = () => document.querySelector('.sample-list-count')?.textContent ?? '';
  const before = shown();
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const start = performance.now();
  setter.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    if (shown() !== before) return performance.now() - start;
    if (performance.now() - start > timeoutMs) return -1;
  }
}`;

/** In-page: scrolls the sample list a little further every frame for `seconds`; resolves frame intervals and rows loaded. */
const scrollInPage = `async (seconds) => {
  const list = document.querySelector('[role="listbox"][aria-label="Samples"]');
  const frames = [];
  let last = performance.now();
  const end = last + seconds * 1000;
  await new Promise((resolve) => {
    const step = (now) => {
      frames.push(now - last);
      last = now;
      list.scrollTop += 120;
      if (now < end) requestAnimationFrame(step); else resolve();
    };
    requestAnimationFrame(step);
  });
  return { frames, scrollTop: list.scrollTop };
}`;

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function evaluate<T>(page: Page, source: string, arg: unknown): Promise<T> {
  return (await page.evaluate(`(${source})(${JSON.stringify(arg)})`)) as T;
}

export async function benchLibraryList(): Promise<BenchResult[]> {
  if (!existsSync(path.join(repoRoot, 'dist/renderer/index.html'))) throw new Error('library-list needs the built renderer: run `npx vite build` first.');
  const home = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-library-'));
  let host: { url: string; child: ChildProcess } | undefined;
  let browser: Browser | undefined;
  try {
    const generateStart = performance.now();
    generateLibrary(home);
    const generateMs = performance.now() - generateStart;
    host = await startWebHostProcess(home, path.join(repoRoot, 'dist/renderer'));
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByRole('searchbox', { name: 'Search samples' }).waitFor();

    // Text queries over all 100k rows; each answer shows a different count.
    const latencies: number[] = [];
    for (const text of ['kick', 'dusty', 'pad', 'loop', 'vox', 'gritty', 'snare', 'warm', 'riser', 'deep', 'bass', 'crisp']) {
      // Back to the whole library (its count differs from every query's), then the timed query.
      await evaluate(page, timeSearchInPage, { text: '', timeoutMs: 3000 });
      const ms = await evaluate<number>(page, timeSearchInPage, { text, timeoutMs: 10_000 });
      if (ms < 0) throw new Error(`searching "${text}" did not change the count within 10 s`);
      latencies.push(ms);
    }
    // The whole library in the list, first pages loaded, then scroll continuously.
    await evaluate(page, timeSearchInPage, { text: '', timeoutMs: 10_000 });
    await page.getByRole('listbox', { name: 'Samples' }).getByRole('option').first().waitFor();
    const { frames, scrollTop } = await evaluate<{ frames: number[]; scrollTop: number }>(page, scrollInPage, scrollSeconds);
    const rowsScrolled = Math.round(scrollTop / 46);
    return [
      { name: 'library list frame time p50 (100k rows, scrolling)', value: round(percentile(frames, 50)), unit: 'ms', better: 'lower', note: `goal ≤ 16.7; ${frames.length} frames in ${scrollSeconds} s, ${rowsScrolled} rows scrolled` },
      { name: 'library list frame time p95 (100k rows, scrolling)', value: round(percentile(frames, 95)), unit: 'ms', better: 'lower', note: `goal ≤ 16.7; worst ${round(Math.max(...frames))} ms` },
      { name: 'library text search p50, keystroke to count shown (100k rows)', value: round(percentile(latencies, 50)), unit: 'ms', better: 'lower', note: `${latencies.length} queries; p95 ${round(percentile(latencies, 95))} ms; database generated in ${Math.round(generateMs)} ms` },
    ];
  } finally {
    await browser?.close();
    if (host && host.child.exitCode === null) {
      host.child.kill('SIGTERM');
      await once(host.child, 'exit');
    }
    rmSync(home, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
