import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AudioTags } from '../../src/codecs/audio-tags';
import { serializeProject } from '../../src/model/parse-project';
import type { ExportArgs as ExportArgsSchema, ExportReport } from '../../src/protocol/ipc';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { dataDir } from './data-dir';
import { runExportWorker } from './export/start-export-worker';
import type { JobRegistry, ProgressSink } from './jobs';
import { sourceFiles, type MayRead } from './projects/source-files';

type ExportQuery = z.infer<typeof ExportArgsSchema>;

/**
 * Exports the document as it is in the window (saved or not) through the export worker: the
 * document is handed over as a temporary project file, progress becomes `job.progress` events,
 * and `job.cancel` stops the worker before anything is written under the final names.
 */
export class ExportService {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly home: string = dataDir(),
    /** Glowroom's own exports folder, made when an export first goes there. */
    private readonly exportsDir: string | null = null,
  ) {}

  /**
   * Runs an export of `args.project` in a worker. Its sources that the user has not given
   * Glowroom (`mayRead`: the path grants) are never read: a project from someone else may name
   * any file on this disk, and playback, which asks the grants, would not play them either.
   */
  async start(args: ExportQuery, progress: ProgressSink, mayRead: MayRead): Promise<ExportReport> {
    const job = this.jobs.start();
    const folder = path.join(this.home, 'exports');
    const projectPath = path.join(folder, `${job.jobId}.glowroom`);
    const started = performance.now();
    try {
      await fs.mkdir(folder, { recursive: true });
      if (this.exportsDir && [args.outPath, args.stems?.folder].some((p) => p && path.dirname(p) === this.exportsDir)) await fs.mkdir(this.exportsDir, { recursive: true });
      await writeFileAtomic(projectPath, Buffer.from(serializeProject(args.project), 'utf8'));
      const files = [...new Set(sourceFiles(args.project, folder).values())];
      const given = await Promise.all(files.map(mayRead));
      const run = runExportWorker(
        {
          projectPath,
          ungiven: files.filter((_, i) => !given[i]),
          ...(args.outPath ? { outPath: args.outPath } : {}),
          ...(args.stems ? { stems: args.stems } : {}),
          options: {
            range: args.range,
            format: args.format,
            sampleRate: args.sampleRate,
            tailSeconds: args.tailSeconds,
            normalize: args.normalize,
            tags: withoutEmpty(args.tags),
          },
        },
        (message) => {
          const seconds = (performance.now() - started) / 1000;
          const fraction = message.total > 0 ? message.done / message.total : 0;
          progress({
            jobId: job.jobId,
            kind: 'export',
            done: message.done,
            total: message.total,
            current: message.label,
            rate: seconds > 0 ? message.done / seconds : 0,
            etaSeconds: fraction > 0.02 ? (seconds * (1 - fraction)) / fraction : null,
            state: 'running',
          });
        },
      );
      job.signal.addEventListener('abort', () => run.cancel(), { once: true });
      const report = await run.result;
      progress({ jobId: job.jobId, kind: 'export', done: 1, total: 1, current: null, rate: 0, etaSeconds: null, state: 'finished' });
      return {
        jobId: job.jobId,
        outPath: report.outPath,
        format: report.format,
        sampleRate: report.sampleRate,
        duration: report.duration,
        speed: report.speed,
        loudness: report.loudness,
        normalization: report.normalization,
        platforms: report.platforms.map(({ platform, gainDb, sentence }) => ({ platform, gainDb, sentence })),
        stems: [...report.stems],
        stemsZip: report.stemsZip,
        warnings: [...report.warnings, ...report.unplayable.map((u) => `Left silent: ${u.path} (${u.reason})`)],
      };
    } catch (error) {
      progress({ jobId: job.jobId, kind: 'export', done: 0, total: 1, current: null, rate: 0, etaSeconds: null, state: job.signal.aborted ? 'cancelled' : 'failed' });
      throw error;
    } finally {
      await fs.rm(projectPath, { force: true });
      job.finish();
    }
  }
}

/** Tags the producer left blank are not written at all. */
function withoutEmpty(tags: ExportQuery['tags']): AudioTags {
  return Object.fromEntries(Object.entries(tags).filter(([, value]) => value !== undefined && value !== '')) as AudioTags;
}

