/**
 * The step grids of note patterns and how swing moves notes on them: shared by the schema (which
 * divisions a pattern may name), the engine (swing at playback) and the step sequencer.
 */

/** A step's length in beats (quarter notes), per division a pattern's `stepGrid` may name. */
export const stepDivisionBeats = {
  '1/8': 1 / 2,
  '1/8T': 1 / 3,
  '1/16': 1 / 4,
  '1/16T': 1 / 6,
  '1/32': 1 / 8,
} as const;

export type StepDivision = keyof typeof stepDivisionBeats;

export const stepDivisions = Object.keys(stepDivisionBeats) as [StepDivision, ...StepDivision[]];

/** Swing without a stepGrid is on sixteenths. */
export const defaultSwingDivision: StepDivision = '1/16';

/** Swing in percent: 50 straight, 75 the off-beat three quarters of the way to the next step. */
export const minSwing = 50;
export const maxSwing = 75;

/** How close to an odd step a note's start must be to swing, in beats. */
export const swingTolerance = 1e-9;

/** Triplet divisions are never swung. */
export function isTripletDivision(division: StepDivision): boolean {
  return division.endsWith('T');
}

/**
 * Where a note starting at `start` beats (from its pattern's start) plays with `swing` on steps of
 * `division`: a note exactly on an odd step moves later by `(swing − 50) / 50 × step`; any other
 * note, and every note of a triplet division, stays.
 */
export function swungStart(start: number, division: StepDivision, swing: number): number {
  if (swing === minSwing || isTripletDivision(division)) return start;
  const step = stepDivisionBeats[division];
  const index = Math.round(start / step);
  if (index % 2 !== 1 || Math.abs(start - index * step) > swingTolerance) return start;
  return start + ((swing - minSwing) / minSwing) * step;
}
