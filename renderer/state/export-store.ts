import { create } from 'zustand';
import type { ExportArgs, ExportReport, JobProgress } from '../../src/protocol/ipc';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';

interface ExportState {
  /** Progress of the export under way. */
  readonly job: JobProgress | null;
  readonly running: boolean;
  /** The loudness report of the last finished export. */
  readonly report: ExportReport | null;
  start(args: ExportArgs): Promise<void>;
  cancel(): Promise<void>;
  clearReport(): void;
  onProgress(progress: JobProgress): void;
}

export const useExport = create<ExportState>()((set, get) => ({
  job: null,
  running: false,
  report: null,
  async start(args) {
    set({ running: true, report: null, job: null });
    try {
      const report = await runtime().bridge.call('export.start', args);
      set({ report });
      useSession.getState().notify('info', `Exported ${report.outPath ?? report.stemsZip ?? `${report.stems.length} stems`}.`);
    } catch (error) {
      reportError(error);
    } finally {
      set({ running: false, job: null });
    }
  },
  async cancel() {
    const job = get().job;
    if (job) await runtime().bridge.call('job.cancel', { jobId: job.jobId });
  },
  clearReport: () => set({ report: null }),
  onProgress(progress) {
    if (progress.kind === 'export') set({ job: progress.state === 'running' ? progress : null });
  },
}));
