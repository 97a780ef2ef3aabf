import { cos } from '../../std/det-math';
import { FftPlan } from '../fft';
import { SincInterpolator, type ReadRate } from '../sinc-interpolator';
import { StreamRead } from '../wasm/stream-read';
import { StretchKernels } from '../wasm/stretch-kernels';
import type { StretchMap, StretchSource } from './stretch-source';

/**
 * Tonal time-stretch and pitch-shift: a phase vocoder with identity phase locking (Laroche &
 * Dolson, "Improved phase vocoder time-scale modification of audio", 1999), deterministic per
 * output frame.
 *
 * **Signal path.** The vocoder builds a *stretched stream* y at the source's rate whose grain j
 * (Hann window, `size` frames, hop `hop` = size / 4) sits at y-frame j·hop and is cut from the
 * source around frame a_j = round(map(j·hop / step)). The output frame f reads y at f·step with a
 * band-limited interpolator of its own (`streamReader`), where `step` = source rate ÷ engine rate × pitch ratio: a pitch ratio
 * above 1 makes y longer and reads it faster, so pitch moves and time does not.
 *
 * **Phases.** Stereo is packed into one complex FFT (left real, right imaginary). Peaks of the
 * summed spectrum carry regions (midway to the next peak); a region turns by its peak's rotation
 * θ = φ_synthesis − φ_analysis, so bins keep their analysis phase relations (identity locking)
 * and left and right turn alike (the stereo image stays). A peak's frequency ω is its parabolic
 * log-magnitude estimate, refined by the phase advance since the previous grain; its synthesis
 * phase advances by ω·hop.
 *
 * **Determinism.** Grain j's rotations depend only on grains anchor(j) − 1 … j, where anchors fall
 * every `anchorEvery` grains: there θ restarts at its closed form ω·(j·hop − a_j), which is exactly
 * where the recursion would be for a steady partial, so a steady tone passes anchors seamlessly.
 * Grains are overlap-added in increasing order, so a y-frame's value never depends on how the
 * playhead got there: a seek or loop wrap rebuilds the state from the anchor before it (at most
 * `anchorEvery` analyses) and then renders the very samples an uninterrupted play gives.
 *
 * **Hop scheduling.** A grain's work is cut into steps of 0.8–4.5 µs (see `work`; 27 at size
 * 2048), each with its measured cost (`stepCost`). `render` finishes the grains its block needs
 * (only after a seek), then works ahead to a point that moves with the read (one block, one hop
 * and this vocoder's own share of a hop past it), step by step until the work done reaches the
 * share of the grain that point has passed: so steady play does the same work in every block.
 * Clips that play in step (the usual case: loops started on the bar) would still do their heavy
 * steps (the peak search, the rotations, sine and cosine) in the same block; each vocoder made
 * works ahead by a further golden-ratio share of a hop, so theirs fall on different blocks and
 * add up to a flat load. The schedule decides only when a grain is computed, never what it holds.
 */
export class PhaseVocoder {
  readonly size: number;
  readonly hop: number;
  readonly anchorEvery: number;
  private readonly plan: FftPlan;
  /** The FFT stages, the peaks' angles, logs, sines and cosines, their regions, the turn and the overlap-add, in WebAssembly; re, im, y and the per-peak arrays live in its memory. */
  private readonly kernels: StretchKernels;
  /** The band-limited read of y, in WebAssembly, shared by every vocoder reading at this rate. */
  private readonly read: StreamRead;
  private readonly window: Float64Array;
  private readonly bins: number;
  private readonly rate: ReadRate;
  /** Half-width of the stream reader's reach at the read step, plus a frame. */
  private readonly reach: number;
  /** Read positions below this (in y-frames) are counted from −`nearStart` (see `readStream`): more than a block's reach. */
  private readonly nearStart: number;
  /** Steps of one grain's work (see `work`): 2 to read the source, 2 per FFT stage, `lockParts` to lock phases, 4 more. */
  private readonly stepsPerGrain: number;
  /** What the steps before step s of a grain cost (`stepCost`), at [s]; the whole grain's at [stepsPerGrain]. */
  private readonly costBefore: Float64Array;
  /** y-frames worked ahead of a block's read: one whole block and one hop, so each grain is spread over the blocks before it. */
  private readonly lookahead: number;

