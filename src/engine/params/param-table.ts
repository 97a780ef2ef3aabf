import type { ParamSpec } from '../../devices/param-spec';

/** The pilot slot's ramp: longer than one block and shorter than two, so each block takes one of the ramp's two branches. */
const PILOT_RAMP_FRAMES = 200;

/** Where one parameter lives in a `ParamTable`. */
export interface ParamSlot {
  readonly index: number;
  readonly spec: ParamSpec;
}

/**
 * Every parameter of the mixer as numbers in flat arrays: the value at the start of the current
 * block, the value at its end, and a linear ramp toward the last value set. A new value does not
 * jump: it is reached along a straight line over the parameter's smoothing time, advanced per
 * block and interpolated per frame by whoever reads `start` and `end` (so no step is larger than
 * the ramp's slope: no zipper noise). Built when the routing changes; `advance` never allocates.
 *
 * A slot with an automation lane is `automated`: the automation player writes its `end` per
 * segment instead, and a value set meanwhile (`rampTo`) only becomes the static value the slot
 * glides back to when the lane goes (`release`).
 */
export class ParamTable {
  /** Value at the first frame of the current block. */
  readonly start: Float64Array;
  /** Value after the last frame of the current block. */
  readonly end: Float64Array;
  private readonly target: Float64Array;
  private readonly step: Float64Array;
  private readonly remaining: Int32Array;
  private readonly rampFrames: Int32Array;
  /** 1 where automation drives the slot. */
  readonly automated: Uint8Array;
  /**
   * A slot after the parameters' own that is always ramping (see `advance`), so a first knob
   * turn in a session runs the code every block has run.
   */
  private readonly pilot: number;

  constructor(
    readonly slots: ReadonlyMap<string, ParamSlot>,
    sampleRate: number,
  ) {
    const size = slots.size + 1;
    this.pilot = slots.size;
    this.start = new Float64Array(size);
    this.end = new Float64Array(size);
    this.target = new Float64Array(size);
    this.step = new Float64Array(size);
    this.remaining = new Int32Array(size);
    this.rampFrames = new Int32Array(size);
    this.automated = new Uint8Array(size);
    for (const { index, spec } of slots.values()) {
      this.rampFrames[index] = Math.round((spec.smoothingMs * sampleRate) / 1000);
      this.start[index] = this.end[index] = this.target[index] = spec.default;
    }
    this.rampFrames[this.pilot] = PILOT_RAMP_FRAMES;
  }

  /** The slot of a parameter by its owner's id and its own id. */
  static key(target: string, param: string): string {
    return `${target}\u0000${param}`;
  }

  slot(target: string, param: string): ParamSlot | undefined {
    return this.slots.get(ParamTable.key(target, param));
  }

  /** Sets a value at once, with no ramp: a parameter that is new, or a state carried over. */
  jump(index: number, value: number): void {
    this.start[index] = this.end[index] = this.target[index] = value;
    this.remaining[index] = 0;
  }

  /** The parameter's smoothing time in frames. */
  smoothingFrames(index: number): number {
    return this.rampFrames[index] ?? 0;
  }

  /**
   * Starts a ramp from where the value is now to `value`, over the parameter's smoothing time.
   * On an automated slot it only sets the static value (automation wins while its lane has points).
   */
  rampTo(index: number, value: number): void {
    if (this.automated[index] === 1) {
      this.target[index] = value;
      return;
    }
    const frames = this.rampFrames[index] ?? 0;
    if (frames <= 0) {
      this.target[index] = this.end[index] = value;
      this.remaining[index] = 0;
      return;
    }
    this.target[index] = value;
    this.step[index] = (value - (this.end[index] ?? 0)) / frames;
    this.remaining[index] = frames;
  }

  /** Hands the slot to automation; the static value is kept for `release`. */
  automate(index: number): void {
    this.automated[index] = 1;
    this.remaining[index] = 0;
  }

  /** Sets an automated slot's value at once (the transport stands still): the static value stays. */
  hold(index: number, value: number): void {
    this.start[index] = this.end[index] = value;
  }

  /** Takes the slot back from automation: it glides from where automation left it to its static value. */
  release(index: number): void {
    if (this.automated[index] !== 1) return;
    this.automated[index] = 0;
    this.rampTo(index, this.target[index] ?? 0);
  }

  /** Takes the slot from automation where it stands, with no glide: set values move it from there (a control writing its lane). */
  unautomate(index: number): void {
    if (this.automated[index] !== 1) return;
    this.automated[index] = 0;
    this.target[index] = this.end[index] ?? 0;
    this.remaining[index] = 0;
  }

  /** Carries a parameter's state (value and ramp under way) over from the table this one replaces. */
  carry(index: number, from: ParamTable, fromIndex: number): void {
    this.start[index] = from.start[fromIndex] ?? 0;
    this.end[index] = from.end[fromIndex] ?? 0;
    this.target[index] = from.target[fromIndex] ?? 0;
    this.step[index] = from.step[fromIndex] ?? 0;
    this.remaining[index] = from.remaining[fromIndex] ?? 0;
  }

  /**
   * Moves every ramp on by `frames`: `start` becomes the old `end`, `end` the value `frames` later.
   * The pilot slot ramps 0 → 1 → 0 … over and over, so both ramp branches below run every few
   * blocks: in a session where no knob has moved yet, V8 would otherwise optimize this loop with
   * its ramp branches never taken, and the first knob turned would throw that code away (the
   * interpreter then boxes a double per slot per block until it is optimized again;
   * measured by the `cold-params` bench suite).
   */
  advance(frames: number): void {
    const { start, end, remaining } = this;
    for (let i = 0; i < start.length; i++) {
      const value = end[i] as number;
      start[i] = value;
      const left = remaining[i] as number;
      // Automated slots never have a ramp under way: `automate` cleared it.
      if (left <= 0) continue;
      if (left <= frames) {
        end[i] = this.target[i] as number;
        remaining[i] = 0;
      } else {
        end[i] = value + (this.step[i] as number) * frames;
        remaining[i] = left - frames;
      }
    }
    const pilot = this.pilot;
    if (remaining[pilot] === 0) this.rampTo(pilot, 1 - (end[pilot] as number));
  }
}
