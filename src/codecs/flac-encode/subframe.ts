/**
 * One channel of one FLAC frame (RFC 9639 §9.2): CONSTANT when every sample is the same, else
 * the smaller of the best fixed predictor (orders 0…4, picked by the sum of absolute residuals
 * as libFLAC does) and a quantised LPC predictor (lpc.ts), each with its partitioned Rice
 * residual (rice.ts), or VERBATIM when neither saves anything.
 */
import type { BitWriter } from './bit-writer';
import { bestOrder, coefficientPrecision, levinsonDurbin, MAX_LPC_ORDER, quantizeCoefficients, tukeyWindow } from './lpc';
import { LpcKernels } from './lpc-kernels';
import { RicePlan } from './rice';
import { minOf } from '../../std/extremes';

const enum Kind {
  Constant,
  Verbatim,
  Fixed,
  Lpc,
}

/** LPC is tried on blocks longer than this. */
const MIN_LPC_BLOCK = 32;

export class SubframeEncoder {
  /** Σ|residual| of fixed order 2 (set by `estimate`): compares channels for the stereo decision. */
  cost = 0;
  private fixedOrder = 0;
  private kind = Kind.Verbatim;
  private samples: Int32Array;
  private n = 0;
  private bits = 0;
  /** Zero low bits common to every sample, shifted out of `samples` (into `shifted`). */
  private wasted = 0;
  private readonly shifted: Int32Array;
  private readonly fixedResidual: Int32Array;
  /** The LPC loops, which also hold the LPC residual. */
  private readonly lpc: LpcKernels;
  private readonly fixedPlan = new RicePlan();
  private readonly lpcPlan = new RicePlan();
  private readonly autoc = new Float64Array(MAX_LPC_ORDER + 1);
  private readonly coeffs = new Float64Array(MAX_LPC_ORDER * MAX_LPC_ORDER);
  private readonly errors = new Float64Array(MAX_LPC_ORDER);
  private readonly levinson = new Float64Array(MAX_LPC_ORDER);
  private readonly qlp = new Int32Array(MAX_LPC_ORDER);
  private lpcOrder = 0;
  private precision = 0;
  private shift = 0;

  constructor(blockSize: number) {
    this.samples = new Int32Array(0);
    this.shifted = new Int32Array(blockSize);
    this.fixedResidual = new Int32Array(blockSize);
    this.lpc = new LpcKernels(blockSize);
  }

  /** Takes the channel's samples for this frame and sets `cost`, a cheap measure of how well it predicts. */
  estimate(samples: Int32Array, n: number): void {
    let e2 = 0;
    for (let i = 2; i < n; i++) e2 += Math.abs((samples[i] as number) - 2 * (samples[i - 1] as number) + (samples[i - 2] as number));
    this.take(samples, n, e2);
  }

  /** Takes the channel's samples for this frame with `cost` already measured (frame.ts does it for stereo in one pass). */
  take(samples: Int32Array, n: number, cost: number): void {
    this.samples = samples;
    this.n = n;
    this.cost = cost;
  }

  /** The fixed predictor with the least absolute residual over samples[4, n), all orders judged on the same samples. */
  private analyzeFixed(): void {
    const { samples, n } = this;
    if (n <= 4) {
      this.fixedOrder = 0;
      return;
    }
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    let e4 = 0;
    let last0 = samples[3] as number;
    let last1 = last0 - (samples[2] as number);
    let last2 = last1 - ((samples[2] as number) - (samples[1] as number));
    let last3 = last2 - ((samples[2] as number) - 2 * (samples[1] as number) + (samples[0] as number));
    for (let i = 4; i < n; i++) {
      const d0 = samples[i] as number;
      const d1 = d0 - last0;
      const d2 = d1 - last1;
      const d3 = d2 - last2;
      const d4 = d3 - last3;
      e0 += Math.abs(d0);
      e1 += Math.abs(d1);
      e2 += Math.abs(d2);
      e3 += Math.abs(d3);
      e4 += Math.abs(d4);
      last0 = d0;
      last1 = d1;
      last2 = d2;
      last3 = d3;
    }
    const sums = [e0, e1, e2, e3, e4];
    this.fixedOrder = sums.indexOf(minOf(sums));
  }

