import type { EngineChannel } from '../../protocol/engine';
import { blockFrames } from '../../protocol/engine';
import type { BlockContext, DeviceProcessor, ParamView } from '../devices/device-processor';
import { LevelMeter, runawayLevel } from '../level-meter';
import { panSlots } from '../pan-law';
import type { ParamTable } from '../params/param-table';
import { LevelGains } from './level-gains';
import type { StereoDelay } from './stereo-delay';
import { placeGains } from '../../dsp/wasm/place-gains';
import type { ClipVoice } from '../clip-voice';
import type { TrackContent } from './track-content';

/** An insert as the strip runs it. */
export interface InsertSlot {
  readonly id: string;
  readonly type: string;
  readonly bypass: boolean;
  /** Switched off by the guard for producing NaN or Infinity: bypassed until the user bypasses and re-enables it. */
  faulted: boolean;
  readonly processor: DeviceProcessor;
  readonly params: ParamView;
  /** Holds a bypassed device's signal back by its latency, so bypass never shifts the timing. */
  readonly bypassDelay: StereoDelay | null;
  /** The channel the device listens to (processed earlier in the block), or null. */
  readonly sidechain: ChannelStrip | null;
}

/** A send as the strip runs it: its level's slot and where it goes. */
export interface SendSlot {
  readonly level: number;
  readonly pre: boolean;
  readonly target: ChannelStrip;
  readonly delay: StereoDelay | null;
}

/** Where a strip's output goes: the channel and the path's delay (as `SendSlot`'s). */
export interface OutputSlot {
  readonly target: ChannelStrip;
  readonly delay: StereoDelay | null;
}

/** Where a drum track's pads with their own output play: a bus, held back to meet its other inputs in time. */
export interface PadFeed {
  /** Which of the instrument's `padBlocks` it carries. */
  readonly output: number;
  readonly target: ChannelStrip;
  readonly delay: StereoDelay | null;
}

/** One block of stereo samples. */
export interface StereoBlock {
  readonly left: Float32Array;
  readonly right: Float32Array;
}

/** The slots of a channel's own parameters in the table. */
export interface FaderSlots {
  readonly gain: number;
  readonly pan: number;
  readonly mute: number;
}

/**
 * One channel of the graph, block by block: its input (summed by whatever feeds it), the inserts
 * in order, pre-fader sends, the fader (gain, mute and, for buses and the master, a balance pan,
 * each gliding per frame between the block's start and end values), post-fader sends, the meter,
 * and the output into the next channel. Buffers are allocated once, when the routing is compiled.
 */
export class ChannelStrip {
  readonly left = new Float32Array(blockFrames);
  readonly right = new Float32Array(blockFrames);
  readonly meters: readonly [LevelMeter, LevelMeter];
  inserts: readonly InsertSlot[] = [];
  private sendSlots: readonly SendSlot[] = [];
  /** Entries: the fader's level at the block's start and end, then each send's (see `levelEntry`). */
  private levels = new LevelGains(2);
  output: OutputSlot | null = null;
  /** A track's clips and instrument, panned: the strip's input (null for buses and the master, which sum what feeds them). */
  content: TrackContent | null = null;
  /** False: the meters are left alone (an offline render, where nobody reads them): the fader's pass skips their sums. */
  metered = true;
  /** When set, what the output adds to its target this block (after the path's delay) is also kept here: a stem. */
  tap: StereoBlock | null = null;
  /** False while solo silences this channel. */
  audible = true;
  /** Gain reduction of the inserts on the last frame, dB (≤ 0). */
  gainReductionDb = 0;
  /** Index of the last insert the guard switched off in the last block; −1 if it switched none off. */
  faultedInsert = -1;
  /** This block's mute (and solo) factor at its start and end; fields, not arguments, so no double is boxed per block. */
  private muteStart = 1;
  private muteEnd = 1;
  /** What the fader's pass adds into (see `fuse`): the post-fader sends', then the output's target. */
  private readonly fused: StereoBlock[] = Array.from({ length: FUSED_SENDS + 1 }, () => sink);
  /** Their gains: send k's at the block's start and its step per frame at [2k] and [2k + 1]; the output's (1 or 0) last. */
  private readonly fusedGains = new Float64Array(2 * FUSED_SENDS + 1);
  /** The factors `placeDirect` hands a placed clip, laid out as `placeGains`. */
  private readonly placing = new Float64Array(placeGains.count);

