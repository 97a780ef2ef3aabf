import type { IpcError } from '../../src/protocol/ipc';
import { GlowroomError } from '../../src/std/errors';

/** Any thrown value as the contract's error: GlowroomErrors keep their code, the rest are bugs. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof GlowroomError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
