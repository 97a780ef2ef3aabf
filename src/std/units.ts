/**
 * Units as types. A number that means time or level carries its unit in its type, so beats,
 * seconds and samples are never mixed silently. Construct with the helpers; convert with the
 * named functions, never with bare arithmetic across units. Beats meet seconds and frames only in
 * the one clock (`clock.ts`), which knows the tempo map.
 */
import { exp10 } from './det-math';
declare const unit: unique symbol;
type Unit<Name extends string> = number & { readonly [unit]: Name };

/** A count or position in sample frames (one frame = one sample per channel). */
export type Samples = Unit<'samples'>;
/** Wall-clock or source time in seconds. */
export type Seconds = Unit<'seconds'>;
/** Musical time in quarter notes. */
export type Beats = Unit<'beats'>;
/** A frequency or sample rate in hertz. */
export type Hertz = Unit<'hertz'>;
/** A level in decibels (relative to full scale where the name says so). */
export type Decibels = Unit<'decibels'>;
/** Tempo in quarter notes per minute. */
export type Bpm = Unit<'bpm'>;

export const samples = (n: number): Samples => n as Samples;
export const seconds = (n: number): Seconds => n as Seconds;
export const beats = (n: number): Beats => n as Beats;
export const hertz = (n: number): Hertz => n as Hertz;
export const decibels = (n: number): Decibels => n as Decibels;
export const bpm = (n: number): Bpm => n as Bpm;

export function samplesToSeconds(frames: Samples, rate: Hertz): Seconds {
  return seconds(frames / rate);
}

/** Rounds to the nearest whole frame: positions on the timeline always land on a sample. */
export function secondsToSamples(time: Seconds, rate: Hertz): Samples {
  return samples(Math.round(time * rate));
}

/** Linear amplitude factor of a level in decibels: 0 dB → 1, −6.02 dB → 0.5. */
export function decibelsToGain(level: number): number {
  return exp10(level / 20);
}
