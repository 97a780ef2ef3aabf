import { deviceCatalog, type DeviceType } from '../../devices/catalog';
import type { ParamTable } from '../params/param-table';

/**
 * A device's parameters as its processor reads them: `start[base + i]` and `end[base + i]` are the
 * values of parameter `i` (catalog order, see `paramIndices`) at the start and at the end of the
 * current block; between the two the value moves in a straight line. Plain arrays, read in place:
 * a double passed to or returned from a call that is not inlined would be boxed on every block.
 */
export class ParamView {
  readonly start: Float64Array;
  readonly end: Float64Array;

  constructor(
    table: ParamTable,
    readonly base: number,
    /** How many parameters the device has. */
    readonly count: number,
  ) {
    this.start = table.start;
    this.end = table.end;
  }
}

/** What the engine needs of a device: the channel's audio processed in place, block by block. */
export interface DeviceProcessor {
  /** Frames by which the output lags the input; the graph delays parallel paths to match. */
  readonly latencyFrames: number;
  /** Processes `left`/`right` [0, frames) in place. Never allocates. */
  process(left: Float32Array, right: Float32Array, params: ParamView, frames: number): void;
  /** Forgets the signal's past (tails, envelopes, delay lines). */
  reset(): void;
  /** Gain reduction on the last frame, in dB (≤ 0), for the channel's meter; 0 for devices that do not reduce. */
  gainReductionDb(): number;
}

/** `{ paramId: index }` for a device type, in catalog order: how processors name their parameters. */
export function paramIndices<T extends DeviceType>(type: T): Record<(typeof deviceCatalog)[T]['params'][number]['id'], number> {
  return Object.fromEntries(deviceCatalog[type].params.map((spec, index) => [spec.id, index])) as Record<(typeof deviceCatalog)[T]['params'][number]['id'], number>;
}

/**
 * A DSP kernel with setters (src/dsp's `StereoEffect` shape) as a device: `apply` hands the
 * parameter values to the kernel's setters, before a block in which any of them moved.
 */
export function kernelDevice<K extends { readonly latencyFrames: number; process(left: Float32Array, right: Float32Array, frames: number): void; reset(): void }>(
  kernel: K,
  apply: (kernel: K, params: ParamView) => void,
  gainReductionDb: (kernel: K) => number = () => 0,
): DeviceProcessor {
  let applied: Float64Array | null = null;
  return {
    get latencyFrames() {
      return kernel.latencyFrames;
    },
    process(left, right, params, frames) {
      if (applied === null || changed(applied, params)) {
        applied ??= new Float64Array(params.count);
        for (let i = 0; i < params.count; i++) applied[i] = params.end[params.base + i] as number;
        apply(kernel, params);
      }
      kernel.process(left, right, frames);
    },
    reset() {
      kernel.reset();
    },
    gainReductionDb() {
      return gainReductionDb(kernel);
    },
  };
}

function changed(applied: Float64Array, params: ParamView): boolean {
  for (let i = 0; i < params.count; i++) if (applied[i] !== params.end[params.base + i]) return true;
  return false;
}
