/**
 * Attack times for slicing (beats mode), to the sample, deterministic and cheap enough to run
 * when a clip's voice is built.
 *
 * The mono mix is first-differenced (an attack's high frequencies outweigh a sustain's lows) and
 * its energy taken in ~2 ms frames. A frame whose log energy rises `riseDb` over the loudest of
 * the ~10 ms before it, within `rangeDb` of the loudest frame of the sound, is an attack, at
 * least `minGapSeconds` after the last one. The attack's sample is the first one of the frame
 * before and the frame itself whose difference reaches 30 % of the largest difference around it,
 * so a click lands on its own sample rather than on a frame boundary (spectral-flux onsets in
 * `src/analysis/onsets.ts` are frame-accurate only, ±6 ms, too coarse to put a slice on the grid).
 */
import { log10 } from '../../std/det-math';
export interface TransientOptions {
  readonly riseDb?: number;
  readonly rangeDb?: number;
  readonly minGapSeconds?: number;
}

export function detectTransients(planes: readonly Float32Array[], sampleRate: number, options: TransientOptions = {}): number[] {
  const riseDb = options.riseDb ?? 9;
  const rangeDb = options.rangeDb ?? 45;
  const minGap = Math.round((options.minGapSeconds ?? 0.04) * sampleRate);
  const length = planes[0]?.length ?? 0;
  const width = Math.max(8, Math.round(sampleRate * 0.002));
  const frames = Math.floor(length / width);
  if (frames < 2) return [];
  const difference = new Float32Array(length);
  let previous = 0;
  for (let n = 0; n < length; n++) {
    let sum = 0;
    for (const plane of planes) sum += plane[n] as number;
    const mono = sum / planes.length;
    difference[n] = mono - previous;
    previous = mono;
  }
  const level = new Float64Array(frames);
  let loudest = -Infinity;
  for (let i = 0; i < frames; i++) {
    let energy = 0;
    for (let n = i * width; n < (i + 1) * width; n++) energy += (difference[n] as number) ** 2;
    level[i] = 10 * log10(energy + 1e-30);
    if ((level[i] as number) > loudest) loudest = level[i] as number;
  }
  const lookBack = Math.max(1, Math.round((sampleRate * 0.01) / width));
  const attacks: number[] = [];
  for (let i = 0; i < frames; i++) {
    const here = level[i] as number;
    if (here < loudest - rangeDb) continue;
    let before = -300;
    for (let j = Math.max(0, i - lookBack); j < i; j++) before = Math.max(before, level[j] as number);
    if (here - before < riseDb) continue;
    const attack = firstStrongSample(difference, Math.max(0, (i - 1) * width), Math.min(length, (i + 2) * width), (i + 1) * width);
    const last = attacks.at(-1);
    if (last !== undefined && attack - last < minGap) continue;
    attacks.push(attack);
  }
  return attacks;
}

/** The first sample in [from, until) whose magnitude reaches 30 % of the largest in [from, to). */
function firstStrongSample(difference: Float32Array, from: number, to: number, until: number): number {
  let largest = 0;
  for (let n = from; n < to; n++) largest = Math.max(largest, Math.abs(difference[n] as number));
  for (let n = from; n < until; n++) if (Math.abs(difference[n] as number) >= 0.3 * largest) return n;
  return from;
}
