import { randomUUID } from 'node:crypto';
import type { JobProgress } from '../../src/protocol/ipc';

export type ProgressSink = (progress: JobProgress) => void;

/**
 * Long jobs (imports now; renders and exports later) register here so `job.cancel` can reach
 * them. A cancelled job stops at its next step and keeps what it finished.
 */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  start(): { jobId: string; signal: AbortSignal; finish: () => void } {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return { jobId, signal: controller.signal, finish: () => this.running.delete(jobId) };
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
