/**
 * The WAV header of a take: 32-bit float (WAVE_FORMAT_IEEE_FLOAT with its `fact` chunk), written
 * by src/codecs' own writer for zero frames, whose sizes are patched in place as audio arrives.
 * A take on disk is always a valid WAV up to its last checkpoint; `takeLayout` finds the fields
 * again in a file, so a take left by a crash can be repaired (take-repair.ts).
 */
import type { FileHandle } from 'node:fs/promises';
import { encodeWav } from '../../../src/codecs/wav-writer';

/** Where a take's size fields and audio are, and how big a frame is. */
export interface TakeLayout {
  /** Byte offset of the first audio byte. */
  readonly dataStart: number;
  /** Byte offset of the `fact` chunk's frame count. */
  readonly factFramesAt: number;
  /** Bytes per frame (4 × channels). */
  readonly frameBytes: number;
  /** Hertz. */
  readonly sampleRate: number;
}

export function takeHeader(sampleRate: number, channelCount: number): Uint8Array {
  const silence = Array.from({ length: channelCount }, () => new Float32Array(0));
  return encodeWav({ sampleRate, channels: silence }, { bitDepth: 32, float: true });
}

/** The layout of a take's header, or null when `header` is not one (not RIFF/WAVE float with fact and data). */
export function takeLayout(header: Uint8Array): TakeLayout | null {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const text = (at: number) => String.fromCharCode(...header.subarray(at, at + 4));
  if (header.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WAVE') return null;
  let at = 12;
  let frameBytes = 0;
  let sampleRate = 0;
  let factFramesAt = -1;
  while (at + 8 <= header.length) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= header.length) {
      const float = view.getUint16(at + 8, true) === 3 && view.getUint16(at + 22, true) === 32;
      if (!float) return null;
      frameBytes = 4 * view.getUint16(at + 10, true);
      sampleRate = view.getUint32(at + 12, true);
    }
    if (id === 'fact') factFramesAt = at + 8;
    if (id === 'data') return frameBytes > 0 && factFramesAt > 0 ? { dataStart: at + 8, factFramesAt, frameBytes, sampleRate } : null;
    at += 8 + size + (size % 2);
  }
  return null;
}

/** Sets the header's RIFF size, `fact` frame count and data size to cover `frames` whole frames. */
export async function writeTakeSizes(handle: FileHandle, layout: TakeLayout, frames: number): Promise<void> {
  const data = frames * layout.frameBytes;
  const fields: readonly (readonly [number, number])[] = [
    [4, layout.dataStart - 8 + data],
    [layout.factFramesAt, frames],
    [layout.dataStart - 4, data],
  ];
  const field = new DataView(new ArrayBuffer(4));
  for (const [at, value] of fields) {
    field.setUint32(0, value, true);
    await handle.write(new Uint8Array(field.buffer), 0, 4, at);
  }
}