  /** The stretched stream y over [base, base + yLeft.length). */
  private readonly yLeft: Float32Array;
  private readonly yRight: Float32Array;
  private base = 0;
  private started = false;
  /** Grains below this index are in y; the one at it is in progress at step `stage`. */
  private nextGrain = 0;
  private stage = 0;
  /** What the grain in progress's phase locking found: its peak count and which angles it needs. */
  private peakCount = 0;
  private anchored = false;
  private withAdvance = false;
  private withPrevious = false;
  private withAnchor = false;

  /** The grain in progress: its source frame, analysis spectrum (packed), working arrays. */
  private grainSource = 0;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** Summed (left + right) spectrum of the last analysed grain and the one before. */
  private sumRe: Float64Array;
  /** Which of the kernels' two summed spectra `sumRe`/`sumIm` are (the other is `prevRe`/`prevIm`). */
  private current = 0;
  private sumIm: Float64Array;
  private prevRe: Float64Array;
  private prevIm: Float64Array;
  /** Region rotation per bin of the current and previous grain (the kernels' `theta[thetaIndex]` and the other). */
  private theta: Float64Array;
  private prevTheta: Float64Array;
  private thetaIndex = 0;
  /** cos θ and sin θ per bin, computed once per region. */
  private readonly turnCos: Float64Array;
  private readonly turnSin: Float64Array;
  private prevSource = 0;
  private hasPrevious = false;
  /** Summed spectrum and source frame of the last anchor grain. */
  private readonly anchorRe: Float64Array;
  private readonly anchorIm: Float64Array;
  private anchorSource = 0;
  private hasAnchor = false;
  private readonly magnitude: Float64Array;
  private readonly peaks: Int32Array;
  /** The grain's loudest bin power, from one step to the next. */
  private readonly loudest: Float64Array;
  /**
   * Per peak (the kernels' arrays, turned in place into angles and logs there): the phase advance
   * since the previous grain and since the anchor as the complex products X·conj(P) (y, x), the
   * log ratios of its neighbours' magnitudes.
   */
  private readonly advanceY: Float64Array;
  private readonly advanceX: Float64Array;
  private readonly spanY: Float64Array;
  private readonly spanX: Float64Array;
  private readonly logBelow: Float64Array;
  private readonly logAbove: Float64Array;
  /** Scratch for one map query. */
  private readonly mapIn = new Float64Array(1);
  private readonly mapOut = new Float64Array(1);

