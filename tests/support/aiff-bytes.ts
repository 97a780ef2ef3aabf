/** AIFF files made in code, for tests and the generated bench pack (Glowroom writes none). */
/** A plain 16-bit AIFF: FORM, COMM with the rate as an 80-bit float, SSND big-endian. */
export function encodeAiff16(planes: readonly Float32Array[], rate: number): Uint8Array {
  const frames = planes[0]?.length ?? 0;
  const soundBytes = frames * planes.length * 2;
  const out = new Uint8Array(12 + 26 + 16 + soundBytes);
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  ascii(0, 'FORM');
  view.setUint32(4, out.length - 8);
  ascii(8, 'AIFF');
  ascii(12, 'COMM');
  view.setUint32(16, 18);
  view.setUint16(20, planes.length);
  view.setUint32(22, frames);
  view.setUint16(26, 16);
  const exponent = Math.floor(Math.log2(rate));
  view.setUint16(28, 16_383 + exponent);
  view.setBigUint64(30, BigInt(rate * 2 ** (63 - exponent)));
  ascii(38, 'SSND');
  view.setUint32(42, 8 + soundBytes);
  let at = 54;
  for (let n = 0; n < frames; n++) {
    for (const plane of planes) {
      view.setInt16(at, Math.round(Math.max(-1, Math.min(1, plane[n] ?? 0)) * 32_767));
      at += 2;
    }
  }
  return out;
}
