import { useEffect, useState } from 'react';
import { useLibrary } from '../../state/library-store';
import '../job-progress.css';

/**
 * While a library from an older Glowroom is brought up to date at startup (seconds for a large
 * one; searches wait for it): which step of how many, what it does, and a clock that keeps
 * counting, so the panel reads as busy rather than hung.
 */
export function LibraryUpgrade() {
  const upgrade = useLibrary((s) => s.upgrade);
  const seconds = useSecondsSince(upgrade?.jobId ?? null);
  if (!upgrade) return null;
  const { done, total, current } = upgrade;
  const step = total === null ? 'starting' : `step ${Math.min(done + 1, total)} of ${total}${current ? ` (${current})` : ''}`;
  const text = `Upgrading the library for this version of Glowroom: ${step}… ${seconds} s`;
  return (
    <div className="library-upgrade job-progress" role="status">
      <div role="progressbar" aria-label="Library upgrade progress" aria-valuemin={0} aria-valuemax={total ?? undefined} aria-valuenow={done} aria-valuetext={text} className="progress">
        <div className="progress-fill" style={{ transform: `scaleX(${total ? done / total : 0})` }} />
      </div>
      <span className="library-upgrade-detail">{text}</span>
    </div>
  );
}

/** Whole seconds since `key` last changed to a non-null value, ticking each second; 0 while null. */
function useSecondsSince(key: string | null): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (key === null) return;
    const started = performance.now();
    const timer = setInterval(() => setSeconds(Math.floor((performance.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [key]);
  return seconds;
}
