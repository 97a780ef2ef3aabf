import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-result';
import { mixDevices, writeMixProject } from './mix-project';
import { blockMs, measureBlockLoad, openMixSession } from './mix-session';

const TRACK_COUNTS = [8, 32, 64, 128];
const WARMUP_MS = 3_000;
const MEASURE_MS = 10_000;
const GOAL_TRACKS = 128;
const GOAL_P99 = 50;

/**
 * DSP load per 128-frame block of the mixer in Chromium's realtime AudioWorklet, for 8, 32, 64
 * and 128 tracks, each with an EQ and a compressor inserted and two post-fader sends (a reverb
 * bus and a delay bus), a limiter on the master (`mix-project.ts`; devices the catalog lacks are
 * replaced by stand-ins and every note names the devices really used).
 *
 * Method: the bench page (tests/bench/worklet-harness) plays the project in a realtime
 * AudioContext at 48 kHz through a processor that runs the engine as the app's does (engine
 * block + safety stage) and times each `process()` call inside the worklet. Chromium gives the
 * AudioWorklet scope no `performance`, only `Date.now()` in whole milliseconds, so:
 * - mean load = Σ per-block ticks ÷ (blocks × 2.667 ms): exact on average, because a block's
 *   tick difference is its true duration rounded up or down with the right odds (the method of
 *   the engine's own DSP-load meter);
 * - p99 = the 99th-percentile block tick in ms ÷ 2.667 ms: quantised to 37.5 % steps (0 ms, 1 ms,
 *   2 ms…), so a p99 of 37.5 % means "99 % of blocks ticked at most 1 ms", i.e. took under 2 ms
 *   (75 %) — read it as a bound, not a point;
 * - over-budget blocks: blocks that took longer than 2.667 ms (the app's "dropouts" count).
 * A mix the thread cannot keep up with renders fewer blocks than its time holds; the note
 * gives blocks rendered against blocks due. Each count plays WARMUP_MS (JIT, sample pool, context start), then MEASURE_MS is measured.
 * The machine is shared: the 1-minute load average at the start of each run is in the note.
 */
export async function benchDspLoad(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-dsp-'));
  const session = await openMixSession(path.join(dir, 'home'));
  try {
    const results: BenchResult[] = [];
    for (const tracks of TRACK_COUNTS) {
      const projectPath = writeMixProject(dir, `dsp ${tracks}`, tracks, (WARMUP_MS + MEASURE_MS) / 1000 + 5);
      const load = os.loadavg()[0] ?? 0;
      await session.start(projectPath);
      const { window, meanPercent: mean, p99Tick } = await measureBlockLoad(session, WARMUP_MS, MEASURE_MS);
      const goal = tracks === GOAL_TRACKS ? `goal: ${GOAL_TRACKS} tracks under ${GOAL_P99} % p99; ` : '';
      const shape = `${tracks} tracks, ${mixDevices}; ${window.blocks} blocks in ${MEASURE_MS / 1000} s of ${Math.round(MEASURE_MS / blockMs)} due (fewer: the audio thread fell behind) after ${WARMUP_MS / 1000} s warm-up; Chromium realtime AudioWorklet, Date.now() ticks per process(); 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs`;
      results.push(
        { name: `DSP load ${tracks} tracks mean`, value: mean, unit: '% of block', better: 'lower', note: `${goal}${shape}` },
        {
          name: `DSP load ${tracks} tracks p99`,
          value: (100 * p99Tick) / blockMs,
          unit: '% of block',
          better: 'lower',
          note: `${goal}99 % of blocks ticked ≤ ${p99Tick} ms (1 ms tick = 37.5 % of a block: a bound, not a point); ticks 0/1/2/3+ ms: ${tickShares(window.histogram, window.blocks)}; blocks over their 2.667 ms: ${window.overloads}; longest tick ${longestTick(window.histogram)} ms`,
        },
      );
      process.stderr.write(`  ${tracks} tracks: mean ${mean.toFixed(1)} %, p99 tick ${p99Tick} ms, over budget ${window.overloads}\n`);
    }
    return results;
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function tickShares(histogram: readonly number[], blocks: number): string {
  const share = (count: number) => `${((100 * count) / blocks).toFixed(1)} %`;
  const rest = histogram.slice(3).reduce((sum, count) => sum + count, 0);
  return [histogram[0] ?? 0, histogram[1] ?? 0, histogram[2] ?? 0, rest].map(share).join(' / ');
}

function longestTick(histogram: readonly number[]): number {
  for (let ms = histogram.length - 1; ms > 0; ms--) if ((histogram[ms] ?? 0) > 0) return ms;
  return 0;
}
