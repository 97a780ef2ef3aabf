/**
 * A parameter's value as people read it, with its unit: "−6.0 dB", "1.20 kHz", "350 ms",
 * "4.0:1", "On", "1/8D". One formatting for the editors, the mixer and messages.
 */
import type { ParamSpec } from './param-spec';

/** `value` with `digits` after the point, a minus sign rather than a hyphen, and never "−0.0". */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text.replace('-', '−');
}

function hertz(value: number): string {
  if (value < 1000) return `${fixed(value, 0)} Hz`;
  return `${fixed(value / 1000, value < 10_000 ? 2 : 1)} kHz`;
}

function milliseconds(value: number): string {
  if (value >= 1000) return `${fixed(value / 1000, 2)} s`;
  return `${fixed(value, value < 10 ? 1 : 0)} ms`;
}

export function formatParamValue(spec: ParamSpec, value: number): string {
  switch (spec.unit) {
    case 'bool':
      return value >= 0.5 ? 'On' : 'Off';
    case 'enum':
      return spec.options?.[Math.round(value)] ?? String(value);
    case 'dB':
      return `${Number(value.toFixed(1)) > 0 ? '+' : ''}${fixed(value, 1)} dB`;
    case 'Hz':
      return hertz(value);
    case 'ms':
      return milliseconds(value);
    case 's':
      return `${fixed(value, 2)} s`;
    case '%':
      return `${fixed(value, 0)} %`;
    case 'ratio':
      return spec.id.endsWith('Q') ? `Q ${fixed(value, 2)}` : `${fixed(value, 1)}:1`;
    case 'factor':
      return `×${fixed(value, 1)}`;
    case 'bits':
      return `${fixed(value, 1)} bits`;
    case 'octaves':
      return `${fixed(value, 2)} oct`;
    case 'semitones':
      return `${value > 0 ? '+' : ''}${fixed(value, 1)} st`;
    case 'cents':
      return `${value > 0 ? '+' : ''}${fixed(value, 0)} ct`;
    case 'pan':
      return Math.abs(value) < 0.005 ? 'C' : `${Math.round(Math.abs(value) * 100)} ${value < 0 ? 'L' : 'R'}`;
  }
}
