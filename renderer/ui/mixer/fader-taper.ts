/**
 * The fader's travel ↔ decibels, as consoles and DAWs draw it: most of the travel for the range
 * that is mixed in (−30…+6 dB), the bottom for the long fade to silence. The curve is Ardour's
 * (`gain_to_slider_position`): position = ((dB − top) × 6/(20·log10 2) + 198) / 198, to the 8th
 * power, so with the +6 dB top 0 dB sits at 78 % of the travel, −6 dB at 61 %, −60 dB at 4 %.
 */
import { maxGainDb, minGainDb } from '../../../src/model/edits/clip-math';

/** The top of the fader's travel. Typed values may go to the format's +24 dB; the fader then sits at the top. */
export const faderTopDb = 6;
/** The bottom of the travel: the format's floor, silence for any output. */
export const faderFloorDb = minGainDb;

const dbPerDoubling = 20 * Math.log10(2);
const span = 198;

/** Fader position 0 (bottom) … 1 (top) of a gain in dB. */
export function faderPosition(db: number): number {
  if (!(db > faderFloorDb)) return 0;
  if (db >= faderTopDb) return 1;
  const x = ((db - faderTopDb) * (6 / dbPerDoubling) + span) / span;
  return x <= 0 ? 0 : x ** 8;
}

/** The gain in dB at fader position 0…1 (clamped), floored at −144 dB, rounded to 0.1 dB. */
export function faderDb(position: number): number {
  const p = Math.min(1, Math.max(0, position));
  if (p === 0) return faderFloorDb;
  const db = faderTopDb + (p ** (1 / 8) * span - span) * (dbPerDoubling / 6);
  return Math.max(faderFloorDb, Math.round(db * 10) / 10);
}

/** The marks printed beside the fader and its meter, in dB (the bottom, −∞, is left bare). */
export const faderScaleMarks: readonly number[] = [6, 0, -6, -12, -18, -24, -36, -60];

/** The range a typed gain is clamped to: the format's. */
export const typedGainRange = { min: minGainDb, max: maxGainDb } as const;
