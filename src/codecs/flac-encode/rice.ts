/**
 * Partitioned Rice coding of a FLAC residual (RFC 9639 §9.2.7): the partition order (0…5, as
 * flac -5) and each partition's parameter chosen from the sums of the folded residual, the
 * cost of a parameter k over c values summing to s being c·(k + 1) + ⌊s / 2^k⌋, an upper bound
 * of the bits written. RICE2 (5-bit parameters) is used only when a parameter exceeds 14.
 */
import type { BitWriter } from './bit-writer';

export const MAX_PARTITION_ORDER = 5;
const MAX_RICE = 14;
const MAX_RICE2 = 30;

/** A residual's coding: method (0 RICE, 1 RICE2), partition order and parameters, and its size. */
export class RicePlan {
  bits = 0;
  /** Σ|r| over the planned residual. */
  total = 0;
  order = 0;
  method = 0;
  readonly params = new Int32Array(1 << MAX_PARTITION_ORDER);
  private readonly sums = new Float64Array(1 << MAX_PARTITION_ORDER);
  private readonly trial = new Int32Array(1 << MAX_PARTITION_ORDER);

  /** Plans residual[predictorOrder, n); returns the bits the residual section takes. */
  plan(residual: Int32Array, predictorOrder: number, n: number): number {
    let top = MAX_PARTITION_ORDER;
    while (top > 0 && ((n & ((1 << top) - 1)) !== 0 || n >> top <= predictorOrder)) top--;
    const sums = this.sums;
    const size = n >> top;
    for (let p = 0, start = predictorOrder; p < 1 << top; p++) {
      const end = (p + 1) * size;
      let sum = 0;
      for (let i = start; i < end; i++) sum += Math.abs(residual[i] as number);
      // 2|r| bounds the folded value (2r or −2r − 1) from above, so the plan's cost still bounds the bits.
      sums[p] = 2 * sum;
      start = end;
    }
    let total = 0;
    for (let p = 0; p < 1 << top; p++) total += sums[p] as number;
    this.total = total / 2;
    this.bits = Infinity;
    for (let order = top; order >= 0; order--) {
      const partitions = 1 << order;
      const count = n >> order;
      let bits = 0;
      let widest = 0;
      for (let p = 0; p < partitions; p++) {
        const c = p === 0 ? count - predictorOrder : count;
        const k = bestParameter(sums[p] as number, c);
        this.trial[p] = k;
        if (k > widest) widest = k;
        bits += riceBits(sums[p] as number, c, k);
      }
      bits += 6 + partitions * (widest > MAX_RICE ? 5 : 4);
      if (bits < this.bits) {
        this.bits = bits;
        this.order = order;
        this.method = widest > MAX_RICE ? 1 : 0;
        this.params.set(this.trial.subarray(0, partitions));
      }
      for (let p = 0; p < partitions >> 1; p++) sums[p] = (sums[2 * p] as number) + (sums[2 * p + 1] as number);
    }
    return this.bits;
  }

  /** Writes residual[predictorOrder, n) as planned. */
  write(writer: BitWriter, residual: Int32Array, predictorOrder: number, n: number): void {
    writer.write(this.method, 2);
    writer.write(this.order, 4);
    const size = n >> this.order;
    const paramBits = this.method === 1 ? 5 : 4;
    for (let p = 0; p < 1 << this.order; p++) {
      const k = this.params[p] as number;
      writer.write(k, paramBits);
      writer.writeRice(residual, p === 0 ? predictorOrder : p * size, (p + 1) * size, k);
    }
  }
}

/** The parameter with the lowest cost for `count` folded values summing to `sum`: ⌊log2 of the mean⌋ or a neighbour. */
function bestParameter(sum: number, count: number): number {
  if (count === 0 || sum < count) return 0;
  let k = 0;
  for (let m = Math.floor(sum / count); m > 1 && k < MAX_RICE2; m = Math.floor(m / 2)) k++;
  let best = k;
  let bestBits = riceBits(sum, count, k);
  const below = k > 0 ? riceBits(sum, count, k - 1) : Infinity;
  if (below < bestBits) {
    best = k - 1;
    bestBits = below;
  }
  if (k < MAX_RICE2 && riceBits(sum, count, k + 1) < bestBits) best = k + 1;
  return best;
}

/** The bound on the bits of `count` values summing to `sum` coded with parameter k. */
function riceBits(sum: number, count: number, k: number): number {
  return count * (k + 1) + Math.floor(sum / (1 << k));
}
