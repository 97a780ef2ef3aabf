import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-result';
import { blockMs, blockPercentileMs, clockNote, measureBlockLoad, openMixSession } from './mix-session';
import { benchPatchDescription } from './synth-load';

const WARMUP_MS = 3_000;
const MEASURE_MS = 10_000;

/**
 * DSP load of the synth in Chromium's realtime AudioWorklet, per 128-frame block at 48 kHz, for 64
 * and 128 held voices (unison 1; patch in synth-load.ts), timed inside the worklet as the mix
 * bench does (dsp-load.bench.ts explains the method: Temporal.Now.instant() around each block).
 * Goal: 128 voices under 50 % p99.
 */
export async function benchSynthWorklet(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-synth-'));
  const session = await openMixSession(path.join(dir, 'home'));
  try {
    const results: BenchResult[] = [];
    for (const voices of [64, 128]) {
      const load = os.loadavg()[0] ?? 0;
      await session.page.evaluate(`window.startSynth(${voices})`);
      const { window, meanPercent: mean, p99Percent } = await measureBlockLoad(session, WARMUP_MS, MEASURE_MS);
      const note = `${voices} voices held, ${benchPatchDescription}; ${window.blocks} blocks in ${MEASURE_MS / 1000} s of ${Math.round(MEASURE_MS / blockMs)} due; over budget ${window.overloads}; Chromium realtime AudioWorklet, ${clockNote(window)}; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs${voices === 128 ? '; goal: under 50 % p99' : ''}`;
      results.push(
        { name: `synth ${voices} voices mean (worklet)`, value: mean, unit: '% of block', better: 'lower', note },
        { name: `synth ${voices} voices p99 (worklet)`, value: p99Percent, unit: '% of block', better: 'lower', note: `99 % of blocks took ≤ ${blockPercentileMs(window, 0.99).toFixed(3)} ms; ${note}` },
      );
      process.stderr.write(`  ${voices} voices: mean ${mean.toFixed(1)} %, p99 ${p99Percent.toFixed(1)} %, over budget ${window.overloads}\n`);
    }
    return results;
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
