import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RenderBits, RenderJob, RenderWorkerMessage } from '../services/render/render-job';
import { startWorker } from '../services/start-worker';

const bitsChoices: Record<string, RenderBits> = { '16': 16, '24': 24, '32f': '32f' };

/**
 * `glowroom render <project> -o <out.wav> [--bits 16|24|32f] [--rate HZ] [--json]`: renders the
 * mix from the start to the end of the last clip in a worker thread, with progress on stderr.
 */
export async function renderCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        bits: { type: 'string', default: '24' },
        rate: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`glowroom render: ${(error as Error).message}`);
    return 2;
  }
  const [projectPath, ...extra] = parsed.positionals;
  const { output, json } = parsed.values;
  const bits = bitsChoices[parsed.values.bits];
  const rate = parsed.values.rate === undefined ? undefined : Number(parsed.values.rate);
  const problem = usageProblem(projectPath, extra, output, bits, parsed.values.bits, rate, parsed.values.rate);
  if (problem || !projectPath || !output || bits === undefined) {
    console.error(`glowroom render: ${problem}`);
    return 2;
  }

  const job: RenderJob = { projectPath: path.resolve(projectPath), outPath: path.resolve(output), bits, ...(rate ? { sampleRate: rate } : {}) };
  const worker = startWorker('render-worker', job);
  const onInterrupt = () => worker.postMessage({ type: 'cancel' });
  process.once('SIGINT', onInterrupt);
  const started = performance.now();
  try {
    const outcome = await new Promise<RenderWorkerMessage>((resolve, reject) => {
      worker.on('message', (message: RenderWorkerMessage) => {
        if (message.type === 'progress') reportProgress(message.done, message.total, started);
        else resolve(message);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the render worker stopped unexpectedly (exit code ${code})`)));
    });
    process.stderr.write('\n');
    if (outcome.type === 'failed') {
      console.error(`glowroom render: ${outcome.error.message}`);
      return 1;
    }
    if (outcome.type !== 'done') return 1;
    const { summary } = outcome;
    for (const source of summary.unplayable) {
      console.error(`warning: source "${source.sourceId}" was left silent: ${source.reason}`);
    }
    if (json) console.log(JSON.stringify(summary, null, 2));
    else {
      const speed = summary.duration / summary.elapsed;
      console.log(`Wrote ${summary.outPath}: ${summary.duration.toFixed(2)} s at ${summary.sampleRate} Hz, ${summary.bits === '32f' ? '32-bit float' : `${summary.bits}-bit`} (${speed.toFixed(0)}× realtime).`);
    }
    return 0;
  } catch (error) {
    console.error(`glowroom render: ${(error as Error).message}`);
    return 1;
  } finally {
    process.off('SIGINT', onInterrupt);
    await worker.terminate();
  }
}

function reportProgress(done: number, total: number, started: number): void {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const elapsed = (performance.now() - started) / 1000;
  const eta = done > 0 ? (elapsed * (total - done)) / done : 0;
  process.stderr.write(`\rRendering… ${String(percent).padStart(3)}%  ETA ${eta.toFixed(1)} s `);
}

function usageProblem(
  projectPath: string | undefined,
  extra: string[],
  output: string | undefined,
  bits: RenderBits | undefined,
  bitsText: string,
  rate: number | undefined,
  rateText: string | undefined,
): string | null {
  if (!projectPath || extra.length > 0) return 'name exactly one project, e.g. `glowroom render song.glowroom -o song.wav`.';
  if (!output) return 'say where to write the mix with -o, e.g. `-o song.wav`.';
  if (!output.toLowerCase().endsWith('.wav')) return 'only WAV output is available so far: give -o a name ending in .wav.';
  if (bits === undefined) return `--bits must be 16, 24 or 32f, not "${bitsText}".`;
  if (rate !== undefined && !(Number.isInteger(rate) && rate >= 8_000 && rate <= 384_000)) {
    return `--rate must be a sample rate in hertz from 8000 to 384000, not "${rateText}".`;
  }
  return null;
}
