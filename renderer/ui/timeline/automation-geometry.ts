import { curveValue, curveCodes, movesGeometrically } from '../../../src/devices/automation-curve';
import type { ParamSpec } from '../../../src/devices/param-spec';
import type { AutomationPoint } from '../../../src/model/project-schema';

/** The quietest level an automation lane draws: below it a dB lane's floor is silence. */
const floorDb = -60;
const edgePixels = 4;

/** The value range a lane draws, bottom to top (dB lanes from −60 dB, where faders become silence). */
function drawnRange(spec: ParamSpec): { low: number; high: number } {
  return { low: spec.unit === 'dB' ? Math.max(spec.min, Math.min(floorDb, spec.max - 1)) : spec.min, high: spec.max };
}

/** Where 0…1 of the lane's height (0 the bottom) a value sits: along the taper, log for log parameters. */
export function valueToUnit(spec: ParamSpec, value: number): number {
  const { low, high } = drawnRange(spec);
  const unit = spec.taper === 'log' && low > 0 ? Math.log(value / low) / Math.log(high / low) : (value - low) / (high - low);
  return Math.min(1, Math.max(0, unit));
}

/** The value at 0…1 of the lane's height; switches snap to 0 or 1. */
export function unitToValue(spec: ParamSpec, unit: number): number {
  const { low, high } = drawnRange(spec);
  const u = Math.min(1, Math.max(0, unit));
  const value = spec.taper === 'log' && low > 0 ? low * Math.pow(high / low, u) : low + (high - low) * u;
  return spec.unit === 'bool' || spec.unit === 'enum' ? Math.round(value) : value;
}

/** A pixel y in a lane `height` tall for a value (a few pixels inside the edges, so points stay grabbable). */
export function valueToY(spec: ParamSpec, value: number, height: number): number {
  return edgePixels + (1 - valueToUnit(spec, value)) * (height - 2 * edgePixels);
}

export function yToValue(spec: ParamSpec, y: number, height: number): number {
  return unitToValue(spec, 1 - (y - edgePixels) / (height - 2 * edgePixels));
}

/**
 * The envelope as an SVG path: the first value from the left edge, each segment along its curve
 * (sampled every few pixels), the last value to `width`. `held` is the document's value when
 * the lane has no points.
 */
export function envelopePath(spec: ParamSpec, points: readonly AutomationPoint[], pixelsPerBeat: number, width: number, height: number, held: number): string {
  const y = (value: number) => valueToY(spec, value, height).toFixed(1);
  const first = points[0];
  if (!first) return `M0 ${y(held)} H${width}`;
  const parts = [`M0 ${y(first.value)}`];
  points.forEach((point, i) => {
    const x = point.beat * pixelsPerBeat;
    parts.push(`L${x.toFixed(1)} ${y(point.value)}`);
    const next = points[i + 1];
    if (!next) return;
    const nextX = next.beat * pixelsPerBeat;
    if (point.curve === 'hold') parts.push(`H${nextX.toFixed(1)}`);
    else if (point.curve === 'exponential') {
      const geometric = movesGeometrically(spec, point.value, next.value);
      const steps = Math.max(2, Math.min(64, Math.ceil((nextX - x) / 4)));
      for (let s = 1; s < steps; s++) parts.push(`L${(x + ((nextX - x) * s) / steps).toFixed(1)} ${y(curveValue(curveCodes.exponential, geometric, point.value, next.value, s / steps))}`);
    }
  });
  parts.push(`H${width}`);
  return parts.join(' ');
}

/** A value as the lane's tooltip and point label say it: "−6.0 dB", "250 Hz", "On". */
export function formatValue(spec: ParamSpec, value: number): string {
  if (spec.unit === 'bool') return value >= 0.5 ? 'On' : 'Off';
  if (spec.unit === 'enum') return spec.options?.[Math.round(value)] ?? String(value);
  if (spec.unit === 'pan') return value === 0 ? 'C' : `${Math.round(Math.abs(value) * 100)}${value < 0 ? 'L' : 'R'}`;
  const text = Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
  return `${text.replace('-', '−')} ${spec.unit}`;
}