  constructor(
    private readonly source: StretchSource,
    private readonly map: StretchMap,
    /** Source frames of y read per output frame: source rate ÷ engine rate × pitch ratio. */
    step: number,
    maxBlockFrames: number,
    options: { size?: number; anchorEvery?: number } = {},
  ) {
    const size = options.size ?? 2048;
    this.size = size;
    this.hop = size / 4;
    this.anchorEvery = options.anchorEvery ?? 16;
    this.plan = new FftPlan(size);
    this.bins = size / 2 + 1;
    this.window = new Float64Array(size);
    for (let i = 0; i < size; i++) this.window[i] = 0.5 - 0.5 * cos((2 * Math.PI * i) / size);
    const reader = streamReader();
    this.rate = reader.rateFor(step);
    this.reach = reader.reach(step) + 1;
    this.nearStart = this.reach + Math.ceil(maxBlockFrames * step) + 1;
    this.stepsPerGrain = 2 * this.plan.passCount + 5 + lockParts;
    this.costBefore = new Float64Array(this.stepsPerGrain + 1);
    for (let s = 0; s < this.stepsPerGrain; s++) this.costBefore[s + 1] = (this.costBefore[s] as number) + stepCost(s, this.plan.passCount);
    this.lookahead = Math.ceil(maxBlockFrames * step) + this.hop + Math.floor(staggerOf(vocodersMade++) * this.hop);
    const span = this.lookahead + Math.ceil(maxBlockFrames * step) + 2 * this.reach + 2 * size + 2 * this.hop;
    this.kernels = new StretchKernels(this.plan, span);
    const kernel = reader.kernelFor(this.rate);
    this.read = StreamRead.shared(kernel, Math.ceil(maxBlockFrames * step) + 2 * this.reach + 2 + 2 * kernel.halfTaps + 8, maxBlockFrames);
    // Hann² overlapped at a quarter hop sums to 1.5; the inverse is unscaled.
    const scale = 1 / (1.5 * size);
    for (let i = 0; i < size; i++) this.kernels.window[i] = (this.window[i] as number) * scale;
    this.yLeft = this.kernels.yLeft;
    this.yRight = this.kernels.yRight;
    this.re = this.kernels.re;
    this.im = this.kernels.im;
    this.sumRe = this.kernels.sumRe[0];
    this.sumIm = this.kernels.sumIm[0];
    this.prevRe = this.kernels.sumRe[1];
    this.prevIm = this.kernels.sumIm[1];
    this.anchorRe = new Float64Array(this.bins);
    this.anchorIm = new Float64Array(this.bins);
    this.theta = this.kernels.theta[0];
    this.prevTheta = this.kernels.theta[1];
    this.turnCos = this.kernels.turnCos;
    this.turnSin = this.kernels.turnSin;
    this.magnitude = this.kernels.magnitude;
    this.loudest = this.kernels.loudest;
    this.peaks = this.kernels.peaks;
    this.advanceY = this.kernels.advanceY;
    this.advanceX = this.kernels.advanceX;
    this.spanY = this.kernels.spanY;
    this.spanX = this.kernels.spanX;
    this.logBelow = this.kernels.logBelow;
    this.logAbove = this.kernels.logAbove;
  }

  /**
   * Output frames [frame, frame + count) (from the clip's start) into `left`/`right` at
   * [at, at + count), replacing what is there.
   */
  render(_engineReader: SincInterpolator, frame: number, count: number, left: Float64Array, right: Float64Array, at: number): void {
    const step = this.rate.step;
    const low = Math.floor(frame * step) - this.reach;
    const high = Math.ceil((frame + count - 1) * step) + this.reach + 1;
    const firstGrain = this.firstGrainTouching(low);
    if (!this.started || low < this.base || firstGrain > this.nextGrain) this.restart(low, firstGrain);
    this.makeRoom(low, high);
    while (this.completeBelow() < high) this.work();
    if (this.rate.step === 1) this.copyStream(frame, count, left, right, at);
    else this.readStream(frame, count, low, high, left, right, at);
    // Work ahead in proportion to the read: the grains complete below `ahead` and the steps of
    // the one in progress whose cost reaches the share of it that ahead has passed (a step is
    // done when its middle falls below). The read moves on steadily, so every block does about
    // the same work, and clips playing in step do not pile their heavy steps into one block.
    const ahead = high + this.lookahead;
    const costBefore = this.costBefore;
    const grainCost = costBefore[this.stepsPerGrain] as number;
    const target = ((ahead + this.size / 2) / this.hop) * grainCost;
    while (this.fits(this.nextGrain)) {
      const stage = this.stage;
      const middle = this.nextGrain * grainCost + 0.5 * ((costBefore[stage] as number) + (costBefore[stage + 1] as number));
      if (middle >= target) break;
      this.work();
    }
  }

  /** At step 1 the read lands on whole frames of y, which it copies (as the read's unit step does). */
  private copyStream(frame: number, count: number, left: Float64Array, right: Float64Array, at: number): void {
    const { yLeft, yRight } = this;
    const from = frame - this.base;
    for (let i = 0; i < count; i++) {
      left[at + i] = yLeft[from + i] as number;
      right[at + i] = yRight[from + i] as number;
    }
  }

