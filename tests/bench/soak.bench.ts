import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-result';
import { mixDevices, writeMixProject } from './mix-project';
import { blockPercentileMs, openMixSession, timingWindow } from './mix-session';

const TRACKS = 32;
export const DEFAULT_SOAK_MINUTES = 30;
const SAMPLE_EVERY_MS = 30_000;
const WARMUP_MS = 5_000;
const BLOCK_MS = (128 / 48_000) * 1000;

/**
 * Playback soak (issue #14 item 7): 32 tracks with effects (`mix-project.ts`: per-track inserts,
 * two sends to effect buses, master limiter) played in Chromium's realtime AudioWorklet through
 * the block-timing processor (see dsp-load.bench.ts for the timing method) for `minutes`
 * (default 30; `npm run bench -- soak --minutes 3` or GLOWROOM_SOAK_MINUTES=3). Not in `npm test`,
 * and `npm run bench` alone skips it. Reports:
 * - dropouts: blocks that took longer to render than they last (the engine's DspLoadMeter count,
 *   the figure the app's status bar shows as dropouts), over the whole run and the worst
 *   30-second window;
 * - JS heap growth of the page (CDP `Runtime.getHeapUsage` after a forced GC, at the start and
 *   at the end). The AudioWorklet's own isolate is not reachable through the page's CDP
 *   session; the engine promises to allocate nothing per block, which the mean DSP load staying
 *   flat over the run (first and last windows reported) supports but does not prove.
 */
export async function benchSoak(minutes: number): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-soak-'));
  const session = await openMixSession(path.join(dir, 'home'));
  try {
    const projectPath = writeMixProject(dir, 'soak', TRACKS, minutes * 60 + 30);
    const loadAtStart = os.loadavg()[0] ?? 0;
    const cdp = await session.page.context().newCDPSession(session.page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await session.start(projectPath);
    await session.page.waitForTimeout(WARMUP_MS);
    const heapStart = await heap();
    const first = await session.timing();
    const windows: { mean: number; overloads: number }[] = [];
    let last = first;
    const endAt = Date.now() + minutes * 60_000;
    while (Date.now() < endAt) {
      await session.page.waitForTimeout(Math.min(SAMPLE_EVERY_MS, endAt - Date.now()));
      const now = await session.timing();
      const window = timingWindow(last, now);
      windows.push({ mean: (100 * window.busyMs) / (Math.max(1, window.blocks) * BLOCK_MS), overloads: window.overloads });
      process.stderr.write(`  soak ${((Date.now() - endAt) / 60_000 + minutes).toFixed(1)} min: mean ${windows.at(-1)?.mean.toFixed(1)} %, dropouts ${now.overloads - first.overloads}\n`);
      last = now;
    }
    const heapEnd = await heap();
    await session.stop();
    const whole = timingWindow(first, last);
    const expected = (minutes * 60_000) / BLOCK_MS;
    const loadAtEnd = os.loadavg()[0] ?? 0;
    const shape = `${minutes} min of ${TRACKS} tracks playing (${mixDevices}) after ${WARMUP_MS / 1000} s warm-up; ${whole.blocks} blocks rendered of ${Math.round(expected)} expected; 1-minute load average ${loadAtStart.toFixed(2)} at the start, ${loadAtEnd.toFixed(2)} at the end, ${os.cpus().length} CPUs`;
    return [
      {
        name: `soak ${TRACKS} tracks dropouts`,
        value: whole.overloads,
        unit: 'blocks',
        better: 'lower',
        note: `blocks longer than their 2.667 ms (DspLoadMeter's count); worst ${SAMPLE_EVERY_MS / 1000} s window ${Math.max(0, ...windows.map((w) => w.overloads))}; ${shape}`,
      },
      {
        name: `soak ${TRACKS} tracks heap growth`,
        value: (heapEnd - heapStart) / 2 ** 20,
        unit: 'MiB',
        better: 'lower',
        note: `page JS heap after a forced GC: ${(heapStart / 2 ** 20).toFixed(1)} MiB at the start, ${(heapEnd / 2 ** 20).toFixed(1)} MiB at the end (CDP Runtime.getHeapUsage; the worklet's isolate is not included)`,
      },
      {
        name: `soak ${TRACKS} tracks DSP load mean`,
        value: (100 * whole.busyMs) / (whole.blocks * BLOCK_MS),
        unit: '% of block',
        better: 'lower',
        note: `over the whole run; first window ${windows[0]?.mean.toFixed(1) ?? '?'} %, last ${windows.at(-1)?.mean.toFixed(1) ?? '?'} % (flat = no slowdown over time); p99 block ${blockPercentileMs(whole, 0.99).toFixed(3)} ms`,
      },
    ];
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Takes `--minutes N` out of the bench arguments (or GLOWROOM_SOAK_MINUTES); the rest are suite names. */
export function soakMinutesFrom(args: readonly string[]): { minutes: number; rest: string[] } {
  const at = args.indexOf('--minutes');
  const given = at >= 0 ? args[at + 1] : process.env['GLOWROOM_SOAK_MINUTES'];
  const minutes = given === undefined ? DEFAULT_SOAK_MINUTES : Number(given);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error(`--minutes wants a positive number of minutes, e.g. \`npm run bench -- soak --minutes 3\` (got ${given})`);
  return { minutes, rest: at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : [...args] };
}
