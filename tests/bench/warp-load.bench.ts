import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-result';
import { writeMixProject } from './mix-project';
import { blockMs, blockPercentileMs, clockNote, measureBlockLoad, openMixSession } from './mix-session';

const CLIP_COUNTS = [8, 16, 32];
const MODES = ['tonal', 'beats'] as const;
const WARMUP_MS = 3_000;
const MEASURE_MS = 8_000;
const GOAL_CLIPS = 32;
const GOAL_P99 = 50;

/**
 * DSP load per block of 8, 16 and 32 warped stereo clips, in tonal and in beats mode, in
 * Chromium's realtime AudioWorklet, measured like `dsp-load.bench.ts` (each process() timed in
 * the worklet by Temporal.Now.instant(), a histogram of 25 µs bins).
 * Each track plays one looping clip of a 48 kHz stereo source at 120 BPM warped from 100 BPM;
 * every other clip is also transposed +3 semitones (the stretched stream resampled). No inserts,
 * sends or buses, so the figures are the stretcher's. Goal (issue #17): 32 tonal clips under 50 % p99.
 */
export async function benchWarpLoad(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-warp-'));
  // The sources live in the app's own data folder, a place the services may read without a grant.
  const home = path.join(dir, 'home');
  const session = await openMixSession(home);
  try {
    const results: BenchResult[] = [];
    for (const mode of MODES) {
      for (const clips of CLIP_COUNTS) {
        const projectPath = writeMixProject(home, `warp ${mode} ${clips}`, clips, (WARMUP_MS + MEASURE_MS) / 1000 + 5, {
          effects: false,
          clip: (i) => ({ warp: { mode, sourceTempo: 100, markers: [] }, transpose: i % 2 === 1 ? 3 : 0 }),
        });
        const load = os.loadavg()[0] ?? 0;
        await session.start(projectPath);
        const { window, meanPercent, p99Percent } = await measureBlockLoad(session, WARMUP_MS, MEASURE_MS);
        const goal = mode === 'tonal' && clips === GOAL_CLIPS ? `goal: ${GOAL_CLIPS} tonal clips under ${GOAL_P99} % p99; ` : '';
        const shape = `${goal}${clips} stereo clips warped 100 → 120 BPM in ${mode} mode, every other one +3 semitones, no effects; ${window.blocks} blocks in ${MEASURE_MS / 1000} s of ${Math.round(MEASURE_MS / blockMs)} due; ${clockNote(window)}; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs`;
        results.push(
          { name: `Warp ${mode} ${clips} clips mean`, value: meanPercent, unit: '% of block', better: 'lower', note: shape },
          { name: `Warp ${mode} ${clips} clips p99`, value: p99Percent, unit: '% of block', better: 'lower', note: `${shape}; 99 % of blocks took ≤ ${blockPercentileMs(window, 0.99).toFixed(3)} ms; over budget ${window.overloads}` },
        );
        process.stderr.write(`  ${mode} ${clips}: mean ${meanPercent.toFixed(1)} %, p99 ${p99Percent.toFixed(1)} %, over budget ${window.overloads}\n`);
      }
    }
    return results;
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
