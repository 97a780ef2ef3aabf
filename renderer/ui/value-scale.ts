/**
 * What a control (fader, knob) moves along: its range, its default (double-click), how its travel
 * maps to the value, and how far one arrow key moves it. The mixer's scales live in
 * mixer/value-scales.ts; a device parameter's comes from its catalog spec (devices/param-scale.ts).
 */
export interface ValueScale {
  readonly min: number;
  readonly max: number;
  /** Where double-click puts the control. */
  readonly default: number;
  /** 0 (bottom/left) … 1 (top/right) of a value. */
  toPosition(value: number): number;
  fromPosition(position: number): number;
  /** The value one arrow press up (`direction` 1) or down (−1) from `value`; `fine` with Shift. */
  step(value: number, direction: 1 | -1, fine: boolean): number;
  /** Page Up / Page Down. */
  page(value: number, direction: 1 | -1): number;
}

/**
 * The value a key gives a slider (ARIA's keys: arrows step, Shift finer, Page Up/Down page,
 * Home the minimum, End the maximum); null for any other key.
 */
export function keyedValue(scale: ValueScale, value: number, key: string, shift: boolean): number | null {
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return scale.step(value, 1, shift);
    case 'ArrowDown':
    case 'ArrowLeft':
      return scale.step(value, -1, shift);
    case 'PageUp':
      return scale.page(value, 1);
    case 'PageDown':
      return scale.page(value, -1);
    case 'Home':
      return scale.min;
    case 'End':
      return scale.max;
    default:
      return null;
  }
}
