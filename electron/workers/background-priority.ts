import { readlinkSync } from 'node:fs';
import os from 'node:os';

/** The nice value of background work: any thread at the default 0 (audio, the window) goes first. */
export const backgroundNice = 10;

/**
 * Lowers the calling thread's scheduling priority to `backgroundNice`, so background analysis
 * takes only the CPU time that playback and the window leave, yet uses every core when they idle.
 * Linux only, where each thread has its own nice value (`/proc/thread-self` names the thread);
 * elsewhere priority belongs to the whole process, which must not drop, so nothing changes. A
 * system that refuses leaves the thread as it was.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, backgroundNice);
  } catch {
    // No /proc, or not permitted: analysis runs at normal priority.
  }
}
