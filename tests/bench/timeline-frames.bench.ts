import { spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { encodeWav } from '../../src/codecs/wav-writer';
import { serializeProject } from '../../src/model/parse-project';
import { createChannel, createTrack } from '../../src/model/new-track';
import { currentProjectVersion, type Clip, type Project } from '../../src/model/project-schema';
import { startWebHostProcess } from '../support/web-host-process';
import type { BenchResult } from './bench-result';

const TRACKS = 32;
const CLIPS_PER_TRACK = 1_000;
const SOURCES = 6;
const TEMPO = 120;
const SAMPLE_RATE = 48_000;
/** Short clips: a quarter beat long, one every half beat. */
const CLIP_BEATS = 0.25;
const CLIP_EVERY = 0.5;
const IDLE_MS = 1_000;
const SCROLL_MS = 5_000;
const ZOOM_MS = 3_000;
const FRAME_GOAL_MS = 1000 / 60;

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The launch options of tests/e2e/playwright.config.ts: Debian's Chromium, never a downloaded one. */
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'];

/**
 * Frame time of the arrangement view in Chromium while a scripted run scrolls a project of 32
 * tracks × 1,000 short clips horizontally and vertically (5 s, `scrollLeft`/`scrollTop` of
 * `.timeline-scroll` set every frame) and then zooms in and out around the pointer (3 s,
 * ctrl+wheel events every frame), with the transport playing. Frame times are the gaps between
 * requestAnimationFrame timestamps in the page; the goal is 16.7 ms (60 fps) at p95. The engine's
 * DSP load is read from the status bar ("DSP NN%") during the same run: the UI work must not
 * starve the audio thread.
 */
export async function benchTimelineFrames(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-timeline-'));
  let host: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const rendererRoot = path.join(repoRoot, 'dist/renderer');
    if (!existsSync(path.join(rendererRoot, 'index.html'))) {
      const built = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
      if (built.status !== 0) throw new Error('`npx vite build` failed');
    }
    const projectPath = path.join(dir, 'timeline bench.glowroom');
    writeFileSync(projectPath, serializeProject(benchProject(writeSources(dir))));

    const home = path.join(dir, 'home');
    mkdirSync(home);
    const started = await startWebHostProcess(home, rendererRoot);
    host = started.child;
    browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(started.url);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();

    const openStarted = performance.now();
    await openProject(page, projectPath);
    const openSeconds = (performance.now() - openStarted) / 1000;

    // The scripted scroll moves the view, so the view must not follow the playhead back.
    const follow = page.getByRole('button', { name: 'Follow playhead' });
    if ((await follow.getAttribute('aria-pressed')) === 'true') await follow.click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true, pressed: true }).waitFor();
    // Let playback settle before measuring.
    await page.waitForTimeout(500);

    const run = (await page.evaluate(`(${measureInPage})(${JSON.stringify({ idleMs: IDLE_MS, scrollMs: SCROLL_MS, zoomMs: ZOOM_MS, beatsOnTimeline: timelineBeats() })})`)) as PageRun;
    // No Stop click: a page this busy may not take it in time; closing the browser ends playback.
    if (errors.length > 0) throw new Error(`the page threw during the run: ${errors.join('; ')}`);

    const all = [...run.scroll, ...run.zoom];
    const load = run.dspLoad;
    const shape = `${TRACKS} tracks × ${CLIPS_PER_TRACK} clips (${CLIP_BEATS} beat every ${CLIP_EVERY} beat, ${SOURCES} short WAV sources) in Chromium (${chromiumArgs.join(' ')}), viewport 1280×800, transport playing (Follow playhead off); ${run.domClips} clip elements in the DOM at the end; project opened and drawn in ${openSeconds.toFixed(1)} s`;
    const goal = `goal ≤ ${FRAME_GOAL_MS.toFixed(1)} ms (60 fps)`;
    return [
      frameResult('timeline scroll+zoom frame time p50', percentile(all, 0.5), all, `${goal}; requestAnimationFrame gaps over ${SCROLL_MS / 1000} s of scrolling and ${ZOOM_MS / 1000} s of ctrl+wheel zoom; ${shape}`),
      frameResult('timeline scroll+zoom frame time p95', percentile(all, 0.95), all, `${goal}; longest frame ${Math.max(...all).toFixed(1)} ms; ${frameSummary('scroll', run.scroll)}; ${frameSummary('zoom', run.zoom)}`),
      frameResult('timeline scroll frame time p95', percentile(run.scroll, 0.95), run.scroll, `${goal}; scrolling only (scrollLeft and scrollTop set every frame, ~1 screen/s across, down and back up through all tracks)`),
      frameResult('timeline zoom frame time p95', percentile(run.zoom, 0.95), run.zoom, `${goal}; zooming only (ctrl+wheel every frame around mid-view, in and out between ${run.zoomRange[0].toFixed(1)} and ${run.zoomRange[1].toFixed(1)} px/beat)`),
      frameResult('timeline idle frame time p95', percentile(run.idle, 0.95), run.idle, `${goal}; for comparison: ${IDLE_MS / 1000} s before the scroll, transport playing, nothing moved (p50 ${percentile(run.idle, 0.5).toFixed(1)} ms)`),
      { name: 'timeline frames counted', value: all.length, unit: 'frames', better: 'higher', note: `in ${(SCROLL_MS + ZOOM_MS) / 1000} s (${(all.length / ((SCROLL_MS + ZOOM_MS) / 1000)).toFixed(1)} fps on average; 60 fps would be ${((SCROLL_MS + ZOOM_MS) / FRAME_GOAL_MS).toFixed(0)})` },
      {
        name: 'DSP load during timeline run (max)',
        value: load.length > 0 ? Math.max(...load) : Number.NaN,
        unit: '%',
        better: 'lower',
        note: `status bar "DSP NN%" (Audio engine load) sampled every 250 ms while scrolling/zooming with the transport playing: median ${load.length > 0 ? percentile(load, 0.5).toFixed(0) : '?'}% over ${load.length} samples; dropouts reported by the engine during the run: ${run.dropouts}`,
      },
    ];
  } finally {
    await browser?.close().catch(() => undefined);
    if (host && host.exitCode === null) {
      host.kill('SIGTERM');
      await once(host, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The beats the lanes span, as Timeline.tsx sizes them: the song's bars plus 8, at least 32 bars of 4/4. */
function timelineBeats(): number {
  const lastBeat = (CLIPS_PER_TRACK - 1) * CLIP_EVERY + CLIP_BEATS;
  return Math.max(32, Math.ceil(lastBeat / 4) + 8) * 4;
}

function frameResult(name: string, value: number, frames: readonly number[], note: string): BenchResult {
  return { name, value, unit: 'ms', better: 'lower', note: `${note} (${frames.length} frames)` };
}

function frameSummary(label: string, frames: readonly number[]): string {
  return `${label}: p50 ${percentile(frames, 0.5).toFixed(1)} / p95 ${percentile(frames, 0.95).toFixed(1)} ms over ${frames.length} frames`;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

/** Opens the project through the UI as a user would, then waits until every clip is laid out with its waveform. */
async function openProject(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await dialog.getByRole('textbox', { name: 'Location' }).fill(file);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('listbox', { name: `Track Track ${TRACKS}` }).waitFor({ timeout: 120_000 });
  // Drawn: the arrangement canvas painted clips with their waveform (peaks arrive once the audio is pooled).
  await page.locator('.arrangement-canvas:not([data-waveforms="0"])[data-waveforms]').waitFor({ state: 'attached', timeout: 120_000 });
  // Two quiet frames so layout and paint of the opened project are not counted as scroll frames.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

interface PageRun {
  idle: number[];
  scroll: number[];
  zoom: number[];
  dspLoad: number[];
  dropouts: number;
  domClips: number;
  zoomRange: [number, number];
}

/**
 * Runs in the page: drives the scroller every animation frame and records the frame gaps. A string:
 * the bench compiles without DOM types, and tsx would wrap a function in a `__name` helper the page lacks.
 */
const measureInPage = String.raw`({ idleMs, scrollMs, zoomMs, beatsOnTimeline }) => {
  const view = document.querySelector('.timeline-scroll');
  const loadLabel = document.querySelector('[aria-label="Audio engine load"]');
  if (!view || !loadLabel) throw new Error('no .timeline-scroll or Audio engine load in the page');
  const dspLoad = [];
  let dropouts = 0;
  const sampleLoad = () => {
    const match = /DSP (\d+)%(?: · (\d+) dropout)?/.exec(loadLabel.textContent ?? '');
    if (match?.[1]) dspLoad.push(Number(match[1]));
    if (match?.[2]) dropouts = Math.max(dropouts, Number(match[2]));
  };
  const loadTimer = setInterval(sampleLoad, 250);
  const idle = [];
  const scroll = [];
  const zoom = [];
  const zoomSeen = [];
  const width = () => view.scrollWidth - view.clientWidth;
  const height = () => view.scrollHeight - view.clientHeight;
  const box = view.getBoundingClientRect();
  // The lanes span the whole song: its beats are known, so their width gives the zoom.
  const songBeats = beatsOnTimeline;
  const pixelsPerBeat = () => (document.querySelector('.timeline .lane')?.offsetWidth ?? 0) / songBeats;
  return new Promise((resolve) => {
    let start = -1;
    let last = -1;
    const frame = (now) => {
      if (start < 0) start = now;
      else (now - start <= idleMs ? idle : now - start <= idleMs + scrollMs ? scroll : zoom).push(now - last);
      last = now;
      const t = now - start - idleMs;
      if (t < 0) {
        // Still: playback only, nothing scrolled.
      } else if (t <= scrollMs) {
        // Across at about one screen per second; down to the last track and back up twice.
        view.scrollLeft = Math.min(width(), (t / 1000) * view.clientWidth);
        const phase = (t / (scrollMs / 2)) % 2;
        view.scrollTop = (phase <= 1 ? phase : 2 - phase) * height();
      } else if (t <= scrollMs + zoomMs) {
        // In for the first half, out for the second, around the middle of the view.
        const zoomIn = (t - scrollMs) % (zoomMs / 2) < zoomMs / 4;
        view.dispatchEvent(
          new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: zoomIn ? -12 : 12, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }),
        );
        zoomSeen.push(pixelsPerBeat());
      } else {
        clearInterval(loadTimer);
        sampleLoad();
        resolve({
          idle,
          scroll,
          zoom,
          dspLoad,
          dropouts,
          domClips: document.querySelectorAll('.timeline .clip').length,
          zoomRange: [Math.min(...zoomSeen), Math.max(...zoomSeen)],
        });
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}`;

/** A few short tones of different pitch, as 16-bit mono WAVs; returns their absolute paths. */
function writeSources(dir: string): string[] {
  const frames = Math.round(((CLIP_BEATS * 60) / TEMPO) * SAMPLE_RATE);
  return Array.from({ length: SOURCES }, (_, s) => {
    const channel = new Float32Array(frames);
    const hz = 110 * 2 ** (s / 2);
    for (let i = 0; i < frames; i++) channel[i] = 0.3 * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE) * Math.exp((-6 * i) / frames);
    const file = path.join(dir, `tone-${s + 1}.wav`);
    writeFileSync(file, encodeWav({ sampleRate: SAMPLE_RATE, channels: [channel] }, { bitDepth: 16 }));
    return file;
  });
}

function benchProject(files: readonly string[]): Project {
  return {
    format: 'glowroom',
    version: currentProjectVersion,
    name: 'Timeline bench',
    tempo: TEMPO,
    timeSignature: [4, 4],
    sampleRate: SAMPLE_RATE,
    sources: Object.fromEntries(files.map((file, i) => [`s${i + 1}`, { path: file }])),
    tracks: Array.from({ length: TRACKS }, (_, t) => ({
      ...createTrack(`t${t + 1}`, `Track ${t + 1}`, t),
      channel: { ...createChannel(), gainDb: -24 },
      clips: Array.from(
        { length: CLIPS_PER_TRACK },
        (_, c): Clip => ({
          kind: 'audio',
          id: `c${t * CLIPS_PER_TRACK + c + 1}`,
          name: '',
          source: `s${((t + c) % files.length) + 1}`,
          start: c * CLIP_EVERY,
          length: CLIP_BEATS,
          offset: 0,
          gainDb: 0,
          fadeIn: 0,
          fadeOut: 0,
          loop: false,
          reverse: false,
          rate: 1,
          mute: false,
          transpose: 0,
          detune: 0,
        }),
      ),
    })),
    master: { gainDb: 0, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
    buses: [], markers: [],
  };
}

