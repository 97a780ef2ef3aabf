import { nameTokens } from './name-tokens';

export type SampleKind = 'one-shot' | 'loop';

/** Shortest sound that counts as a loop on the strength of a tempo in its name alone. */
export const minLoopSeconds = 1.5;

const loopWords = new Set(['loop', 'loops']);
const oneShotWords = new Set(['oneshot', 'oneshots', 'shot', 'shots', 'hit', 'hits', 'stab', 'stabs']);

/**
 * Whether a sound is a loop (plays in time, repeats) or a one-shot (triggered). `name` may be a
 * whole relative path, so a `Loops/` folder counts. The words decide first: `loop` makes a loop,
 * `one shot`/`hit`/`stab` a one-shot. Otherwise a sound with a stated tempo that lasts at least
 * 1.5 s (a bar at 160 BPM) is a loop, and everything else a one-shot.
 */
export function classifyKind(durationSeconds: number, name: string, tempo: number | null): SampleKind {
  const tokens = nameTokens(name);
  if (tokens.some((token) => loopWords.has(token))) return 'loop';
  const saysOneShot = tokens.some((token, i) => oneShotWords.has(token) || (token === 'one' && tokens[i + 1]?.startsWith('shot')));
  if (saysOneShot) return 'one-shot';
  return tempo !== null && durationSeconds >= minLoopSeconds ? 'loop' : 'one-shot';
}
