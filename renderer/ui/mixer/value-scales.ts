/**
 * The mixer's scales (see `ValueScale`): faders and send knobs share the gain scale; pan knobs
 * move evenly.
 */
import type { ValueScale } from '../value-scale';
import { faderDb, faderFloorDb, faderPosition, faderTopDb } from './fader-taper';


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