  /** Reads y between its frames: the frames the block reads (and the kernel's zero-padded taps past them) go into the shared read's window. */
  private readStream(frame: number, count: number, low: number, high: number, left: Float64Array, right: Float64Array, at: number): void {
    const step = this.rate.step;
    const read = this.read;
    const from = low - this.base;
    const frames = Math.min(high - low + read.stride, this.yLeft.length - from, read.windowFrames);
    const { yLeft, yRight } = this;
    const windowLeft = read.left;
    const windowRight = read.right;
    for (let i = 0; i < frames; i++) {
      windowLeft[i] = yLeft[from + i] as number;
      windowRight[i] = yRight[from + i] as number;
    }
    const positions = read.positions;
    // Relative to the window, whose first frame `low` is whole: a whole number ≥ 0 taken from a
    // position above it is exact, so a position never depends on where the block starts. Near
    // the clip's start `low` may be negative (the read reaches before y's frame 0), and adding
    // would round by where the block starts; so a position p below `nearStart` is counted from
    // −nearStart: (p + nearStart) − (low + nearStart), the first sum rounded the same way
    // whatever the block, the subtraction exact. A block whose `low` is negative reads only such
    // positions, and one reading p ≥ nearStart has low ≥ 0.
    const nearStart = this.nearStart;
    for (let i = 0; i < count; i++) {
      const p = (frame + i) * step;
      positions[i] = p < nearStart ? p + nearStart - (low + nearStart) : p - low;
    }
    read.read(count, frames, false);
    const { outLeft, outRight } = read;
    for (let i = 0; i < count; i++) {
      left[at + i] = outLeft[i] as number;
      right[at + i] = outRight[i] as number;
    }
  }

  /** y-frames below this have every grain that touches them. */
  private completeBelow(): number {
    return this.nextGrain * this.hop - this.size / 2;
  }

  private firstGrainTouching(frame: number): number {
    return Math.floor((frame - this.size / 2) / this.hop) + 1;
  }

  /** Whether grain j's frames fit in y as it stands. */
  private fits(j: number): boolean {
    return j * this.hop + this.size / 2 <= this.base + this.yLeft.length;
  }

  /** Slides y forward (dropping frames below `low`) so [low, high) and the grains for it fit. */
  private makeRoom(low: number, high: number): void {
    const needEnd = high + this.lookahead + this.size + 2 * this.hop;
    if (needEnd <= this.base + this.yLeft.length) return;
    const shift = low - this.base;
    if (shift <= 0) return;
    this.yLeft.copyWithin(0, shift);
    this.yRight.copyWithin(0, shift);
    this.yLeft.fill(0, this.yLeft.length - shift);
    this.yRight.fill(0, this.yRight.length - shift);
    this.base = low;
  }

  /** Empties y from `low` on and rebuilds the phase state grain `firstGrain` continues from. */
  private restart(low: number, firstGrain: number): void {
    this.started = true;
    this.base = low;
    this.yLeft.fill(0);
    this.yRight.fill(0);
    this.stage = 0;
    this.hasAnchor = false;
    const anchor = Math.floor(firstGrain / this.anchorEvery) * this.anchorEvery;
    // The anchor's frequencies come from the anchor before it and the grain just before it: only
    // their summed spectra (an anchor's rotations restart at their closed form, so it reads no θ).
    this.hasPrevious = false;
    this.restore(anchor - this.anchorEvery, 1);
    this.restore(anchor - 1, 1);
    for (let j = anchor; j < firstGrain; j++) this.restore(j, rotationParts);
    this.nextGrain = firstGrain;
  }

  /**
   * Analyses grain j and keeps its phase state, without synthesis: the first `parts` parts of its
   * phase locking (1: the summed spectrum; `rotationParts`: up to the regions' rotations, what the
   * next grain continues from; never their sines, cosines and turns).
   */
  private restore(j: number, parts: number): void {
    this.grainSource = this.sourceOfGrain(j);
    this.analyse(0, this.size);
    this.kernels.begin();
    this.kernels.passes(0, this.plan.passCount, false);
    for (let part = 0; part < parts; part++) this.lockPhases(part, j);
    this.keepAnchor(j);
    this.keep();
  }

