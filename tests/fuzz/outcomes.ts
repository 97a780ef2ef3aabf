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

/** A hostile set's run: its seed, how many mutants, and the test's timeout for that many. */
export interface HostileRun {
  readonly seed: number;
  readonly mutants: number;
  readonly timeoutMs: number;
}

/**
 * The fixed run a test makes in `npm test`, or a long one with other seeds:
 * `FUZZ_SEED=S FUZZ_MUTANTS=N npx vitest run tests/integration/hostile-projects.test.ts`
 * (or hostile-bundles). The timeout grows with the mutants; the printed tally names the seed.
 */
export function hostileRun(fixed: HostileRun, env: NodeJS.ProcessEnv = process.env): HostileRun {
  const read = (name: string, fallback: number): number => {
    const given = env[name];
    if (given === undefined || given === '') return fallback;
    const value = Number(given);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, not ${given}`);
    return value;
  };
  const mutants = read('FUZZ_MUTANTS', fixed.mutants);
  return { seed: read('FUZZ_SEED', fixed.seed), mutants, timeoutMs: Math.max(1, mutants / Math.max(1, fixed.mutants)) * fixed.timeoutMs };
}