  constructor(
    public channel: EngineChannel,
    sampleRate: number,
    public fader: FaderSlots,
  ) {
    this.meters = [new LevelMeter(sampleRate), new LevelMeter(sampleRate)];
  }

  get id(): string {
    return this.channel.id;
  }

  get sends(): readonly SendSlot[] {
    return this.sendSlots;
  }

  /** Set when the routing is compiled (never while rendering): sizes the level conversions. */
  set sends(sends: readonly SendSlot[]) {
    this.sendSlots = sends;
    this.levels = new LevelGains(2 + 2 * sends.length);
  }

  /** Whether anything of this channel can be heard in this block (not muted, not silenced by solo). */
  sounds(params: ParamTable): boolean {
    return this.audible && ((params.start[this.fader.mute] as number) < 1 || (params.end[this.fader.mute] as number) < 1);
  }

  clear(): void {
    this.left.fill(0);
    this.right.fill(0);
  }

  /**
   * Runs the strip on its input (a track's panned content, or what fed a bus) and adds its output
   * and sends into their targets.
   */
  process(params: ParamTable, scratch: StereoBlock, context: BlockContext, frames: number): void {
    const { left, right } = this;
    const content = this.content;
    // With nothing between the pan and the fader and a pan holding still, the fader's pass reads
    // the track's sums itself (the same products, one pass fewer); otherwise the pan writes them here.
    const placed = content !== null && this.inserts.length === 0 && this.sendSlots.length === 0 && content.holdsPan(params, this.fader.pan, frames);
    // A clip left to be placed (TrackContent.direct) is placed by the fader's pass where that pass
    // has nothing else to do (no meters, no stem tap); otherwise it is mixed into the sums first.
    const direct = placed && !this.metered && this.tap === null ? content.direct : null;
    if (direct === null) content?.mixDirect();
    if (content !== null && !placed) content.pan(left, right, params, this.fader.pan, frames);
    let reduction = 0;
    this.faultedInsert = -1;
    // The guard blames a device only for invalid audio it made, not for what it was given.
    const clean = this.inserts.length === 0 || allFinite(left, right, frames);
    for (let d = 0; d < this.inserts.length; d++) {
      const insert = this.inserts[d] as InsertSlot;
      if (insert.bypass || insert.faulted) insert.bypassDelay?.delayInPlace(left, right, frames);
      else {
        const key = insert.sidechain;
        context.sidechainLeft = key === null ? null : key.left;
        context.sidechainRight = key === null ? null : key.right;
        insert.processor.process(left, right, insert.params, frames, context);
        if (clean && !allFinite(left, right, frames)) {
          left.fill(0);
          right.fill(0);
          insert.processor.reset();
          insert.faulted = true;
          this.faultedInsert = d;
          continue;
        }
        const gr = insert.processor.gainReductionDb[0] as number;
        if (gr < reduction) reduction = gr;
      }
    }
    this.gainReductionDb = reduction;
    this.convertLevels(params);
    this.muteStart = this.audible ? 1 - (params.start[this.fader.mute] as number) : 0;
    this.muteEnd = this.audible ? 1 - (params.end[this.fader.mute] as number) : 0;
    for (let s = 0; s < this.sends.length; s++) {
      const send = this.sends[s] as SendSlot;
      if (send.pre) this.send(send, s, scratch, true, frames);
    }
    const fused = this.fuse(frames);
    if (direct !== null) this.placeDirect(content as TrackContent, direct, frames);
    else if (placed) this.placeFaderAndMeter(content, frames);
    else this.applyFaderAndMeter(params, frames);
    if (fused) return;
    for (let s = 0; s < this.sends.length; s++) {
      const send = this.sends[s] as SendSlot;
      // Post-fader sends take the signal the mute has already scaled.
      if (!send.pre) this.send(send, s, scratch, false, frames);
    }
    const output = this.output;
    const tap = this.tap;
    if (output && tap) {
      tap.left.fill(0);
      tap.right.fill(0);
      addInto(left, right, tap, output.delay, frames);
      addInto(tap.left, tap.right, output.target, null, frames);
    } else if (output) addInto(left, right, output.target, output.delay, frames);
  }

