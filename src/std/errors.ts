/**
 * Errors that cross a boundary carry a stable code (for code) and a sentence (for the user).
 * The message says what went wrong and, where it can, what to do about it.
 */
export const errorCodes = [
  /** The arguments of a call did not match the contract. */
  'invalid-args',
  /** The operation name is not in the contract. */
  'unknown-operation',
  /** A file or folder that was named does not exist. */
  'not-found',
  /** A path names a folder where a file was expected, or the reverse. */
  'wrong-kind',
  /** The bytes are not in the format that was expected (or any format we read). */
  'bad-format',
  /** A format we recognise, in a variant we do not support. */
  'unsupported',
  /** A path the user has not given Glowroom (picked, dropped, in the library or a project's folder). */
  'not-allowed',
  /** The file system refused (permission, disk full, …). */
  'io',
  /** The user or the program cancelled a job. */
  'cancelled',
  /** The connection to the other side failed or was refused. */
  'transport',
  /** A bug: something that should not happen did. */
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class GlowroomError extends Error {
  override readonly name = 'GlowroomError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isGlowroomError(value: unknown): value is GlowroomError {
  return value instanceof GlowroomError;
}