  /**
   * One step of the grain in progress (0.8–4.5 µs at 2048 in Node; `stepCost` says which cost
   * more): read the source in two halves (the second also puts it in the transform's bit-reversed
   * order, in WebAssembly); each forward
   * stage; phase locking in `lockParts` parts; turn the spectrum; keep its state and begin the
   * inverse; each inverse stage; overlap-add.
   */
  private work(): void {
    const { stage, plan, kernels } = this;
    const passes = plan.passCount;
    const forward = 2;
    const lock = forward + passes;
    const synthesis = lock + lockParts;
    const inverse = synthesis + 2;
    if (stage === 0) {
      this.grainSource = this.sourceOfGrain(this.nextGrain);
      this.analyse(0, this.size / 2);
    }
    else if (stage === 1) {
      this.analyse(this.size / 2, this.size);
      kernels.begin();
    }
    else if (stage < lock) kernels.passes(stage - forward, stage - forward + 1, false);
    else if (stage < synthesis) this.lockPhases(stage - lock, this.nextGrain);
    else if (stage === synthesis) this.rotate();
    else if (stage < inverse) {
      this.keep();
      kernels.begin();
    }
    else if (stage < inverse + passes) kernels.passes(stage - inverse, stage - inverse + 1, true);
    else {
      this.overlapAdd(this.nextGrain);
      this.nextGrain++;
      this.stage = 0;
      return;
    }
    this.stage = stage + 1;
  }

  private sourceOfGrain(j: number): number {
    this.mapIn[0] = (j * this.hop) / this.rate.step;
    this.map.sourceFrames(this.mapIn, this.mapOut, 0, 1);
    return Math.round(this.mapOut[0] as number);
  }

  /** Frames [from, to) of the grain: windows the source around the grain's frame into re (left) and im (right), in order (sequential writes; the kernels' `begin` reorders them, faster than writing each frame to its bit-reversed place). */
  private analyse(from: number, to: number): void {
    const { re, im, window, source, size } = this;
    const { left, right, frames, reverse } = source;
    const first = this.grainSource - size / 2;
    // Runs of consecutive plane frames (a looping clip's later passes, a reversed clip), so the
    // fold into the loop is done once per run, not per frame.
    for (let i = from; i < to; ) {
      const index = source.readFrame(first + i);
      if (index < 0) {
        re[i] = 0;
        im[i] = 0;
        i++;
        continue;
      }
      const end = i + Math.min(to - i, reverse ? index + 1 : frames - index);
      const direction = reverse ? -1 : 1;
      for (let at = index - direction * i; i < end; i++) {
        const w = window[i] as number;
        const frame = at + direction * i;
        re[i] = (left[frame] as number) * w;
        im[i] = (right[frame] as number) * w;
      }
    }
  }

  /**
   * Part `part` (of `lockParts`) of grain j's phase locking: from the packed spectrum, the summed
   * spectrum (0), its peaks (1) and their inputs (2); the angles they need (3, 4) and their log
   * magnitudes (4); each region's rotation θ (into `theta`), continuing from the previous grain or
   * restarting at an anchor (5 and 6, half the peaks each), its sine and cosine (7 and 8, half
   * the peaks each); each bin's turn (9).
   */
  private lockPhases(part: number, j: number): void {
    const count = this.peakCount;
    const half = count >> 1;
    switch (part) {
      case 0:
        this.sumSpectrum();
        return;
      case 1:
        this.findPeaks();
        return;
      case 2:
        this.peakInputs(j);
        return;
      case 3:
        if (this.withAdvance) this.kernels.atan2(count, false);
        return;
      case 4:
        if (this.withAnchor) this.kernels.atan2(count, true);
        this.kernels.logRatios(count);
        return;
      case 5:
        this.rotations(j, 0, half);
        return;
      case 6:
        this.rotations(j, half, count);
        // The kernels' peakCos holds the rotations until the sine and cosine step writes their cosines there.
        this.fillRegions(count);
        return;
      case 7:
        this.kernels.sinCos(0, half);
        return;
      case 8:
        this.kernels.sinCos(half, count);
        return;
      default:
        this.fillTurns(count);
        this.keepAnchor(j);
    }
  }