  /**
   * Hands the post-fader sends and the output to the fader's pass (`fused`, `fusedGains`) when
   * that pass can add them itself: at most FUSED_SENDS sends that sound this block, none delayed,
   * an undelayed output and no stem tap. Each target then gets, element by element, the same
   * float32 sums in the same order as from a pass per send and one for the output (the sends in
   * their order, then the output), so the mix is the same to the bit with three passes fewer.
   * Otherwise every slot adds nothing into `sink`, and `process` runs the separate passes.
   */
  private fuse(frames: number): boolean {
    const fused = this.fused;
    const gains = this.fusedGains;
    const levels = this.levels.values;
    const output = this.output;
    let ok = this.tap === null && (output === null || output.delay === null);
    let count = 0;
    for (let s = 0; s < this.sendSlots.length && ok; s++) {
      const send = this.sendSlots[s] as SendSlot;
      if (send.pre) continue;
      // As `send` works them out for a post-fader send, and skips them.
      const from = levels[LevelGains.gain(sendStart(s))] as number;
      const step = ((levels[LevelGains.gain(sendStart(s) + 1)] as number) - from) / frames;
      if (send.delay !== null || count === FUSED_SENDS) ok = from === 0 && step === 0 && send.delay === null;
      else if (from !== 0 || step !== 0) {
        fused[count] = send.target;
        gains[2 * count] = from;
        gains[2 * count + 1] = step;
        count++;
      }
    }
    if (!ok) count = 0;
    for (let k = count; k < FUSED_SENDS; k++) {
      fused[k] = sink;
      gains[2 * k] = gains[2 * k + 1] = 0;
    }
    fused[FUSED_SENDS] = ok && output ? output.target : sink;
    gains[2 * FUSED_SENDS] = ok && output ? 1 : 0;
    return ok;
  }

  /**
   * Adds `source` (what this track's drum pads with their own output played) into `route`'s bus,
   * past this channel's inserts and fader but under its mute and solo, gliding like the fader's
   * mute; `scratch` holds the scaled block when the route is delayed.
   */
  feedAround(source: StereoBlock, route: PadFeed, params: ParamTable, scratch: StereoBlock, frames: number): void {
    const from = this.audible ? 1 - (params.start[this.fader.mute] as number) : 0;
    const step = ((this.audible ? 1 - (params.end[this.fader.mute] as number) : 0) - from) / frames;
    if (from === 0 && step === 0 && route.delay === null) return;
    const { left, right } = source;
    for (let i = 0; i < frames; i++) {
      const gain = from + step * (i + 1);
      scratch.left[i] = (left[i] as number) * gain;
      scratch.right[i] = (right[i] as number) * gain;
    }
    addInto(scratch.left, scratch.right, route.target, route.delay, frames);
  }

