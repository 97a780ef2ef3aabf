import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_RATE_HZ, BENCH_SECONDS, BENCH_TRACKS, dbfs, writeBenchProject } from '../support/bench-project';
import type { BenchResult } from './bench-result';
import { runCli } from './render-cli';

/** Song lengths: the bench project's and twice that, to show memory flat in song length. */
const LENGTHS = [BENCH_SECONDS, 2 * BENCH_SECONDS];
const FORMATS = ['flac', 'mp3'] as const;

/**
 * Peak memory of `glowroom render` (the compiled command as a child process, its worker threads
 * included) on the bench project with compressed sources: 16 stereo tracks of FLAC (`flac -5`,
 * 24-bit) or MP3 (`lame -b 320`) encoded from the 24-bit WAV sources of the render bench, at the
 * bench's length and twice it. Goal (issue #18): ≤ 300 MiB, flat in song length. One run each
 * (the sources take long to encode; peak RSS varies little between runs); the output is checked
 * for length and signal.
 */
export async function benchRenderMemory(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const format of FORMATS) {
    const peaks: number[] = [];
    for (const seconds of LENGTHS) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-render-memory-'));
      try {
        const { projectPath } = writeBenchProject(dir, 'Render memory bench', { seconds, format });
        const load = os.loadavg()[0] ?? 0;
        const run = runCli(projectPath, dir, seconds * BENCH_RATE_HZ);
        const mib = run.maxRssKiB / 1024;
        peaks.push(mib);
        const flat = peaks.length > 1 ? `; ${((mib / (peaks[0] as number)) * 100).toFixed(0)} % of the ${LENGTHS[0]} s song's peak` : '';
        results.push({
          name: `render ${BENCH_TRACKS}×${seconds} s ${format.toUpperCase()} sources peak memory`,
          value: mib,
          unit: 'MiB',
          better: 'lower',
          note: `goal ≤ 300 MiB, flat in song length${flat}; max RSS of \`glowroom render … --bits 24\` (render worker threads included) via ${run.method}; wall ${run.seconds.toFixed(1)} s, CPU user+sys ${run.cpuSeconds?.toFixed(1) ?? '?'} s; output checked: ${seconds * BENCH_RATE_HZ} frames, peak ${dbfs(run.peak)}; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs`,
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return results;
}
