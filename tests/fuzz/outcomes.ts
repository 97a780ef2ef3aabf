/**
 * How a hostile input went, for the fuzz sets' figures: refused clearly (a typed error with a
 * message a producer can act on), opened correctly, wrong (opened what it should have refused,
 * or refused with internal text or with the file's own content), crashed (an untyped exception),
 * hung (over the time budget).
 */
import { isGlowroomError } from '../../src/std/errors';

export type Outcome = 'refused' | 'opened' | 'wrong' | 'crashed' | 'hung';

export interface Verdict {
  readonly outcome: Outcome;
  /** Why, for the failure list: the message, the exception or the time. */
  readonly detail: string;
}

/** Words that only internal messages contain: the user must never see them. */
const internalText = /Invariant|undefined|TypeError|RangeError|SyntaxError|Unexpected token|at position|Maximum call stack|is not a function|Cannot read prop|E[A-Z]{3,} |realpath|Offset is outside/;

/** Whether `error` is a refusal a person can act on; `secret` must not appear in it. */
export function judgeRefusal(error: unknown, secret?: string): Verdict {
  if (!isGlowroomError(error)) return { outcome: 'crashed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  const message = error.message;
  if (error.code === 'internal') return { outcome: 'wrong', detail: `internal: ${message}` };
  if (internalText.test(message)) return { outcome: 'wrong', detail: `internal text: ${message.slice(0, 300)}` };
  if (message.length > 600) return { outcome: 'wrong', detail: `a message of ${message.length} characters` };
  if (secret && message.includes(secret)) return { outcome: 'wrong', detail: `echoes the file: ${message.slice(0, 300)}` };
  return { outcome: 'refused', detail: message };
}

/** Runs `attempt` and times it; over `budgetMs` is a hang whatever it returned. */
export async function timed<T>(attempt: () => Promise<T>, budgetMs: number): Promise<{ value?: T; error?: unknown; hung: boolean; ms: number }> {
  const started = performance.now();
  let value: T | undefined;
  let error: unknown;
  let failed = false;
  try {
    value = await attempt();
  } catch (caught) {
    error = caught;
    failed = true;
  }
  const ms = performance.now() - started;
  return { ...(failed ? { error } : { value: value as T }), hung: ms > budgetMs, ms };
}

export type Tally = Record<Outcome, number> & { tried: number };

export function tally(verdicts: readonly Verdict[]): Tally {
  const counts: Tally = { tried: verdicts.length, refused: 0, opened: 0, wrong: 0, crashed: 0, hung: 0 };
  for (const verdict of verdicts) counts[verdict.outcome]++;
  return counts;
}

export function formatTally(name: string, counts: Tally): string {
  return `${name}: tried ${counts.tried} / refused clearly ${counts.refused} / opened correctly ${counts.opened} / wrong ${counts.wrong} / crashed ${counts.crashed} / hung ${counts.hung}`;
}