  /**
   * The fader on the block, and the meters reading it in the same pass (`LevelMeter.measure`'s
   * loop, folded in: the same samples, the same sums), and what `fuse` handed it.
   */
  private applyFaderAndMeter(params: ParamTable, frames: number): void {
    const { left, right, fader } = this;
    const gains = this.levels.values;
    const gainStart = (gains[LevelGains.gain(faderStart)] as number) * this.muteStart;
    const gainEnd = (gains[LevelGains.gain(faderEnd)] as number) * this.muteEnd;
    // A track's pan placed its clips before the inserts; buses and the master balance here.
    const balance = this.channel.kind !== 'track';
    const panStart = balance ? (params.start[fader.pan] as number) : 0;
    const panEnd = balance ? (params.end[fader.pan] as number) : 0;
    const leftStart = gainStart * (panStart > 0 ? 1 - panStart : 1);
    const rightStart = gainStart * (panStart < 0 ? 1 + panStart : 1);
    const leftStep = (gainEnd * (panEnd > 0 ? 1 - panEnd : 1) - leftStart) / frames;
    const rightStep = (gainEnd * (panEnd < 0 ? 1 + panEnd : 1) - rightStart) / frames;
    const fused = this.fused;
    if (!this.metered && feedsNothing(fused)) {
      // Unmetered and adding into nothing (an offline render's master): only the fader's scaling
      // is left, the same products; at a still unity gain, x · 1 is x and there is nothing to do.
      if (leftStep !== 0 || rightStep !== 0 || leftStart !== 1 || rightStart !== 1) {
        for (let i = 0; i < frames; i++) {
          left[i] = Math.fround((left[i] as number) * (leftStart + leftStep * (i + 1)));
          right[i] = Math.fround((right[i] as number) * (rightStart + rightStep * (i + 1)));
        }
      }
      this.settleMeters(0, 0, 0, 0, frames);
      return;
    }
    const fusedGains = this.fusedGains;
    const aLeft = (fused[0] as StereoBlock).left;
    const aRight = (fused[0] as StereoBlock).right;
    const bLeft = (fused[1] as StereoBlock).left;
    const bRight = (fused[1] as StereoBlock).right;
    const outLeft = (fused[FUSED_SENDS] as StereoBlock).left;
    const outRight = (fused[FUSED_SENDS] as StereoBlock).right;
    const aFrom = fusedGains[0] as number;
    const aStep = fusedGains[1] as number;
    const bFrom = fusedGains[2] as number;
    const bStep = fusedGains[3] as number;
    const outGain = fusedGains[2 * FUSED_SENDS] as number;
    const metered = this.metered;
    let peakLeft = 0;
    let peakRight = 0;
    let squaresLeft = 0;
    let squaresRight = 0;
    for (let i = 0; i < frames; i++) {
      const l = Math.fround((left[i] as number) * (leftStart + leftStep * (i + 1)));
      const r = Math.fround((right[i] as number) * (rightStart + rightStep * (i + 1)));
      left[i] = l;
      right[i] = r;
      // No branch per sample for a fault: a NaN sticks in the peak, and a faulty block is measured
      // again below. The one on `metered` holds for the whole render, so it costs nothing.
      if (metered) {
        peakLeft = Math.max(peakLeft, Math.abs(l));
        peakRight = Math.max(peakRight, Math.abs(r));
        squaresLeft += l * l;
        squaresRight += r * r;
      }
      // The fused sends and output (`fuse`): as `send` and `addInto` add them (x · 1 is x).
      const a = aFrom + aStep * (i + 1);
      aLeft[i] = (aLeft[i] as number) + Math.fround(l * a);
      aRight[i] = (aRight[i] as number) + Math.fround(r * a);
      const b = bFrom + bStep * (i + 1);
      bLeft[i] = (bLeft[i] as number) + Math.fround(l * b);
      bRight[i] = (bRight[i] as number) + Math.fround(r * b);
      outLeft[i] = (outLeft[i] as number) + l * outGain;
      outRight[i] = (outRight[i] as number) + r * outGain;
    }
    this.settleMeters(peakLeft, squaresLeft, peakRight, squaresRight, frames);
  }

