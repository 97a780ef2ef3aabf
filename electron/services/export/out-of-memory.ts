import { GlowroomError } from '../../../src/std/errors';

/** What V8 throws when it cannot allocate a buffer or a typed array. */
const allocationFailure = /allocation failed|invalid (typed )?array( buffer)? length|out of memory/i;

/**
 * An export that ran out of memory (an allocation refused inside it, or its worker stopped at
 * its heap limit), in words for the user, or null for any other failure.
 */
export function outOfMemory(error: unknown): GlowroomError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const exhausted = code === 'ERR_WORKER_OUT_OF_MEMORY' || (error instanceof RangeError && allocationFailure.test(error.message));
  return exhausted ? new GlowroomError('io', 'There was not enough memory to finish the export, so nothing was written. Close other programs (or export a shorter range) and try again.') : null;
}
