/**
 * The non-reflected CRCs with initial value 0 that FLAC (CRC-8 of frame headers, CRC-16 of
 * frames) and Ogg (CRC-32 of pages) use. One table-driven implementation for all three widths;
 * the tables are built on first use.
 */
export type CrcWidth = 8 | 16 | 32;

const polynomials: Readonly<Record<CrcWidth, number>> = { 8: 0x07, 16: 0x8005, 32: 0x04c11db7 };
const tables = new Map<CrcWidth, Uint32Array>();

/** The byte table of a width, for loops that keep a running CRC: `((crc << 8) ^ table[(crc >>> (width - 8)) ^ byte])` masked to the width. */
export function crcTable(width: CrcWidth): Uint32Array {
  let table = tables.get(width);
  if (table) return table;
  table = new Uint32Array(256);
  const top = 2 ** (width - 1);
  const modulus = 2 ** width;
  const polynomial = polynomials[width];
  for (let i = 0; i < 256; i++) {
    let r = i * 2 ** (width - 8);
    for (let bit = 0; bit < 8; bit++) r = r >= top ? (((r - top) * 2) ^ polynomial) >>> 0 : r * 2;
    table[i] = r % modulus;
  }
  tables.set(width, table);
  return table;
}

/**
 * CRC of `bytes[start, end)` continuing from `crc` (0 to start). `skip` names a byte range that
 * counts as zeros (Ogg computes its page CRC with the CRC field itself zeroed).
 */
export function crc(width: CrcWidth, bytes: Uint8Array, start = 0, end = bytes.length, skip?: { start: number; end: number }): number {
  const table = crcTable(width);
  const shift = width - 8;
  const mask = width === 32 ? 0xffffffff : (1 << width) - 1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const byte = skip && i >= skip.start && i < skip.end ? 0 : (bytes[i] ?? 0);
    value = (((value << 8) & mask) ^ (table[((value >>> shift) ^ byte) & 0xff] ?? 0)) >>> 0;
  }
  return value;
}
