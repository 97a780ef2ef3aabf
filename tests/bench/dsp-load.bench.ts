import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-result';
import { binMs } from './worklet-harness/block-timing';
import { mixDevices, writeMixProject } from './mix-project';
import { blockMs, blockPercentileMs, clockNote, measureBlockLoad, openMixSession } from './mix-session';

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
 * AudioWorklet scope no `performance` and `Date.now()` counts whole milliseconds (37.5 % of a
 * block, too coarse for a p99), but the scope has `Temporal`: each block is timed by
 * `Temporal.Now.instant()` before and after (worklet/block-clock.ts; its resolution is measured
 * when the processor starts and given in the note), into a histogram of 25 µs bins:
 * - mean load = Σ block durations ÷ (blocks × 2.667 ms);
 * - p99 = the upper edge of the bin holding the 99th-percentile block ÷ 2.667 ms (a bound within
 *   one bin, or within the clock's resolution if that is coarser);
 * - over-budget blocks: blocks that took longer than 2.667 ms (the app's "dropouts" count, which
 *   the app's DspLoadMeter still takes with `Date.now()`).
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
      const { window, meanPercent: mean, p99Percent } = await measureBlockLoad(session, WARMUP_MS, MEASURE_MS);
      const goal = tracks === GOAL_TRACKS ? `goal: ${GOAL_TRACKS} tracks under ${GOAL_P99} % p99; ` : '';
      const shape = `${tracks} tracks, ${mixDevices}; ${window.blocks} blocks in ${MEASURE_MS / 1000} s of ${Math.round(MEASURE_MS / blockMs)} due (fewer: the audio thread fell behind) after ${WARMUP_MS / 1000} s warm-up; Chromium realtime AudioWorklet, ${clockNote(window)}; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs`;
      results.push(
        { name: `DSP load ${tracks} tracks mean`, value: mean, unit: '% of block', better: 'lower', note: `${goal}${shape}` },
        {
          name: `DSP load ${tracks} tracks p99`,
          value: p99Percent,
          unit: '% of block',
          better: 'lower',
          note: `${goal}99 % of blocks took ≤ ${blockPercentileMs(window, 0.99).toFixed(3)} ms; p50 ${blockPercentileMs(window, 0.5).toFixed(3)} ms, p99.9 ${blockPercentileMs(window, 0.999).toFixed(3)} ms, longest ${longest(window.histogram)}; blocks over their 2.667 ms: ${window.overloads}`,
        },
      );
      process.stderr.write(`  ${tracks} tracks: mean ${mean.toFixed(1)} %, p99 ${p99Percent.toFixed(1)} %, over budget ${window.overloads} (clock resolution ${(1000 * window.resolutionMs).toFixed(0)} µs)\n`);
    }
    return results;
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The longest block: the upper edge of the highest histogram bin with a block in it (the last bin holds every longer one). */
function longest(histogram: readonly number[]): string {
  const last = histogram.length - 1;
  if ((histogram[last] ?? 0) > 0) return `≥ ${(last * binMs).toFixed(0)} ms`;
  for (let bin = last - 1; bin > 0; bin--) if ((histogram[bin] ?? 0) > 0) return `≤ ${((bin + 1) * binMs).toFixed(3)} ms`;
  return `≤ ${binMs} ms`;
}
