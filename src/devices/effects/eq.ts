/**
 * The EQ's parameters (src/dsp/eq): a high-pass and a low-pass of 12/24/48 dB/oct, a low and a
 * high shelf and four peaking bands, each switchable. Band ids are prefixed (`p1Hz`, `lsGainDb`)
 * so automation and presets name one band's control.
 */
import { choiceParam, switchParam, type DeviceSpec } from '../device-spec';

/** The cut filters' slopes, in the order of the `hpSlope`/`lpSlope` options. */
export const cutSlopes = [12, 24, 48] as const;
const slopeNames = cutSlopes.map((slope) => `${slope} dB/oct`);

/** The bell and shelf bands: id prefix, what the UI calls it, its kind and starting frequency. */
export const eqBands = [
  { prefix: 'ls', name: 'Low shelf', kind: 'low-shelf', hz: 100, q: Math.SQRT1_2 },
  { prefix: 'p1', name: 'Band 1', kind: 'peaking', hz: 200, q: 1 },
  { prefix: 'p2', name: 'Band 2', kind: 'peaking', hz: 600, q: 1 },
  { prefix: 'p3', name: 'Band 3', kind: 'peaking', hz: 2000, q: 1 },
  { prefix: 'p4', name: 'Band 4', kind: 'peaking', hz: 6000, q: 1 },
  { prefix: 'hs', name: 'High shelf', kind: 'high-shelf', hz: 10_000, q: Math.SQRT1_2 },
] as const;

/** The cut filters: id prefix, name, starting frequency. */
export const eqCuts = [
  { prefix: 'hp', name: 'High-pass', kind: 'high-pass', hz: 30 },
  { prefix: 'lp', name: 'Low-pass', kind: 'low-pass', hz: 18_000 },
] as const;

const frequency = { unit: 'Hz', min: 20, max: 20_000, taper: 'log', smoothingMs: 20 } as const;

function band<const P extends string>({ prefix, name, hz, q }: { readonly prefix: P; readonly name: string; readonly hz: number; readonly q: number }) {
  return [
    switchParam(`${prefix}On`, `${name} on`, true),
    { id: `${prefix}Hz`, name: `${name} frequency`, ...frequency, default: hz },
    { id: `${prefix}GainDb`, name: `${name} gain`, unit: 'dB', min: -24, max: 24, default: 0, taper: 'linear', smoothingMs: 20 },
    { id: `${prefix}Q`, name: `${name} Q`, unit: 'ratio', min: 0.1, max: 18, default: q, taper: 'log', smoothingMs: 20 },
  ] as const;
}

function cut<const P extends string>({ prefix, name, hz }: { readonly prefix: P; readonly name: string; readonly hz: number }) {
  return [
    switchParam(`${prefix}On`, `${name} on`, false),
    { id: `${prefix}Hz`, name: `${name} frequency`, ...frequency, default: hz },
    choiceParam(`${prefix}Slope`, `${name} slope`, slopeNames, 0),
  ] as const;
}

export const eqSpec = {
  name: 'EQ',
  params: [
    ...cut(eqCuts[0]),
    ...band(eqBands[0]),
    ...band(eqBands[1]),
    ...band(eqBands[2]),
    ...band(eqBands[3]),
    ...band(eqBands[4]),
    ...band(eqBands[5]),
    ...cut(eqCuts[1]),
  ],
} as const satisfies DeviceSpec;