  /**
   * `applyFaderAndMeter` for a track whose pan holds still, with no insert and no send: the panned
   * sum is worked out in the same pass, as `TrackContent.pan` writes it (rounded to float32 as its
   * store rounds it), then faded as the fader's pass fades it (a track's fader has no balance, so
   * both sides take the same gain), metered, and added into the output.
   */
  private placeFaderAndMeter(content: TrackContent, frames: number): void {
    const { left, right } = this;
    const { mono, stereoLeft, stereoRight, gains: pan } = content;
    const monoLeft = pan[panSlots.monoLeft] as number;
    const monoRight = pan[panSlots.monoRight] as number;
    const sideLeft = pan[panSlots.stereoLeft] as number;
    const sideRight = pan[panSlots.stereoRight] as number;
    const gains = this.levels.values;
    const from = (gains[LevelGains.gain(faderStart)] as number) * this.muteStart;
    const step = ((gains[LevelGains.gain(faderEnd)] as number) * this.muteEnd - from) / frames;
    const out = this.fused[FUSED_SENDS] as StereoBlock;
    const outLeft = out.left;
    const outRight = out.right;
    const outGain = this.fusedGains[2 * FUSED_SENDS] as number;
    const metered = this.metered;
    const monoSilent = content.monoSilent;
    let peakLeft = 0;
    let peakRight = 0;
    let squaresLeft = 0;
    let squaresRight = 0;
    for (let i = 0; i < frames; i++) {
      const gain = from + step * (i + 1);
      // A silent mono sum's term is an added +0 (TrackContent.monoSilent); the branch holds for the block.
      const panLeft = monoSilent ? (stereoLeft[i] as number) * sideLeft + 0 : (mono[i] as number) * monoLeft + (stereoLeft[i] as number) * sideLeft;
      const panRight = monoSilent ? (stereoRight[i] as number) * sideRight + 0 : (mono[i] as number) * monoRight + (stereoRight[i] as number) * sideRight;
      const l = Math.fround(Math.fround(panLeft) * gain);
      const r = Math.fround(Math.fround(panRight) * gain);
      left[i] = l;
      right[i] = r;
      if (metered) {
        peakLeft = Math.max(peakLeft, Math.abs(l));
        peakRight = Math.max(peakRight, Math.abs(r));
        squaresLeft += l * l;
        squaresRight += r * r;
      }
      outLeft[i] = (outLeft[i] as number) + l * outGain;
      outRight[i] = (outRight[i] as number) + r * outGain;
    }
    this.settleMeters(peakLeft, squaresLeft, peakRight, squaresRight, frames);
  }

  /**
   * `placeFaderAndMeter` for a track whose one sounding clip was left to be placed (`direct`):
   * the clip's sample places it (`ClipVoice.place`) with the still pan's and the fader's gains,
   * writing the strip's block and adding into the output, the same float32 values in one pass.
   * Unmetered strips only (their meters keep the zero sums `placeFaderAndMeter` gives them).
   */
  private placeDirect(content: TrackContent, direct: ClipVoice, frames: number): void {
    const pan = content.gains;
    const placing = this.placing;
    const gains = this.levels.values;
    const from = (gains[LevelGains.gain(faderStart)] as number) * this.muteStart;
    placing[placeGains.sideLeft] = pan[panSlots.stereoLeft] as number;
    placing[placeGains.sideRight] = pan[panSlots.stereoRight] as number;
    placing[placeGains.from] = from;
    placing[placeGains.step] = ((gains[LevelGains.gain(faderEnd)] as number) * this.muteEnd - from) / frames;
    placing[placeGains.out] = this.fusedGains[2 * FUSED_SENDS] as number;
    const out = this.fused[FUSED_SENDS] as StereoBlock;
    direct.place(content.directFrame, frames, placing, this.left, this.right, out.left, out.right);
    this.settleMeters(0, 0, 0, 0, frames);
  }

  /** Keeps the block's peaks and sums of squares the fader's pass measured and settles both meters on them (see `settleMeter`). */
  private settleMeters(peakLeft: number, squaresLeft: number, peakRight: number, squaresRight: number, frames: number): void {
    // Indexed, not destructured: array destructuring may build an iterator on the audio thread.
    const meterLeft = this.meters[0];
    const meterRight = this.meters[1];
    meterLeft.blockPeak = peakLeft;
    meterLeft.blockSquares = squaresLeft;
    meterRight.blockPeak = peakRight;
    meterRight.blockSquares = squaresRight;
    if (!this.metered) return;
    settleMeter(this.meters[0], this.left, frames);
    settleMeter(this.meters[1], this.right, frames);
  }

  /** This block's fader and send levels as gains (`levels`), converted where they moved. */
  private convertLevels(params: ParamTable): void {
    const values = this.levels.values;
    values[LevelGains.level(faderStart)] = params.start[this.fader.gain] as number;
    values[LevelGains.level(faderEnd)] = params.end[this.fader.gain] as number;
    const sends = this.sendSlots;
    for (let s = 0; s < sends.length; s++) {
      const level = (sends[s] as SendSlot).level;
      values[LevelGains.level(sendStart(s))] = params.start[level] as number;
      values[LevelGains.level(sendStart(s) + 1)] = params.end[level] as number;
    }
    this.levels.update();
  }

