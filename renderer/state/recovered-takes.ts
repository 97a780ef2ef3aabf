import type { z } from 'zod';
import type { RecoveredTakes } from '../../src/protocol/ipc';

type Recovered = z.infer<typeof RecoveredTakes>;
import { fileName } from '../../src/std/file-name';
import { useSession } from './session-store';

/** What to tell the user about takes a crash cut off and this start mended; null when there were none. */
export function recoveredTakesNotice(takes: Recovered['takes']): { text: string; details: string[] } | null {
  if (takes.length === 0) return null;
  const named = takes.map((take) => `${fileName(take.path)} (${take.seconds.toFixed(1)} s)`);
  const text = takes.length === 1
    ? `A recording cut off by a crash was mended: ${named[0]}, kept at ${takes[0]?.path}.`
    : `${takes.length} recordings cut off by a crash were mended: ${named.join(', ')}. Open the list to see where they are.`;
  return { text, details: takes.map((take) => `${take.path} — ${take.seconds.toFixed(1)} s kept`) };
}

/** Asks once at start which takes were mended and says so in the status bar. */
export async function announceRecoveredTakes(recovered: () => Promise<Recovered>): Promise<void> {
  const notice = recoveredTakesNotice((await recovered()).takes);
  if (notice) useSession.getState().notify('info', notice.text, notice.details);
}
