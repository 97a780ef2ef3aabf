import type { UpgradeStep } from '../services/library/database';
import type { ProgressLine } from './progress-line';

/**
 * What a command tells while it opens a library written by an older Glowroom: each step of the
 * upgrade on the progress line as it starts (a 100,000-sample library takes seconds, and the
 * command would look hung), then how long it took. Pass `onStep` to `openLibraryDatabase`, and
 * call `done` once it has returned.
 */
export function upgradeLine(progress: ProgressLine, now: () => number = () => performance.now()): { onStep: (step: UpgradeStep) => void; done: () => void } {
  let started: number | null = null;
  let from = 0;
  let to = 0;
  return {
    onStep(step) {
      started ??= now();
      from = step.from;
      to = step.to;
      progress.update(`Upgrading the library for this version of Glowroom: step ${step.step} of ${step.steps} (${step.description})…`, true);
    },
    done() {
      if (started === null) return;
      progress.update(`Library upgraded (schema ${from} → ${to}) in ${((now() - started) / 1000).toFixed(1)} s.`, true);
      progress.end();
    },
  };
}
