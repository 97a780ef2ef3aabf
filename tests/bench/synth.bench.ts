import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { createSynthInstrument } from '../../src/engine/instruments/synth-instrument';
import type { BenchResult } from './bench-result';
import { benchPatchDescription, SynthLoad } from './synth-load';

const RATE = 48_000;
const BLOCK_MS = (128 / RATE) * 1000;
const WARMUP_BLOCKS = 4000;
const MEASURE_BLOCKS = 20_000;

/**
 * DSP load of the synth in Node, per 128-frame block at 48 kHz, for 64 and 128 held voices (unison
 * 1; patch in synth-load.ts): mean and p99 of `performance.now()` around each `process()` call, as
 * a share of the block's 2.667 ms, and the mean of the process's CPU time (what the blocks cost
 * when the machine is shared and the wall clock also counts other processes). Goal: 128 voices under 50 % p99. The worklet figure comes from
 * the `synth-worklet` suite (Chromium's AudioWorklet, whole-ms ticks). The machine is shared: the
 * load average is in the note.
 */
export async function benchSynth(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const voices of [64, 128]) {
    const load = new SynthLoad(createSynthInstrument(RATE), voices);
    for (let i = 0; i < WARMUP_BLOCKS; i++) load.block();
    const times = new Float64Array(MEASURE_BLOCKS);
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < MEASURE_BLOCKS; i++) {
      const started = performance.now();
      load.block();
      times[i] = performance.now() - started;
    }
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMean = (cpu.user + cpu.system) / 1000 / MEASURE_BLOCKS;
    times.sort();
    const mean = times.reduce((sum, t) => sum + t, 0) / MEASURE_BLOCKS;
    const p99 = times[Math.floor(MEASURE_BLOCKS * 0.99)] as number;
    const note = `${voices} voices held, ${benchPatchDescription}; Node ${process.version}, ${MEASURE_BLOCKS} blocks after ${WARMUP_BLOCKS} warm-up; 1-minute load average ${(os.loadavg()[0] ?? 0).toFixed(2)} on ${os.cpus().length} CPUs${voices === 128 ? '; goal: under 50 % p99' : ''}`;
    results.push(
      { name: `synth ${voices} voices mean (Node)`, value: (100 * mean) / BLOCK_MS, unit: '% of block', better: 'lower', note },
      { name: `synth ${voices} voices p99 (Node)`, value: (100 * p99) / BLOCK_MS, unit: '% of block', better: 'lower', note },
      // On a loaded machine the wall clock counts the time other processes hold the core; the CPU time this process used does not.
      { name: `synth ${voices} voices mean CPU time (Node)`, value: (100 * cpuMean) / BLOCK_MS, unit: '% of block', better: 'lower', note: `process CPU time (user + system) over the same blocks; ${note}` },
    );
    process.stderr.write(`  ${voices} voices: mean ${((100 * mean) / BLOCK_MS).toFixed(1)} %, p99 ${((100 * p99) / BLOCK_MS).toFixed(1)} %, CPU ${((100 * cpuMean) / BLOCK_MS).toFixed(1)} %\n`);
  }
  return results;
}
