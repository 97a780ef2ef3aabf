import { exp10InPlace } from '../../std/det-math';

/** Slots of one entry in `LevelGains.values`. */
const LEVEL = 0;
const CONVERTED = 1;
const GAIN = 2;
const ENTRY = 3;

/**
 * A channel's levels in dB (fader, sends) as gains, each converted only when it moved: a strip
 * reads them every block, and 10^(dB / 20) (det-math's pow) for each of them on every block was
 * about 5 % of a 128-track mix's time. The gains are exactly `decibelsToGain`'s.
 * Entry e is `values[3e … 3e + 2]`: the level to convert (written by the caller), the level last
 * converted, and its gain. A typed array, not arguments and results: no double crosses a call.
 */
export class LevelGains {
  readonly values: Float64Array;

  constructor(entries: number) {
    this.values = new Float64Array(ENTRY * entries);
    // NaN is never equal to itself: the first update converts every entry.
    for (let e = 0; e < entries; e++) this.values[ENTRY * e + CONVERTED] = Number.NaN;
  }

  /** Where entry `e`'s level is written. */
  static level(e: number): number {
    return ENTRY * e + LEVEL;
  }

  /** Where entry `e`'s gain is read. */
  static gain(e: number): number {
    return ENTRY * e + GAIN;
  }

  /** Converts every entry whose level moved since its last conversion. */
  update(): void {
    const values = this.values;
    for (let at = 0; at < values.length; at += ENTRY) {
      const level = values[at + LEVEL] as number;
      if (level === values[at + CONVERTED]) continue;
      values[at + CONVERTED] = level;
      values[at + GAIN] = level / 20;
      exp10InPlace(values, at + GAIN, at + GAIN + 1);
    }
  }
}
