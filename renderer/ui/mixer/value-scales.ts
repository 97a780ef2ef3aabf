/**
 * What a mixer control moves along: its range, its default (double-click), how its travel maps
 * to the value, and how far one arrow key moves it. Faders and send knobs share the gain scale;
 * pan knobs move evenly.
 */
import { faderDb, faderFloorDb, faderPosition, faderTopDb } from './fader-taper';

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

/** Below this, steps of 0.5 dB would take forever: arrows move along the travel instead. */
const evenStepsBelowDb = -40;

export const gainScale: ValueScale = {
  min: faderFloorDb,
  max: faderTopDb,
  default: 0,
  toPosition: faderPosition,
  fromPosition: faderDb,
  step(value, direction, fine) {
    const clamped = Math.min(faderTopDb, Math.max(faderFloorDb, value));
    if (clamped < evenStepsBelowDb || (direction < 0 && clamped <= evenStepsBelowDb)) {
      return faderDb(faderPosition(clamped) + direction * (fine ? 0.005 : 0.02));
    }
    const size = fine ? 0.1 : 0.5;
    return Math.min(faderTopDb, Math.round((clamped + direction * size) / size) * size);
  },
  page(value, direction) {
    return faderDb(faderPosition(value) + direction * 0.1);
  },
};

export const panScale: ValueScale = {
  min: -1,
  max: 1,
  default: 0,
  toPosition: (pan) => (Math.min(1, Math.max(-1, pan)) + 1) / 2,
  fromPosition: (position) => Math.round((Math.min(1, Math.max(0, position)) * 2 - 1) * 100) / 100,
  step(value, direction, fine) {
    return Math.min(1, Math.max(-1, Math.round((value + direction * (fine ? 0.01 : 0.05)) * 100) / 100));
  },
  page(value, direction) {
    return Math.min(1, Math.max(-1, Math.round((value + direction * 0.25) * 100) / 100));
  },
};

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
