import { encodeWav } from '../../../src/codecs/wav-writer';
import { DEFAULT_DITHER_SEED } from '../../../src/dsp/dither';
import { GlowroomError } from '../../../src/std/errors';
import { writeFileAtomic } from '../atomic-write';
import type { RenderJob, RenderSummary } from './render-job';
import { loadProjectFile, renderProject, type RenderOptions } from './render-project';

/**
 * Loads, renders and writes a project as WAV: 16/24-bit with TPDF dither from a fixed seed (the
 * same project always gives the same bytes) or 32-bit float. The file appears under its name
 * only when complete.
 */
export async function renderToFile(job: RenderJob, options: Pick<RenderOptions, 'signal' | 'onProgress'> = {}): Promise<RenderSummary> {
  const started = performance.now();
  const loaded = await loadProjectFile(job.projectPath);
  const result = await renderProject(loaded, { ...options, ...(job.sampleRate ? { sampleRate: job.sampleRate } : {}) });
  const bytes = encodeWav(
    { sampleRate: result.sampleRate, channels: result.channels },
    job.bits === '32f' ? { bitDepth: 32, float: true } : { bitDepth: job.bits, ditherSeed: DEFAULT_DITHER_SEED },
  );
  if (options.signal?.aborted) throw new GlowroomError('cancelled', 'Render cancelled.');
  await writeFileAtomic(job.outPath, bytes);
  const frames = result.channels[0].length;
  return {
    outPath: job.outPath,
    sampleRate: result.sampleRate,
    bits: job.bits,
    frames,
    duration: frames / result.sampleRate,
    elapsed: (performance.now() - started) / 1000,
    unplayable: result.unplayable,
  };
}
