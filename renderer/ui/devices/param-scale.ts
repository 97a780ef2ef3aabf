/**
 * A device parameter's control travel, from its catalog spec: even steps (`linear`) or even
 * ratios (`log`), one arrow press 1 % of the travel (Shift 0.1 %), Page Up/Down 10 %; a switch or
 * a choice moves one whole step.
 */
import type { ParamSpec } from '../../../src/devices/param-spec';
import type { ValueScale } from '../value-scale';

export function paramScale(spec: ParamSpec): ValueScale {
  const whole = spec.unit === 'bool' || spec.unit === 'enum';
  const log = spec.taper === 'log' && spec.min > 0;
  const toPosition = (value: number) => {
    const clamped = Math.min(spec.max, Math.max(spec.min, value));
    return log ? Math.log(clamped / spec.min) / Math.log(spec.max / spec.min) : (clamped - spec.min) / (spec.max - spec.min);
  };
  const fromPosition = (position: number) => {
    const t = Math.min(1, Math.max(0, position));
    const value = log ? spec.min * Math.pow(spec.max / spec.min, t) : spec.min + t * (spec.max - spec.min);
    return whole ? Math.round(value) : value;
  };
  const along = (value: number, travel: number) => (whole ? Math.min(spec.max, Math.max(spec.min, Math.round(value) + Math.sign(travel))) : fromPosition(toPosition(value) + travel));
  return {
    min: spec.min,
    max: spec.max,
    default: spec.default,
    toPosition,
    fromPosition,
    step: (value, direction, fine) => along(value, direction * (fine ? 0.001 : 0.01)),
    page: (value, direction) => along(value, direction * 0.1),
  };
}
