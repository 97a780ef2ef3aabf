/**
 * The EQ view's geometry: frequency ↔ x on a log axis from 20 Hz to 20 kHz, gain ↔ y over ±24 dB,
 * the response drawn from the actual filter coefficients (the engine's own EQ, configured from the
 * device's parameters), and where each band's handle sits. Pure: the view and the tests share it.
 */
import { eqBands, eqCuts } from '../../../src/devices/effects/eq';
import { eqFromParams } from '../../../src/engine/devices/eq-device';

export const curveMinHz = 20;
export const curveMaxHz = 20_000;
/** The view shows ±this many dB. */
export const curveRangeDb = 24;

export interface CurveBox {
  readonly width: number;
  readonly height: number;
}

export function xOfHz(hz: number, box: CurveBox): number {
  return (Math.log(hz / curveMinHz) / Math.log(curveMaxHz / curveMinHz)) * box.width;
}

export function hzAtX(x: number, box: CurveBox): number {
  const t = Math.min(1, Math.max(0, x / box.width));
  return curveMinHz * Math.pow(curveMaxHz / curveMinHz, t);
}

export function yOfDb(db: number, box: CurveBox): number {
  const clamped = Math.min(curveRangeDb, Math.max(-curveRangeDb, db));
  return ((curveRangeDb - clamped) / (2 * curveRangeDb)) * box.height;
}

export function dbAtY(y: number, box: CurveBox): number {
  const t = Math.min(1, Math.max(0, y / box.height));
  return curveRangeDb - t * 2 * curveRangeDb;
}

/** The EQ's response as `points` (x, y) pairs across the box, from the coefficients the engine would run at `sampleRate`. */
export function responsePoints(params: Readonly<Record<string, number>>, sampleRate: number, box: CurveBox, points = 256): { x: number; y: number; db: number }[] {
  const eq = eqFromParams(sampleRate, params);
  return Array.from({ length: points }, (_, i) => {
    const x = (i / (points - 1)) * box.width;
    const db = eq.magnitudeDb(hzAtX(x, box));
    return { x, y: yOfDb(db, box), db };
  });
}

/** A draggable point on the curve: which parameters it moves, and where it sits. */
export interface BandHandle {
  /** The band's id prefix ("p2", "hp"). */
  readonly prefix: string;
  readonly name: string;
  /** Its frequency parameter, and its gain parameter (null for the cut filters: they move sideways only). */
  readonly hzParam: string;
  readonly gainParam: string | null;
  readonly onParam: string;
  readonly on: boolean;
  readonly x: number;
  readonly y: number;
}

export function bandHandles(params: Readonly<Record<string, number>>, box: CurveBox): BandHandle[] {
  const value = (id: string) => params[id] ?? 0;
  const cut = ({ prefix, name }: (typeof eqCuts)[number]): BandHandle => ({
    prefix,
    name,
    hzParam: `${prefix}Hz`,
    gainParam: null,
    onParam: `${prefix}On`,
    on: value(`${prefix}On`) >= 0.5,
    x: xOfHz(value(`${prefix}Hz`), box),
    y: yOfDb(0, box),
  });
  const bell = ({ prefix, name }: (typeof eqBands)[number]): BandHandle => ({
    prefix,
    name,
    hzParam: `${prefix}Hz`,
    gainParam: `${prefix}GainDb`,
    onParam: `${prefix}On`,
    on: value(`${prefix}On`) >= 0.5,
    x: xOfHz(value(`${prefix}Hz`), box),
    y: yOfDb(value(`${prefix}GainDb`), box),
  });
  return [cut(eqCuts[0]), ...eqBands.map(bell), cut(eqCuts[1])];
}
