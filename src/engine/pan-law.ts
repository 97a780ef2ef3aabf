/**
 * Pan gains of a track (docs/project-format.md, "Pan"). Pan 0 leaves both channels at unity.
 * Mono sources use a constant-power law (−3 dB at the centre relative to hard left, normalised
 * so the centre is unity); stereo sources use a balance law that only turns one side down.
 * Buses, the master and the Utility use the balance law too.
 *
 * The gains live in a Float64Array laid out as `panSlots`, and the pan is read from the same
 * array: the audio thread calls this per frame during a pan ramp, and a double passed as an
 * argument to a call that is not inlined would be boxed.
 */
import { cosInPlace, sinInPlace } from '../std/det-math';
export const panSlots = { monoLeft: 0, monoRight: 1, stereoLeft: 2, stereoRight: 3, pan: 4 } as const;

/** Fills the gains for the pan in `gains[panSlots.pan]` (−1 … +1). */
export function panGains(gains: Float64Array): void {
  const pan = gains[panSlots.pan] as number;
  gains[panSlots.monoLeft] = gains[panSlots.monoRight] = ((pan + 1) * Math.PI) / 4;
  cosInPlace(gains, panSlots.monoLeft, panSlots.monoLeft + 1);
  sinInPlace(gains, panSlots.monoRight, panSlots.monoRight + 1);
  gains[panSlots.monoLeft] = (gains[panSlots.monoLeft] as number) * Math.SQRT2;
  gains[panSlots.monoRight] = (gains[panSlots.monoRight] as number) * Math.SQRT2;
  gains[panSlots.stereoLeft] = pan > 0 ? 1 - pan : 1;
  gains[panSlots.stereoRight] = pan < 0 ? 1 + pan : 1;
}

/** Left and right factors a voice is mixed with. */
export interface PanGains {
  left: number;
  right: number;
}
