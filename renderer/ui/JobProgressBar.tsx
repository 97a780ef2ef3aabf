import type { JobProgress } from '../../src/protocol/ipc';
import './job-progress.css';
import { fileName } from '../../src/std/file-name';

/** An import lists its files (searchable at once), then analyses them: the bar says which. */
const phaseWords: Readonly<Record<NonNullable<JobProgress['phase']> | 'none', string>> = { indexing: 'Listing ', analysing: 'Analysing ', none: '' };

/**
 * A long job's progress as every view shows it: the bar (files done of total), a line of detail
 * (counts, speed, time left, the current file) and Cancel. `job` is null until the job first
 * reports; the bar then reads as starting and Cancel waits.
 */
export function JobProgressBar({ job, noun, waiting, onCancel }: { job: JobProgress | null; noun: string; waiting: string; onCancel: () => void }) {
  const total = job?.total ?? null;
  const done = job?.done ?? 0;
  const counted = total === null ? waiting : `${phaseWords[job?.phase ?? 'none']}${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files${job?.phase ? '…' : ''}`;
  const speed = job && job.rate > 0 ? ` · ${job.rate.toFixed(1)} files/s` : '';
  const left = job && job.etaSeconds !== null ? ` · ${Math.ceil(job.etaSeconds)} s left` : '';
  const current = job?.current ? ` · ${fileName(job.current)}` : '';
  return (
    <div className="job-progress">
      <div role="progressbar" aria-label={`${noun} progress`} aria-valuemin={0} aria-valuemax={total ?? undefined} aria-valuenow={done} aria-valuetext={counted} className="progress">
        <div className="progress-fill" style={{ transform: `scaleX(${total ? done / total : 0})` }} />
      </div>
      <span className="job-progress-detail" title={job?.current ?? ''}>
        {counted}
        {speed}
        {left}
        {current}
      </span>
      <button type="button" aria-label={`Cancel ${noun.toLowerCase()}`} disabled={job === null} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