  /** At an anchor grain j, its summed spectrum and source frame become the anchor's. */
  private keepAnchor(j: number): void {
    if (j % this.anchorEvery !== 0) return;
    this.anchorRe.set(this.sumRe);
    this.anchorIm.set(this.sumIm);
    this.anchorSource = this.grainSource;
    this.hasAnchor = true;
  }

  /** The summed (left + right) spectrum of the packed transform, its power per bin and the loudest (in WebAssembly). */
  private sumSpectrum(): void {
    this.kernels.sumSpectrum(this.current);
  }

  /** The summed spectrum's peaks (in WebAssembly): bins above both bins before and at least both after. */
  private findPeaks(): void {
    // Peaks 60 dB under the loudest join their neighbours' regions (fewer regions, same locking).
    this.peakCount = this.kernels.findPeaks((this.loudest[0] as number) * 1e-6);
  }

  /** Which angles grain j needs and their inputs per peak. */
  private peakInputs(j: number): void {
    const { sumRe, sumIm, prevRe, prevIm, anchorRe, anchorIm, magnitude, peaks } = this;
    const count = this.peakCount;
    const analysisHop = this.grainSource - this.prevSource;
    const anchored = j % this.anchorEvery === 0 || !this.hasPrevious;
    const span = this.grainSource - this.anchorSource;
    // The angles a grain needs: the phase advance since the previous grain (to follow on, or to
    // refine ω) and, at an anchor, since the last anchor (an anchor refines ω over that long span).
    // Each is the angle of X·conj(P), one atan2 where a difference of two phases took two.
    const withPrevious = this.hasPrevious && analysisHop > 0;
    const withAnchor = anchored && this.hasAnchor && span > analysisHop;
    const withAdvance = withPrevious || !anchored;
    this.anchored = anchored;
    this.withPrevious = withPrevious;
    this.withAnchor = withAnchor;
    this.withAdvance = withAdvance;
    const { advanceY, advanceX, spanY, spanX, logBelow, logAbove } = this;
    for (let p = 0; p < count; p++) {
      const k = peaks[p] as number;
      const xr = sumRe[k] as number;
      const xi = sumIm[k] as number;
      if (withAdvance) {
        const pr = prevRe[k] as number;
        const pi = prevIm[k] as number;
        advanceY[p] = xi * pr - xr * pi;
        advanceX[p] = xr * pr + xi * pi;
      }
      if (withAnchor) {
        const ar = anchorRe[k] as number;
        const ai = anchorIm[k] as number;
        spanY[p] = xi * ar - xr * ai;
        spanX[p] = xr * ar + xi * ai;
      }
      // The parabola on log magnitude needs only its neighbours' log ratios to the peak (each ≤ 0).
      const peak = (magnitude[k] as number) + 1e-300;
      logBelow[p] = ((magnitude[k - 1] as number) + 1e-300) / peak;
      logAbove[p] = ((magnitude[k + 1] as number) + 1e-300) / peak;
    }
  }

  /**
   * Peaks [from, to)'s rotations for grain j, into the kernels' peakCos and peakSin (their `sinCos`
   * turns them): ω is the parabolic estimate on log magnitude refined by the phase advance; at an
   * anchor ω·displacement magnifies any error in ω, so ω is measured over the long span since the
   * last anchor, unless the partial moved since (then it keeps its local ω); between anchors θ
   * continues from the previous grain's region (identity locking).
   */
  private rotations(j: number, from: number, to: number): void {
    const analysisHop = this.grainSource - this.prevSource;
    const span = this.grainSource - this.anchorSource;
    const displacement = j * this.hop - this.grainSource;
    this.kernels.rotations(from, to, this.thetaIndex ^ 1, analysisHop, span, displacement, this.withPrevious, this.anchored, this.withAnchor);
  }

