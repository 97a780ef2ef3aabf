import { curveCodes, movesGeometrically, writeCurveValue } from '../../devices/automation-curve';
import type { EngineAutomationLane, EngineAutomationPoint } from '../../protocol/engine';
import type { Clock } from '../../std/clock';
import { beats, hertz } from '../../std/units';
import type { ParamTable } from './param-table';

/**
 * Plays the automation lanes into the parameter table, sample accurately and the same in every
 * host.
 *
 * **Segments.** The engine renders a block as segments that this player cuts (`segmentFrames`):
 * every point's frame F ends a segment and so does F − 1, so a ramp's last frame is a segment's
 * last frame and its value is exactly the point's value there (processors glide linearly from a
 * segment's `start` to its `end`), and a step starts exactly on F. Between cuts the processors
 * glide along a chord (in their own terms: a fader's gain factor moves linearly between the dB
 * values at the segment's ends), so an exponential curve is followed by chords at most a block
 * long. The host's blocks cut too, so two hosts give the same samples when their blocks fall on
 * the same timeline frames: the worklet renders 128-frame blocks from the playhead, and so does
 * the Node render (`electron/services/render/render-span.ts`), which is what keeps playback and
 * export bit-identical (the null test).
 *
 * **Frames.** A point at beat b sits on the clock's frame of b (the clock the clips use),
 * recomputed when the tempo changes: automation is in beats.
 *
 * **Smoothing.** Ramps follow the lane exactly; steps (a `hold` reaching its next point, two
 * points on one frame) and jumps of the transport (a seek or a loop wrap while playing, lanes
 * changed while playing) keep the parameter's anti-zipper smoothing: starting on the step's exact
 * frame, the value glides to the lane over the parameter's smoothing time (a linearly vanishing
 * offset from where it was), so automating a mute or a gain step never clicks. While the
 * transport stands still, the parameters hold the lanes' values at the playhead.
 *
 * Commands (`setLanes`, `bind`, `locate`…) may allocate; `segmentFrames` and `apply` never do.
 */
export class AutomationPlayer {
  private lanes: readonly EngineAutomationLane[] = [];
  /** Per lane: its points are [first, end) of the flat arrays. */
  private first = new Int32Array(0);
  private end = new Int32Array(0);
  /** Per point. */
  private frames = new Float64Array(0);
  private values = new Float64Array(0);
  private curves = new Uint8Array(0);
  /** Per point: 1 when arriving at it is a step (the previous point holds, or shares its frame). */
  private steps = new Uint8Array(0);
  /** Per lane: its slot in the bound table (−1: the parameter is not in the mixer). */
  private slots = new Int32Array(0);
  private geometric = new Uint8Array(0);
  private glideFrames = new Int32Array(0);
  /** Per lane: the glide under way, from frame `glideFrom` with offset `glideOffset` (0: none). */
  private glideFrom = new Float64Array(0);
  private glideOffset = new Float64Array(0);
  /** Per lane: the lane's value at the last frame evaluated (a field, so no double is boxed). */
  private value = new Float64Array(0);
  /** The transport jumped since the last segment: every lane glides from where it is. */
  private jumped = false;

  constructor(private readonly sampleRate: number) {}

  /** Replaces the lanes (frames from the song's clock); then `bind` them. */
  setLanes(lanes: readonly EngineAutomationLane[], clock: Clock, table: ParamTable): void {
    for (const old of this.lanes) {
      if (!lanes.some((lane) => lane.target === old.target && lane.param === old.param)) {
        const slot = table.index(old.target, old.param);
        if (slot >= 0) table.release(slot);
      }
    }
    this.lanes = lanes;
    const count = lanes.reduce((sum, lane) => sum + lane.points.length, 0);
    this.first = new Int32Array(lanes.length);
    this.end = new Int32Array(lanes.length);
    this.frames = new Float64Array(count);
    this.values = new Float64Array(count);
    this.curves = new Uint8Array(count);
    this.steps = new Uint8Array(count);
    this.slots = new Int32Array(lanes.length).fill(-1);
    this.geometric = new Uint8Array(count);
    this.glideFrames = new Int32Array(lanes.length);
    this.glideFrom = new Float64Array(lanes.length);
    this.glideOffset = new Float64Array(lanes.length);
    this.value = new Float64Array(lanes.length);
    let at = 0;
    lanes.forEach((lane, l) => {
      this.first[l] = at;
      for (const point of lane.points) {
        this.values[at] = point.value;
        this.curves[at] = curveCodes[point.curve];
        at++;
      }
      this.end[l] = at;
    });
    this.retime(clock);
  }

  /** Places the points on their frames by the song's clock. */
  retime(clock: Clock): void {
    const rate = hertz(this.sampleRate);
    this.lanes.forEach((lane, l) => {
      const base = this.first[l] ?? 0;
      lane.points.forEach((point, p) => {
        const i = base + p;
        this.frames[i] = clock.frameAt(beats(point.beat), rate);
        const previous = p > 0 ? i - 1 : -1;
        this.steps[i] = previous >= 0 && (this.curves[previous] === curveCodes.hold || this.frames[previous] === this.frames[i]) ? 1 : 0;
      });
    });
  }

