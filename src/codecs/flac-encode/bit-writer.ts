/**
 * MSB-first bit writer for FLAC frames, with Rice coding of a residual in one loop. Bits gather
 * in a 32-bit accumulator that is stored a whole word at a time. The buffer is sized by the
 * caller for the worst case of a frame (`reset`), so the hot loops never check room.
 */
export class BitWriter {
  bytes = new Uint8Array(0);
  /** Bytes stored; bits still in the accumulator come after them (`flush` stores them). */
  length = 0;
  private acc = 0;
  /** Bits in `acc` (0…31), in its low bits. */
  private used = 0;

  /** Starts a frame with room for `bytes` bytes. */
  reset(bytes: number): void {
    if (this.bytes.length < bytes + 4) this.bytes = new Uint8Array(bytes + 4);
    this.length = 0;
    this.acc = 0;
    this.used = 0;
  }

  /** The low `bits` bits of `value` (bits ≤ 32): a two's complement field for a signed value. */
  write(value: number, bits: number): void {
    const field = bits === 32 ? value : value & ((1 << bits) - 1);
    const used = this.used;
    if (used + bits < 32) {
      this.acc = (this.acc << bits) | field;
      this.used = used + bits;
      return;
    }
    const room = 32 - used;
    this.store(room === 32 ? field : (this.acc << room) | (field >>> (bits - room)));
    this.acc = field;
    this.used = bits - room;
  }

  /** Pads with zeros to a byte boundary and stores every whole byte: `length` is then exact. */
  flush(): void {
    if (this.used & 7) this.write(0, 8 - (this.used & 7));
    for (; this.used > 0; this.used -= 8) this.bytes[this.length++] = this.acc >>> (this.used - 8);
  }

  /**
   * Rice codes of residual[start, end) with parameter k (≤ 30): each signed value folded to
   * u = 2r (r ≥ 0) or −2r − 1, written as u >> k in unary and the low k bits of u.
   */
  writeRice(residual: Int32Array, start: number, end: number, k: number): void {
    const out = this.bytes;
    let acc = this.acc;
    let used = this.used;
    let at = this.length;
    const mask = (1 << k) - 1;
    const stop = 1 << k;
    for (let i = start; i < end; i++) {
      const r = residual[i] as number;
      const u = (r << 1) ^ (r >> 31);
      let zeros = u >>> k;
      let bits = zeros + 1 + k;
      const field = stop | (u & mask);
      if (bits > 32) {
        // A long unary part: its zeros first, at most 31 at a time.
        for (; zeros > 0; ) {
          const n = zeros < 31 ? zeros : 31;
          zeros -= n;
          if (used + n < 32) {
            acc <<= n;
            used += n;
            continue;
          }
          const word = acc << (32 - used);
          out[at] = word >>> 24;
          out[at + 1] = word >>> 16;
          out[at + 2] = word >>> 8;
          out[at + 3] = word;
          at += 4;
          acc = 0;
          used = n - (32 - used);
        }
        bits = k + 1;
      }
      if (used + bits < 32) {
        acc = (acc << bits) | field;
        used += bits;
      } else {
        const room = 32 - used;
        const word = room === 32 ? field : (acc << room) | (field >>> (bits - room));
        out[at] = word >>> 24;
        out[at + 1] = word >>> 16;
        out[at + 2] = word >>> 8;
        out[at + 3] = word;
        at += 4;
        acc = field;
        used = bits - room;
      }
    }
    this.acc = acc;
    this.used = used;
    this.length = at;
  }

  private store(word: number): void {
    const out = this.bytes;
    const at = this.length;
    out[at] = word >>> 24;
    out[at + 1] = word >>> 16;
    out[at + 2] = word >>> 8;
    out[at + 3] = word;
    this.length = at + 4;
  }
}
