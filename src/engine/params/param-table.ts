import type { ParamSpec } from '../../devices/param-spec';

/** The pilot slot's ramp: longer than one block and shorter than two, so each block takes one of the ramp's two branches. */
const PILOT_RAMP_FRAMES = 200;

/** One owner of parameters (a channel, a send, a device, an instrument): its slots are `base` + the index of each of its `specs`. */
export interface ParamOwner {
  readonly id: string;
  readonly base: number;
  readonly specs: readonly ParamSpec[];
}

/** Each parameter list's ids to their indices, built once per list (the catalogs' lists are constants). */
const indicesOf = new WeakMap<readonly ParamSpec[], ReadonlyMap<string, number>>();

function specIndices(specs: readonly ParamSpec[]): ReadonlyMap<string, number> {
  let indices = indicesOf.get(specs);
  if (!indices) indicesOf.set(specs, (indices = new Map(specs.map((spec, i) => [spec.id, i]))));
  return indices;
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
 *
 * A parameter is found by numbers: its owner's number (from the owner's id) and its index in the
 * owner's parameter list (from the parameter's id), so a `set-param` on the audio thread looks
 * up two maps and builds no key (a string key per message was garbage per fader move).
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
   * 1 where a control is writing the slot's automation lane (Touch, Latch or Write while
   * playing): the lane leaves the slot to `set-param` (`AutomationPlayer.bind`). Kept by slot, so
   * a touch or a release finds it by numbers; carried over with the slot when the routing changes.
   */
  readonly written: Uint8Array;
  /**
   * A slot after the parameters' own that is always ramping (see `advance`), so a first knob
   * turn in a session runs the code every block has run.
   */
  private readonly pilot: number;

  /** Owner id → owner number; per owner number, its first slot and its parameter list's indices. */
  private readonly owners: ReadonlyMap<string, number>;
  private readonly bases: Int32Array;
  private readonly indices: readonly ReadonlyMap<string, number>[];
  private readonly specs: readonly ParamSpec[];

  constructor(owners: readonly ParamOwner[], sampleRate: number) {
    this.owners = new Map(owners.map((owner, i) => [owner.id, i]));
    this.bases = Int32Array.from(owners, (owner) => owner.base);
    this.indices = owners.map((owner) => specIndices(owner.specs));
    this.specs = owners.flatMap((owner) => owner.specs);
    const count = this.specs.length;
    const size = count + 1;
    this.pilot = count;
    this.start = new Float64Array(size);
    this.end = new Float64Array(size);
    this.target = new Float64Array(size);
    this.step = new Float64Array(size);
    this.remaining = new Int32Array(size);
    this.rampFrames = new Int32Array(size);
    this.automated = new Uint8Array(size);
    this.written = new Uint8Array(size);
    this.specs.forEach((spec, index) => {
      this.rampFrames[index] = Math.round((spec.smoothingMs * sampleRate) / 1000);
      this.start[index] = this.end[index] = this.target[index] = spec.default;
    });
    this.rampFrames[this.pilot] = PILOT_RAMP_FRAMES;
  }

  /** How many parameters the table holds (slots 0 … count − 1). */
  get count(): number {
    return this.specs.length;
  }

  /** The slot of a parameter by its owner's id and its own id; −1 when the table has none. Allocates nothing. */
  index(target: string, param: string): number {
    const owner = this.owners.get(target);
    if (owner === undefined) return -1;
    const index = (this.indices[owner] as ReadonlyMap<string, number>).get(param);
    return index === undefined ? -1 : (this.bases[owner] as number) + index;
  }

  /** The parameter in slot `index` (0 … count − 1). */
  spec(index: number): ParamSpec {
    return this.specs[index] as ParamSpec;
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

  /** Carries a parameter's state (value, ramp under way, a control writing it) over from the table this one replaces. */
  carry(index: number, from: ParamTable, fromIndex: number): void {
    this.written[index] = from.written[fromIndex] ?? 0;
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