  private send(send: SendSlot, index: number, scratch: StereoBlock, muted: boolean, frames: number): void {
    const gains = this.levels.values;
    const from = (gains[LevelGains.gain(sendStart(index))] as number) * (muted ? this.muteStart : 1);
    const step = ((gains[LevelGains.gain(sendStart(index) + 1)] as number) * (muted ? this.muteEnd : 1) - from) / frames;
    if (from === 0 && step === 0 && send.delay === null) return;
    const { left, right } = this;
    if (send.delay === null) {
      // Straight into the target: the same sum as through the scratch, one pass fewer.
      const toLeft = send.target.left;
      const toRight = send.target.right;
      for (let i = 0; i < frames; i++) {
        const gain = from + step * (i + 1);
        toLeft[i] = (toLeft[i] as number) + Math.fround((left[i] as number) * gain);
        toRight[i] = (toRight[i] as number) + Math.fround((right[i] as number) * gain);
      }
      return;
    }
    for (let i = 0; i < frames; i++) {
      const gain = from + step * (i + 1);
      scratch.left[i] = (left[i] as number) * gain;
      scratch.right[i] = (right[i] as number) * gain;
    }
    addInto(scratch.left, scratch.right, send.target, send.delay, frames);
  }
}

/**
 * Settles a meter on the peak and sum of squares the fader's pass wrote into its `blockPeak` and
 * `blockSquares` (fields, so no double crosses a call). A peak over `runawayLevel` (or NaN) means
 * a faulty sample is in the sums: the meter then measures the plane itself, leaving faulty samples
 * out as it always does (rare, so the pass keeps no branch for them).
 */
function settleMeter(meter: LevelMeter, plane: Float32Array, frames: number): void {
  if (meter.blockPeak <= runawayLevel) {
    meter.fault = false;
    meter.settle(frames);
  } else meter.measure(plane, frames);
}

/** Post-fader sends the fader's pass can add itself (see `ChannelStrip.fuse`): two covers the usual reverb and delay sends. */
const FUSED_SENDS = 2;

/** What the fader's pass adds into where no send or output is fused: with gain 0, nothing it ever reads. */
const sink: StereoBlock = { left: new Float32Array(blockFrames), right: new Float32Array(blockFrames) };

/** Whether every fused slot adds into `sink` (a strip whose fader's pass feeds no send and no output). */
function feedsNothing(fused: readonly StereoBlock[]): boolean {
  for (let k = 0; k < fused.length; k++) if (fused[k] !== sink) return false;
  return true;
}

/** `ChannelStrip.levels` entries: the fader's level at the block's start and end, then send s's at `sendStart(s)` and the next. */
const faderStart = 0;
const faderEnd = 1;
function sendStart(send: number): number {
  return 2 + 2 * send;
}

/**
 * Whether every sample of the block is a finite number: a sum (in float64, which float32 samples
 * cannot overflow) is NaN or infinite exactly when one of its terms is, and x − x is 0 only for
 * finite x. Four sums, two frames of each plane apiece, so no sum waits on the one before it
 * (one chain per plane left this loop bound by the adder's latency).
 */
function allFinite(left: Float32Array, right: Float32Array, frames: number): boolean {
  let evenLeft = 0;
  let oddLeft = 0;
  let evenRight = 0;
  let oddRight = 0;
  let i = 0;
  for (; i + 1 < frames; i += 2) {
    evenLeft += left[i] as number;
    oddLeft += left[i + 1] as number;
    evenRight += right[i] as number;
    oddRight += right[i + 1] as number;
  }
  if (i < frames) {
    evenLeft += left[i] as number;
    evenRight += right[i] as number;
  }
  const sum = evenLeft + oddLeft + evenRight + oddRight;
  return sum - sum === 0;
}

function addInto(left: Float32Array, right: Float32Array, target: StereoBlock, delay: StereoDelay | null, frames: number): void {
  if (delay) {
    delay.addDelayed(left, right, target.left, target.right, frames);
    return;
  }
  const toLeft = target.left;
  const toRight = target.right;
  for (let i = 0; i < frames; i++) {
    toLeft[i] = (toLeft[i] as number) + (left[i] as number);
    toRight[i] = (toRight[i] as number) + (right[i] as number);
  }
}
