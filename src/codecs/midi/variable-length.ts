/**
 * MIDI's variable-length quantity: 7 bits per byte, most significant first, high bit set on every
 * byte but the last. At most 4 bytes (0x0FFFFFFF), as the spec allows.
 */
export const maxVariableLength = 0x0fffffff;

/** The bytes of `value` (0 ≤ value ≤ 0x0FFFFFFF, an integer). */
export function encodeVariableLength(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > maxVariableLength) {
    throw new RangeError(`a MIDI variable-length value must be an integer 0–${maxVariableLength}, not ${value}`);
  }
  const bytes = [value & 0x7f];
  let rest = value >>> 7;
  while (rest > 0) {
    bytes.unshift((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  return bytes;
}
