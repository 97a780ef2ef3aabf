/**
 * 2^x for pitch and cutoff at control rate, from tables: 2^⌊x⌋ exactly times 2^(x − ⌊x⌋) read with
 * linear interpolation from 4096 steps per octave. Relative error under 1e-8 (about 0.00002 cent),
 * several times faster than Math.pow, which was the voices' largest cost per control point.
 * Pure arithmetic on tables: the same result in every engine. Valid for |x| < 64.
 */
const STEPS = 4096;
const fraction = Float64Array.from({ length: STEPS + 1 }, (_, i) => Math.pow(2, i / STEPS));
const whole = Float64Array.from({ length: 129 }, (_, i) => Math.pow(2, i - 64));

export function exp2(x: number): number {
  const floor = Math.floor(x);
  const position = (x - floor) * STEPS;
  const index = position | 0;
  const a = fraction[index] as number;
  return (whole[floor + 64] as number) * (a + (position - index) * ((fraction[index + 1] as number) - a));
}
