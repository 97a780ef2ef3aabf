import type { JobProgress } from '../../../src/protocol/ipc';
import type { ProgressSink } from '../jobs';
import { startWorker } from '../start-worker';
import type { UpgradeStep } from './database';

/** While an upgrade runs, its last step is told again this often, so a window that connects late sees it. */
export const upgradeHeartbeatMs = 1000;

/**
 * Upgrades the library at `file` (which `pendingUpgrade` found older) in a worker thread, so the
 * host goes on answering while it runs, and reports it as job `jobId` of kind `library-upgrade`:
 * `done` of `total` steps, `current` the step's description, repeated every `upgradeHeartbeatMs`;
 * then finished, or failed (the library stays at the last step that completed; opening it again
 * resumes there and says what went wrong).
 */
export function upgradeInWorker(file: string, jobId: string, progress: ProgressSink): Promise<void> {
  let last: JobProgress = { jobId, kind: 'library-upgrade', done: 0, total: null, current: null, rate: 0, etaSeconds: null, state: 'running' };
  const tell = (next: JobProgress) => {
    last = next;
    progress(next);
  };
  tell(last);
  const heartbeat = setInterval(() => progress(last), upgradeHeartbeatMs);
  const worker = startWorker('library-upgrade-worker', { file });
  worker.on('message', (step: UpgradeStep) => tell({ ...last, done: step.step - 1, total: step.steps, current: step.description }));
  return new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the library upgrade stopped (exit code ${code})`))));
  }).then(
    () => tell({ ...last, done: last.total ?? 0, current: null, state: 'finished' }),
    (error: unknown) => {
      tell({ ...last, state: 'failed' });
      throw error;
    },
  ).finally(() => clearInterval(heartbeat));
}
