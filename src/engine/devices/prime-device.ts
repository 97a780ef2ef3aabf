import { deviceCatalog, type DeviceType } from '../../devices/catalog';
import type { ParamSpec } from '../../devices/param-spec';
import { BlockContext, ParamView, type DeviceProcessor } from './device-processor';

/** Frames of each priming block: the engine's block. */
const FRAMES = 128;

const primed = new Set<DeviceType>();

/**
 * Runs a scratch processor of `type` through every value its parameters can take, once per
 * process, before the first real one is made. A knob that moves for the first time otherwise
 * runs code V8 has never seen run: a setter's design branch with no type feedback, a field that
 * held only whole numbers and now gets a fraction (its representation changes, and every
 * optimized function that reads it is thrown away). The hot block loop then falls back to the
 * interpreter, which boxes every double it touches, for hundreds of blocks: megabytes of garbage
 * on the audio thread (measured by the `cold-params` bench suite, tests/bench/cold-params.bench.ts). Primed, those paths
 * have feedback and their fields the general representation before any code is optimized.
 * Allocates (it runs where the graph is built, not per block).
 */
/** Whether `type`'s code has been primed in this process (or audio thread). */
export function isDeviceTypePrimed(type: DeviceType): boolean {
  return primed.has(type);
}

export function primeDeviceType(type: DeviceType, create: () => DeviceProcessor): void {
  if (primed.has(type)) return;
  primed.add(type);
  const specs: readonly ParamSpec[] = deviceCatalog[type].params;
  const start = Float64Array.from(specs, (spec) => spec.default);
  const end = Float64Array.from(start);
  const view = new ParamView({ start, end }, 0, specs.length);
  const context = new BlockContext();
  const processor = create();
  const left = new Float32Array(FRAMES);
  const right = new Float32Array(FRAMES);
  const sidechain = new Float32Array(FRAMES);
  let seed = 1;
  const block = (loud: boolean): void => {
    for (let i = 0; i < FRAMES; i++) {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      left[i] = loud ? (seed / 2 ** 32 - 0.5) * 1.8 : 0;
      right[i] = loud ? -0.6 * (left[i] as number) : 0;
      sidechain[i] = (left[i] as number) * 0.5;
    }
    context.beat += 0.13;
    context.seconds += 0.0635;
    context.tempo = loud ? 120.5 : 97;
    processor.process(left, right, view, FRAMES, context);
  };
  // Each parameter through its values, left turned for the ones after it (settings combine), then all back to their defaults.
  for (const pass of ['turn', 'restore'] as const) {
    for (let p = 0; p < specs.length; p++) {
      const spec = specs[p] as ParamSpec;
      const whole = spec.unit === 'bool' || spec.unit === 'enum';
      const span = spec.max - spec.min;
      const values = pass === 'restore' ? [spec.default] : whole ? [...Array.from({ length: span + 1 }, (_, k) => spec.min + k), spec.max - spec.default >= spec.default - spec.min ? spec.max : spec.min] : [spec.min, spec.max, spec.min + 0.3183 * span];
      for (const value of values) {
        // A ramp (start ≠ end) on a loud block, then the value standing on a silent one; a sidechain every other time.
        context.sidechainLeft = context.sidechainRight = context.sidechainLeft === null ? sidechain : null;
        end[p] = value;
        block(true);
        start[p] = value;
        block(false);
      }
    }
  }
  processor.reset();
}
