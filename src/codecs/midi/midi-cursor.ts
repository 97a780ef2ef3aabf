/**
 * Reads big-endian fields from a bounded span of a MIDI file. Every read is checked against the
 * span's end first: running out calls `truncated` (which throws), so a short or lying chunk never
 * reads past its bytes.
 */
export class MidiCursor {
  private position: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
    private readonly truncated: () => never,
  ) {
    this.position = start;
  }

  get offset(): number {
    return this.position;
  }

  get atEnd(): boolean {
    return this.position >= this.end;
  }

  peek(): number {
    this.need(1);
    return this.bytes[this.position]!;
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.position++]!;
  }

  u16(): number {
    return (this.u8() << 8) | this.u8();
  }

  u32(): number {
    return ((this.u8() << 24) >>> 0) + ((this.u8() << 16) | (this.u8() << 8) | this.u8());
  }

  /** A variable-length quantity; a fifth continuation byte is damage, not a bigger number. */
  variableLength(onTooLong: () => never): number {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const byte = this.u8();
      value = (value << 7) | (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    return onTooLong();
  }

  take(length: number): Uint8Array {
    this.need(length);
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }

  skip(length: number): void {
    this.need(length);
    this.position += length;
  }

  private need(length: number): void {
    if (this.position + length > this.end) this.truncated();
  }
}