  /**
   * Hands the lanes' parameters in `table` (a new one after the routing changed, or the same) to
   * automation: held at the lanes' values at `playhead` when stopped, gliding there when playing;
   * a lane whose slot a control is writing (`table.written`) leaves its parameter to the control.
   * Allocates nothing (a touch or a release of a control while playing binds again).
   */
  bind(table: ParamTable, playhead: number, playing: boolean): void {
    const lanes = this.lanes;
    for (let l = 0; l < lanes.length; l++) {
      const lane = lanes[l] as EngineAutomationLane;
      const slot = table.index(lane.target, lane.param);
      const written = slot >= 0 && table.written[slot] === 1;
      this.slots[l] = slot >= 0 && !written ? slot : -1;
      if (slot < 0) continue;
      if (written) {
        table.unautomate(slot);
        continue;
      }
      table.automate(slot);
      this.glideFrames[l] = table.smoothingFrames(slot);
      const spec = table.spec(slot);
      const points = lane.points;
      const base = this.first[l] as number;
      for (let p = 0; p < points.length; p++) {
        const next = points[p + 1];
        this.geometric[base + p] = next && movesGeometrically(spec, (points[p] as EngineAutomationPoint).value, next.value) ? 1 : 0;
      }
    }
    if (playing) this.jumped = true;
    else this.hold(table, playhead);
  }

  /** The transport stands at `playhead`: every automated parameter takes its lane's value there. */
  hold(table: ParamTable, playhead: number): void {
    for (let l = 0; l < this.lanes.length; l++) {
      const slot = this.slots[l] as number;
      if (slot < 0) continue;
      this.glideOffset[l] = 0;
      this.evaluate(l, playhead);
      table.hold(slot, this.value[l] as number);
    }
    this.jumped = false;
  }

  /** The playing transport jumped (a seek, a loop wrap): the next segment glides from where the values are. */
  jump(): void {
    this.jumped = true;
  }

  /** How many of the `most` frames from `playhead` the next segment may take (at least 1). */
  segmentFrames(playhead: number, most: number): number {
    if (this.lanes.length === 0) return most;
    let last = playhead + most - 1;
    for (let l = 0; l < this.lanes.length; l++) {
      if ((this.slots[l] as number) < 0) continue;
      const next = this.firstAtOrAfter(l, playhead);
      if (next < (this.end[l] as number)) {
        const frame = this.frames[next] as number;
        const cut = frame - 1 >= playhead ? frame - 1 : frame;
        if (cut < last) last = cut;
      }
      if (this.glideOffset[l] !== 0) {
        const glideEnd = (this.glideFrom[l] as number) + (this.glideFrames[l] as number) - 1;
        if (glideEnd >= playhead && glideEnd < last) last = glideEnd;
      }
    }
    return last - playhead + 1;
  }

  /**
   * Writes the segment [playhead, playhead + frames) into the table (after its `advance`): each
   * automated slot's `end` becomes the lane's value at the segment's last frame, starting a glide
   * first where the segment begins on a step or after a jump.
   */
  apply(table: ParamTable, playhead: number, frames: number): void {
    const jumped = this.jumped;
    this.jumped = false;
    const start = table.start;
    const end = table.end;
    const lastFrame = playhead + frames - 1;
    for (let l = 0; l < this.lanes.length; l++) {
      const slot = this.slots[l] as number;
      if (slot < 0) continue;
      if (jumped || this.stepsAt(l, playhead)) {
        this.evaluate(l, playhead);
        const offset = (start[slot] as number) - (this.value[l] as number);
        this.glideOffset[l] = (this.glideFrames[l] as number) > 1 ? offset : 0;
        this.glideFrom[l] = playhead;
      }
      this.evaluate(l, lastFrame);
      let value = this.value[l] as number;
      const offset = this.glideOffset[l] as number;
      if (offset !== 0) {
        const done = lastFrame - (this.glideFrom[l] as number) + 1;
        const length = this.glideFrames[l] as number;
        if (done >= length) this.glideOffset[l] = 0;
        else value += offset * (1 - done / length);
      }
      end[slot] = value;
    }
  }

  /** Writes the lane's value at `frame` into `value[l]`. */
  private evaluate(l: number, frame: number): void {
    const first = this.first[l] as number;
    // The last point at or before the frame (its value holds before the first and after the last).
    const at = this.firstAtOrAfter(l, frame + 1) - 1;
    if (at < first) {
      this.value[l] = this.values[first] as number;
      return;
    }
    const next = at + 1;
    if (next >= (this.end[l] as number)) {
      this.value[l] = this.values[at] as number;
      return;
    }
    const from = this.frames[at] as number;
    writeCurveValue(this.value, l, this.curves[at] as number, this.geometric[at] === 1, this.values, at, next, frame - from, (this.frames[next] as number) - from);
  }

  /** Whether arriving at `frame` is a step of lane `l`: a point on that very frame is reached by a step. */
  private stepsAt(l: number, frame: number): boolean {
    const i = this.firstAtOrAfter(l, frame);
    if (i >= (this.end[l] as number) || this.frames[i] !== frame) return false;
    for (let j = i; j < (this.end[l] as number) && this.frames[j] === frame; j++) if (this.steps[j] === 1) return true;
    return false;
  }

  /** The index of lane `l`'s first point on or after `frame` (its end when none is). */
  private firstAtOrAfter(l: number, frame: number): number {
    let low = this.first[l] as number;
    let high = this.end[l] as number;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.frames[middle] as number) < frame) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
