import { cutSlopes, eqBands, eqCuts } from '../../devices/effects/eq';
import type { CutFilter } from '../../dsp/biquad/cut-filter';
import { Eq } from '../../dsp/eq/eq';
import type { EqBand } from '../../dsp/eq/eq-band';
import { kernelDevice, paramIndices, type DeviceProcessor, type ParamView } from './device-processor';

const p = paramIndices('eq');
const bands = eqBands.map(({ prefix }) => ({ on: p[`${prefix}On`], hz: p[`${prefix}Hz`], gain: p[`${prefix}GainDb`], q: p[`${prefix}Q`] }));
const cuts = eqCuts.map(({ prefix }) => ({ on: p[`${prefix}On`], hz: p[`${prefix}Hz`], slope: p[`${prefix}Slope`] }));

/** The kernel's band objects in the catalog's band order (`eqBands`), and its cuts in `eqCuts` order. */
function bandsOf(eq: Eq): readonly EqBand[] {
  return [eq.lowShelf, ...eq.peaking, eq.highShelf];
}

/** Sets every band and cut of `eq` from the parameter values (the engine's device and the editor's curve alike). */
export function applyEqParams(eq: Eq, kernelBands: readonly EqBand[], values: ArrayLike<number>, base: number): void {
  for (let b = 0; b < bands.length; b++) {
    const slots = bands[b] as (typeof bands)[number];
    const band = kernelBands[b] as EqBand;
    band.setEnabled((values[base + slots.on] as number) >= 0.5);
    band.setFrequencyHz(values[base + slots.hz] as number);
    band.setGainDb(values[base + slots.gain] as number);
    band.setQ(values[base + slots.q] as number);
    band.refresh();
  }
  for (let c = 0; c < cuts.length; c++) {
    const slots = cuts[c] as (typeof cuts)[number];
    const filter: CutFilter = c === 0 ? eq.highPass : eq.lowPass;
    filter.setEnabled((values[base + slots.on] as number) >= 0.5);
    filter.setFrequencyHz(values[base + slots.hz] as number);
    filter.setSlope(cutSlopes[Math.round(values[base + slots.slope] as number)] ?? 12);
  }
}

/** An EQ configured like a device's parameters, for drawing its response (`eq.magnitudeDb`) from the actual coefficients. */
export function eqFromParams(sampleRate: number, values: Readonly<Record<string, number>>): Eq {
  const eq = new Eq(sampleRate);
  const ordered = Object.entries(p).reduce((list, [id, index]) => {
    list[index] = values[id] ?? 0;
    return list;
  }, new Array<number>(Object.keys(p).length).fill(0));
  applyEqParams(eq, bandsOf(eq), ordered, 0);
  return eq;
}

export function createEqDevice(sampleRate: number): DeviceProcessor {
  const eq = new Eq(sampleRate);
  const kernelBands = bandsOf(eq);
  return kernelDevice(eq, (kernel, params: ParamView) => applyEqParams(kernel, kernelBands, params.end, params.base));
}
