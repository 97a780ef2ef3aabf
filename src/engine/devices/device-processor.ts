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
    table: Pick<ParamTable, 'start' | 'end'>,
    readonly base: number,
    /** How many parameters the device has. */
    readonly count: number,
  ) {
    this.start = table.start;
    this.end = table.end;
  }
}

/**
 * What a device may read besides its input and parameters, written by the engine before each
 * block (one object, reused: nothing is allocated per block). Tempo-synced devices read the
 * transport from here, so a render and playback starting at the same frame sweep identically.
 */
export class BlockContext {
  /**
   * beat, seconds, tempo. A typed array behind the accessors: stored in plain fields, a double
   * written every block was boxed (16 bytes a block) once V8 had settled a field on whole numbers.
   */
  private readonly transport = Float64Array.of(0, 0, 120);

  /** Timeline position of the block's first frame, in beats (it stays put while stopped). */
  get beat(): number {
    return this.transport[0] as number;
  }

  set beat(value: number) {
    this.transport[0] = value;
  }

  /** Timeline position of the block's first frame, in seconds. */
  get seconds(): number {
    return this.transport[1] as number;
  }

  set seconds(value: number) {
    this.transport[1] = value;
  }

  /** Quarter notes per minute at the block's first frame (the tempo map moves it block by block). */
  get tempo(): number {
    return this.transport[2] as number;
  }

  set tempo(value: number) {
    this.transport[2] = value;
  }

  /** The signal of the channel the current insert listens to (its sidechain), or null; set by the strip per insert. */
  sidechainLeft: Float32Array | null = null;
  sidechainRight: Float32Array | null = null;
}

/** What the engine needs of a device: the channel's audio processed in place, block by block. */
export interface DeviceProcessor {
  /** Frames by which the output lags the input; the graph delays parallel paths to match. */
  readonly latencyFrames: number;
  /** Processes `left`/`right` [0, frames) in place. Never allocates. */
  process(left: Float32Array, right: Float32Array, params: ParamView, frames: number, context: BlockContext): void;
  /** Forgets the signal's past (tails, envelopes, delay lines). */
  reset(): void;
  /**
   * [0]: gain reduction of the last block, in dB (≤ 0), for the channel's meter; 0 for devices
   * that do not reduce. Written by `process`. An array, not a method: with many device types the
   * strip's call site cannot be inlined, and a double returned from such a call is boxed (a
   * garbage object) on every block.
   */
  readonly gainReductionDb: Float64Array;
}

/** `{ paramId: index }` for a device type, in catalog order: how processors name their parameters. */
export function paramIndices<T extends DeviceType>(type: T): Record<(typeof deviceCatalog)[T]['params'][number]['id'], number> {
  return Object.fromEntries(deviceCatalog[type].params.map((spec, index) => [spec.id, index])) as Record<(typeof deviceCatalog)[T]['params'][number]['id'], number>;
}

type Kernel = { readonly latencyFrames: number; process(left: Float32Array, right: Float32Array, frames: number): void; reset(): void };

/** How `kernelDevice` drives a kernel beyond handing it its parameters. */
export interface KernelHooks<K extends Kernel> {
  /**
   * `apply` runs before every block, not only after a parameter moved: for a kernel whose setters
   * only store their values (so this costs a few stores). Parameters move rarely, and code that runs
   * only then stays in V8's interpreter, which boxes every fractional double it reads from the
   * parameter arrays (≈ 370 bytes of garbage per block a compressor's threshold moved); run every
   * block, `apply` is optimized like the rest of the block loop.
   */
  readonly applyEveryBlock?: boolean;
  /** Before every block: what follows the transport (tempo, position). Must not allocate. */
  readonly eachBlock?: (kernel: K, params: ParamView, context: BlockContext) => void;
  /** Runs the kernel on the block (default `kernel.process`): a sidechain's planes are passed here. */
  readonly run?: (kernel: K, left: Float32Array, right: Float32Array, frames: number, context: BlockContext) => void;
  /** Writes the kernel's gain reduction for the channel's meter into `out[0]` (default: stays 0). */
  readonly gainReductionDb?: (kernel: K, out: Float64Array) => void;
}

/**
 * A DSP kernel with setters (src/dsp's `StereoEffect` shape) as a device: `apply` hands the
 * parameter values to the kernel's setters, before a block in which any of them moved.
 */
export function kernelDevice<K extends Kernel>(kernel: K, apply: (kernel: K, params: ParamView) => void, hooks: KernelHooks<K> = {}): DeviceProcessor {
  let applied: Float64Array | null = null;
  const { applyEveryBlock = false, eachBlock, run, gainReductionDb } = hooks;
  const reduction = new Float64Array(1);
  return {
    gainReductionDb: reduction,
    get latencyFrames() {
      return kernel.latencyFrames;
    },
    process(left, right, params, frames, context) {
      if (applyEveryBlock) apply(kernel, params);
      else if (applied === null || changed(applied, params)) {
        applied ??= new Float64Array(params.count);
        for (let i = 0; i < params.count; i++) applied[i] = params.end[params.base + i] as number;
        apply(kernel, params);
      }
      if (eachBlock) eachBlock(kernel, params, context);
      if (run) run(kernel, left, right, frames, context);
      else kernel.process(left, right, frames);
      if (gainReductionDb) gainReductionDb(kernel, reduction);
    },
    reset() {
      kernel.reset();
    },
  };
}

function changed(applied: Float64Array, params: ParamView): boolean {
  for (let i = 0; i < params.count; i++) if (applied[i] !== params.end[params.base + i]) return true;
  return false;
}