  /** Each bin's θ: its region's peak rotation (regions reach midway to the next peak), 0 without peaks. */
  private fillRegions(count: number): void {
    if (count === 0) this.theta.fill(0);
    else this.kernels.fillTheta(count, this.thetaIndex);
  }

  /** Each bin's cos θ and sin θ from its region's peak. */
  private fillTurns(count: number): void {
    if (count === 0) {
      this.turnCos.fill(1);
      this.turnSin.fill(0);
    }
    else this.kernels.fillTurns(count);
  }

  /** Turns both channels of the packed spectrum by each bin's θ and packs them again (full spectrum; in WebAssembly). */
  private rotate(): void {
    this.kernels.rotate();
  }

  /** The current grain becomes the previous one. */
  private keep(): void {
    let swap = this.prevRe;
    this.prevRe = this.sumRe;
    this.sumRe = swap;
    swap = this.prevIm;
    this.prevIm = this.sumIm;
    this.sumIm = swap;
    this.current ^= 1;
    swap = this.prevTheta;
    this.prevTheta = this.theta;
    this.theta = swap;
    this.thetaIndex ^= 1;
    this.prevSource = this.grainSource;
    this.hasPrevious = true;
  }

  /** Windows the inverse transform (by the window times the overlap-add's scale) and adds it into y around grain j's frame. */
  private overlapAdd(j: number): void {
    this.kernels.overlapAdd(j * this.hop - this.size / 2 - this.base);
  }
}

/** Vocoders made so far: each works ahead by its own share of a hop (`staggerOf`). */
let vocodersMade = 0;

/** The n-th vocoder's share of a hop worked ahead: the golden-ratio sequence, so any number of clips playing in step spread their grains' steps evenly over a hop. */
function staggerOf(n: number): number {
  const golden = 0.618_033_988_749_894_9;
  return (n * golden) % 1;
}

/** Parts of a grain's phase locking, each one step of its work. */
const lockParts = 10;
/** The parts up to the regions' rotations (the rest turn them into the spectrum's turn). */
const rotationParts = 7;

/**
 * What step s of a grain costs, relative (µs at 2048 points in Node, medians on this machine
 * with the bench's material, ≈ 190 peaks): the scheduler spreads cost, not steps, over the
 * blocks. Only when a grain is computed depends on these, never what it holds.
 */
export function stepCost(s: number, passes: number): number {
  const lock = 2 + passes;
  const inverse = lock + lockParts + 2;
  if (s < 2) return s === 0 ? 3.3 : 4.5;
  if (s < lock) return 1.5;
  if (s < inverse - 2) return lockCosts[s - lock] as number;
  if (s === inverse - 2) return 2.3;
  if (s === inverse - 1) return 1.9;
  if (s < inverse + passes) return 1.5;
  return 1.7;
}

/** Each phase-locking part's cost, as `stepCost`. */
const lockCosts = [1.2, 2.4, 1.5, 2, 2.1, 0.9, 2.8, 0.8, 0.8, 1.5];


let sharedStreamReader: SincInterpolator | undefined;

/**
 * What reads the stretched stream y at the output frames (an exact copy at step 1; a pitch shift
 * reads between frames): a 64-tap Kaiser sinc (β 8, ≈ 81 dB stopband, flat to 0.42 of the rate,
 * 20 kHz at 48 kHz), half the engine's 128 taps. The read was a third of the work of a
 * transposed tonal clip; the vocoder's own artefacts lie above this kernel's. Measured at 48 kHz
 * (sines, no stretch): THD+N of 12 kHz +3 st −105 dB (−124 with 128 taps), 19 kHz −5 st −91
 * (−118), 440 Hz at 44.1 kHz +7 st −93 (−93); levels within 0.001 dB. Built once, shared by
 * every vocoder.
 */
function streamReader(): SincInterpolator {
  sharedStreamReader ??= new SincInterpolator({ halfTaps: 32, beta: 8 });
  return sharedStreamReader;
}
