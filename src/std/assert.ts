/** Fails loudly on a broken invariant: a bug, never bad user input (that gets a GlowroomError). */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}

export function assertNever(value: never, what: string): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
