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
import { nameTokens } from '../../src/analysis/name-tokens';
import { defaultLibraryPath, openLibraryDatabase } from '../../electron/services/library/database';
import { startWebHostProcess } from '../support/web-host-process';
import type { BenchResult } from './bench-result';

const repoRoot = path.resolve(import.meta.dirname, '../..');
export const rowCount = 100_000;
const scrollSeconds = 5;

/** Folder, name stem, tags, one-shot or loop: the shapes sample packs come in. */
const shapes = [
  { folder: 'Drums/Kicks', stem: 'kick', tags: 'drums kick one-shot', loop: false },
  { folder: 'Drums/Snares', stem: 'snare', tags: 'drums one-shot snare', loop: false },
  { folder: 'Drums/Hats', stem: 'hat_closed', tags: 'drums hat one-shot', loop: false },
  { folder: 'Drums/Claps', stem: 'clap', tags: 'clap drums one-shot', loop: false },
  { folder: 'Bass', stem: 'bass_reese', tags: 'bass one-shot', loop: false },
  { folder: '808s', stem: '808_long', tags: '808 one-shot', loop: false },
  { folder: 'Loops/Drums', stem: 'drum_loop', tags: 'drums loop', loop: true },
  { folder: 'Loops/Music', stem: 'pad_loop', tags: 'loop pad', loop: true },
  { folder: 'Vocals', stem: 'vox_chop', tags: 'loop vocal', loop: true },
  { folder: 'FX', stem: 'riser', tags: 'fx one-shot', loop: false },
] as const;
const keys = ['C minor', 'A minor', 'F major', 'G major', 'Eb major', 'F# minor', 'D minor', 'Bb major'];
const keyTokens = ['Cmin', 'Am', 'Fmaj', 'G', 'Ebmaj', 'F#m', 'Dmin', 'Bb'];
const words = ['dusty', 'punchy', 'warm', 'crisp', 'deep', 'lofi', 'analog', 'tight', 'wide', 'dark', 'bright', 'gritty'];

/** Writes `rowCount` samples into a fresh library database, 10,000 per transaction. */
export function generateLibrary(home: string): void {
  const db = openLibraryDatabase(defaultLibraryPath({ GLOWROOM_HOME: home }));
  try {
    const insert = db.prepare(
      `INSERT INTO samples (path, name, pack, folder, path_tokens, size, mtime_ms, content_hash, format, sample_rate, channels, bit_depth,
        duration, peak_dbfs, loudness_lufs, peaks, kind, bpm, musical_key, tags, added_at, favourite)
       VALUES (@path, @name, @pack, @folder, @pathTokens, @size, @mtimeMs, @contentHash, @format, @sampleRate, @channels, @bitDepth,
        @duration, @peakDbfs, @loudnessLufs, @peaks, @kind, @bpm, @key, @tags, @addedAt, @favourite)`,
    );
    const formats = ['wav', 'flac', 'aiff', 'mp3', 'ogg'];
    const insertBatch = db.transaction((start: number, end: number) => {
      for (let i = start; i < end; i++) {
        const shape = shapes[i % shapes.length] ?? shapes[0];
        const pack = `Pack ${String(Math.floor(i / 2500) + 1).padStart(2, '0')}`;
        const format = formats[i % formats.length] ?? 'wav';
        const bpm = shape.loop ? [90, 97, 120, 128, 140, 174][i % 6] ?? 120 : null;
        const keyIndex = (i >> 3) % keys.length;
        const tonal = shape.stem.startsWith('bass') || shape.stem.startsWith('808') || shape.stem.startsWith('pad') || shape.stem.startsWith('vox');
        const stem = `${shape.stem}_${words[i % words.length] ?? ''}_${String(i).padStart(6, '0')}${bpm ? `_${bpm}bpm` : ''}${tonal ? `_${keyTokens[keyIndex] ?? ''}` : ''}`;
        const name = `${stem}.${format}`;
        const duration = shape.loop ? (60 / (bpm ?? 120)) * 16 : 0.2 + (i % 37) / 10;
        const peaks = Buffer.alloc(512);
        for (let b = 0; b < 256; b++) {
          const level = Math.round(127 * Math.exp(-b / (shape.loop ? 400 : 40)) * (0.5 + 0.5 * Math.abs(Math.sin(b * 0.37 + i))));
          peaks.writeInt8(-level, 2 * b);
          peaks.writeInt8(level, 2 * b + 1);
        }
        insert.run({
          path: `/samples/${pack}/${shape.folder}/${name}`,
          name,
          pack,
          folder: shape.folder,
          pathTokens: nameTokens(`${shape.folder} ${stem}`).join(' '),
          size: Math.round(duration * 44_100 * 4),
          mtimeMs: 1_700_000_000_000 + i * 1000,
          contentHash: (i.toString(16).padStart(8, '0') + 'ab').repeat(6).slice(0, 64).padEnd(64, '0'),
          format,
          sampleRate: i % 3 === 0 ? 48_000 : 44_100,
          channels: shape.loop ? 2 : 1,
          bitDepth: format === 'mp3' || format === 'ogg' ? 0 : 24,
          duration,
          peakDbfs: -0.1 - (i % 12),
          loudnessLufs: -8 - (i % 14),
          peaks,
          kind: shape.loop ? 'loop' : 'one-shot',
          bpm,
          key: tonal ? keys[keyIndex] : null,
          tags: shape.tags,
          addedAt: 1_700_000_000_000 + i,
          // One in 40 is a favourite, so the favourites filter has rows to find.
          favourite: i % 40 === 0 ? 1 : 0,
        });
      }
    });
    for (let start = 0; start < rowCount; start += 10_000) insertBatch(start, Math.min(rowCount, start + 10_000));
    // As an import ends (electron/services/library/import.ts): fresh query-planner statistics.
    db.pragma('optimize');
  } finally {
    db.close();
  }
}


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
