/** Up to 8 bytes of the file from byte `at` (fewer where it ends): a chunk header past the bytes in hand. */
export type HeaderAt = (at: number) => Uint8Array;

/** Chunk headers looked at after the audio for a second audio chunk: a bound on the walk, the same for every reader. */
const CHUNKS_AFTER_AUDIO = 64;

/** The four ASCII characters of a chunk id at byte `at`. */
export function fourcc(view: DataView, at: number): string {
  const byte = (i: number): number => view.getUint8(at + i);
  return String.fromCharCode(byte(0), byte(1), byte(2), byte(3));
}

/**
 * Whether a chunk `id` lies among the chunks from byte `from` on, in a RIFF (little-endian sizes)
 * or IFF (big-endian) file of `fileBytes` bytes: walks the headers (odd sizes padded), up to
 * CHUNKS_AFTER_AUDIO of them or a header that does not fit in the file. WAV and AIFF ask it for a
 * second audio chunk after the first, which both refuse: which one is the sound is unclear.
 */
export function chunkFollows(headerAt: HeaderAt, fileBytes: number, from: number, id: string, littleEndian: boolean): boolean {
  let pos = from;
  for (let seen = 0; seen < CHUNKS_AFTER_AUDIO && pos + 8 <= fileBytes; seen++) {
    const header = headerAt(pos);
    if (header.length < 8) return false;
    const view = new DataView(header.buffer, header.byteOffset, 8);
    if (fourcc(view, 0) === id) return true;
    const size = view.getUint32(4, littleEndian);
    pos += 8 + size + (size % 2);
  }
  return false;
}