  /** Chooses this channel's coding at `bits` bits per sample (after `estimate`); returns its size in bits. */
  plan(bits: number): number {
    const { n } = this;
    this.bits = bits;
    this.wasted = 0;
    const first = this.samples[0] as number;
    let any = 0;
    for (let i = 0; i < n; i++) any |= this.samples[i] as number;
    let constant = true;
    for (let i = 1; i < n && constant; i++) constant = this.samples[i] === first;
    if (constant) {
      this.kind = Kind.Constant;
      return 8 + bits;
    }
    // Wasted bits: low bits that are zero in every sample (audio of a lower depth) are not coded.
    const wasted = 31 - Math.clz32(any & -any);
    if (wasted > 0) {
      const shifted = this.shifted;
      for (let i = 0; i < n; i++) shifted[i] = (this.samples[i] as number) >> wasted;
      this.samples = shifted;
      this.wasted = wasted;
      this.bits = bits -= wasted;
    }
    this.kind = Kind.Verbatim;
    let best = 8 + this.wasted + n * bits;
    const lpc = n > MIN_LPC_BLOCK ? this.planLpc(bits) : Infinity;
    if (lpc < best) {
      best = lpc;
      this.kind = Kind.Lpc;
    }
    // Fixed predictors are tried only when LPC's residual is not clearly smaller than the
    // estimate's (Σ|r| of fixed order 2): three passes saved on most blocks of music.
    if (lpc < Infinity && this.lpcPlan.total * 2 ** this.wasted < this.cost) return best;
    this.analyzeFixed();
    const fixed = n > this.fixedOrder ? 8 + this.wasted + this.fixedOrder * bits + this.planFixed() : Infinity;
    if (fixed < best) {
      best = fixed;
      this.kind = Kind.Fixed;
    }
    return best;
  }

  write(writer: BitWriter): void {
    const { samples, n, bits } = this;
    switch (this.kind) {
      case Kind.Constant:
        writer.write(0, 8);
        writer.write(samples[0] as number, bits);
        return;
      case Kind.Verbatim:
        this.writeHeader(writer, 1);
        for (let i = 0; i < n; i++) writer.write(samples[i] as number, bits);
        return;
      case Kind.Fixed: {
        const order = this.fixedOrder;
        this.writeHeader(writer, 8 + order);
        for (let i = 0; i < order; i++) writer.write(samples[i] as number, bits);
        this.fixedPlan.write(writer, this.fixedResidual, order, n);
        return;
      }
      case Kind.Lpc: {
        const order = this.lpcOrder;
        this.writeHeader(writer, 32 + order - 1);
        for (let i = 0; i < order; i++) writer.write(samples[i] as number, bits);
        writer.write(this.precision - 1, 4);
        writer.write(this.shift, 5);
        for (let i = 0; i < order; i++) writer.write(this.qlp[i] as number, this.precision);
        this.lpcPlan.write(writer, this.lpc.residualValues, order, n);
        return;
      }
    }
  }

  /** The subframe header: a zero bit, the type, and the wasted bits (a flag, then their count − 1 in unary). */
  private writeHeader(writer: BitWriter, type: number): void {
    writer.write((type << 1) | (this.wasted > 0 ? 1 : 0), 8);
    if (this.wasted > 0) writer.write(1, this.wasted);
  }

  /** The residual of the chosen fixed order and its Rice plan; returns the residual's bits. */
  private planFixed(): number {
    const { samples: x, n, fixedResidual: r } = this;
    switch (this.fixedOrder) {
      case 0:
        for (let i = 0; i < n; i++) r[i] = x[i] as number;
        break;
      case 1:
        for (let i = 1; i < n; i++) r[i] = (x[i] as number) - (x[i - 1] as number);
        break;
      case 2:
        for (let i = 2; i < n; i++) r[i] = (x[i] as number) - 2 * (x[i - 1] as number) + (x[i - 2] as number);
        break;
      case 3:
        for (let i = 3; i < n; i++) r[i] = (x[i] as number) - 3 * (x[i - 1] as number) + 3 * (x[i - 2] as number) - (x[i - 3] as number);
        break;
      default:
        for (let i = 4; i < n; i++) r[i] = (x[i] as number) - 4 * (x[i - 1] as number) + 6 * (x[i - 2] as number) - 4 * (x[i - 3] as number) + (x[i - 4] as number);
    }
    return this.fixedPlan.plan(r, this.fixedOrder, n);
  }

  /** LPC of the best expected order; returns the subframe's bits, or Infinity when LPC does not apply. */
  private planLpc(bits: number): number {
    const { samples, n } = this;
    this.lpc.autocorrelation(samples, tukeyWindow(n), n, this.autoc);
    if (!((this.autoc[0] as number) > 0)) return Infinity;
    const orders = levinsonDurbin(this.autoc, MAX_LPC_ORDER, this.coeffs, this.errors, this.levinson);
    const precision0 = coefficientPrecision(n, bits);
    const order = bestOrder(this.errors, orders, n, bits + precision0);
    // With 17 bits or fewer, libFLAC keeps coefficient · sample sums within 32 bits; so do we.
    const precision = bits <= 17 ? Math.max(2, Math.min(precision0, 32 - bits - (31 - Math.clz32(order)))) : precision0;
    const shift = quantizeCoefficients(this.coeffs, order, precision, this.qlp);
    if (shift < 0) return Infinity;
    if (!this.lpc.residual(n, this.qlp, order, shift)) return Infinity;
    this.lpcOrder = order;
    this.precision = precision;
    this.shift = shift;
    return 8 + this.wasted + order * bits + 9 + order * precision + this.lpcPlan.plan(this.lpc.residualValues, order, n);
  }
}
