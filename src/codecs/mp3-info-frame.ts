/**
 * The Xing/Info frame with a LAME tag that opens an MP3 export (after its ID3v2 tag), written by
 * us rather than by LAME because an export may be encoded as two pieces joined at a frame
 * boundary, and LAME's own tag would describe one piece.
 *
 * The frame is an MPEG-1 Layer III frame whose side information is zero (it decodes to nothing):
 * "Xing" (VBR) or "Info" (CBR), flags 0x0F, the count of audio frames after it, the byte count
 * from this frame to the end of the last, a 100-entry seek table (the byte position, out of 256,
 * of each percent of the frames) and a quality; then the LAME tag: "LAME3.100", the tag revision
 * and VBR method, at offset 21 the encoder delay (12 bits: LAME 3.100's 576 samples) and the
 * padding (12 bits) so that frames × 1,152 − delay − padding is the song's length (ffmpeg and our
 * decoder, src/codecs/mp3.ts, keep exactly that), the music length and the CRC-16 (reflected
 * 0x8005, "CRC-16/ARC") of the audio frames, and that CRC of the tag frame's bytes before it.
 * The audio bytes are watched as they pass (frame sizes from their headers), so nothing is read back.
 */
import { GlowroomError } from '../std/errors';

/** Samples per channel in an MPEG-1 Layer III frame. */
export const MP3_FRAME_SAMPLES = 1152;
/** LAME 3.100's encoder delay in samples (lame_get_encoder_delay; a test checks it against LAME's output). */
export const LAME_ENCODER_DELAY = 576;

const KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const RATES = [44_100, 48_000, 32_000];
/** Bit rate of a VBR file's info frame: the least whose frame holds the tag at every MPEG-1 rate. */
const VBR_TAG_KBPS = 128;
const ENCODER = 'LAME3.100';

const arcTable = ((): Uint16Array => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i;
    for (let bit = 0; bit < 8; bit++) r = r & 1 ? (r >>> 1) ^ 0xa001 : r >>> 1;
    table[i] = r;
  }
  return table;
})();

/** CRC-16/ARC of `bytes[start, end)` continuing from `value` (the LAME tag's CRCs). */
export function crc16Arc(bytes: Uint8Array, value = 0, start = 0, end = bytes.length): number {
  let crc = value;
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ (arcTable[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  return crc;
}

/** Bytes of an MPEG-1 Layer III frame with this header, or an internal error when it is none. */
function frameBytes(head: Uint8Array): number {
  const b1 = head[1] ?? 0;
  const b2 = head[2] ?? 0;
  const kbps = KBPS[b2 >>> 4] ?? 0;
  const rate = RATES[(b2 >>> 2) & 3] ?? 0;
  if (head[0] !== 0xff || (b1 & 0xfe) !== 0xfa || kbps === 0 || rate === 0) throw new GlowroomError('internal', 'the MP3 encoder wrote bytes that are not an MPEG-1 Layer III frame');
  return Math.floor((144_000 * kbps) / rate) + ((b2 >>> 1) & 1);
}

export type Mp3Mode = { readonly cbrKbps: number } | { readonly vbrQuality: number };

/** The info frame of one MP3 stream: reserve `size` bytes in front of the audio, `observe` the audio bytes in order, then `frame`. */
export class Mp3InfoFrame {
  /** Bytes of the info frame. */
  readonly size: number;
  private readonly kbps: number;
  private readonly sideInfo: number;
  /** Stream offset (audio bytes seen) of each audio frame's start. */
  private readonly starts: number[] = [];
  private readonly head = new Uint8Array(4);
  private headFill = 0;
  private firstHead: Uint8Array | undefined;
  private nextHeader = 0;
  private seen = 0;
  private musicCrc = 0;

  constructor(
    channels: 1 | 2,
    private readonly sampleRate: number,
    private readonly mode: Mp3Mode,
  ) {
    if (!RATES.includes(sampleRate)) throw new GlowroomError('internal', `no MPEG-1 info frame at ${sampleRate} Hz`);
    this.kbps = 'cbrKbps' in mode ? mode.cbrKbps : VBR_TAG_KBPS;
    this.sideInfo = channels === 1 ? 17 : 32;
    this.size = Math.floor((144_000 * this.kbps) / sampleRate);
  }

  /** The next audio bytes of the stream (any chunking). */
  observe(bytes: Uint8Array): void {
    this.musicCrc = crc16Arc(bytes, this.musicCrc);
    let at = this.nextHeader - this.seen;
    while (at < bytes.length) {
      while (this.headFill < 4 && at + this.headFill < bytes.length) {
        this.head[this.headFill] = bytes[at + this.headFill] ?? 0;
        this.headFill++;
      }
      if (this.headFill < 4) break;
      this.firstHead ??= this.head.slice();
      this.starts.push(this.nextHeader);
      this.nextHeader += frameBytes(this.head);
      this.headFill = 0;
      at = this.nextHeader - this.seen;
    }
    this.seen += bytes.length;
  }

  /** The finished info frame for a song of `songFrames` samples per channel, once every audio byte was observed. */
  frame(songFrames: number): Uint8Array {
    const frames = this.starts.length;
    if (this.nextHeader !== this.seen || this.headFill !== 0) throw new GlowroomError('internal', 'the MP3 stream ended inside a frame');
    const padding = frames * MP3_FRAME_SAMPLES - LAME_ENCODER_DELAY - songFrames;
    if (padding < 0 || padding > 4095) throw new GlowroomError('internal', `${frames} MP3 frames cannot hold ${songFrames} samples after LAME's delay`);
    const out = new Uint8Array(this.size);
    const view = new DataView(out.buffer);
    const vbr = 'vbrQuality' in this.mode;
    out.set([0xff, 0xfb, (KBPS.indexOf(this.kbps) << 4) | (RATES.indexOf(this.sampleRate) << 2), this.firstHead?.[3] ?? (this.sideInfo === 17 ? 0xc4 : 0x44)]);
    const xing = 4 + this.sideInfo;
    const total = this.size + this.seen;
    out.set([...(vbr ? 'Xing' : 'Info')].map((c) => c.charCodeAt(0)), xing);
    view.setUint32(xing + 4, 0x0f);
    view.setUint32(xing + 8, frames);
    view.setUint32(xing + 12, total);
    for (let i = 0; i < 100; i++) {
      const start = this.starts[Math.floor((i * frames) / 100)] ?? 0;
      out[xing + 16 + i] = Math.min(255, Math.floor((256 * (this.size + start)) / total));
    }
    view.setUint32(xing + 116, 'vbrQuality' in this.mode ? Math.max(0, Math.round(100 - 10 * this.mode.vbrQuality)) : 0);
    const lame = xing + 120;
    out.set([...ENCODER].map((c) => c.charCodeAt(0)), lame);
    out[lame + 9] = vbr ? 4 : 1; // tag revision 0; VBR method 2 (LAME's default, mtrh) or CBR
    out[lame + 20] = vbr ? 0 : Math.min(255, this.kbps);
    out[lame + 21] = LAME_ENCODER_DELAY >>> 4;
    out[lame + 22] = ((LAME_ENCODER_DELAY & 0xf) << 4) | (padding >>> 8);
    out[lame + 23] = padding & 0xff;
    out[lame + 24] = (this.sampleRate === 44_100 ? 1 : this.sampleRate === 48_000 ? 2 : 0) << 6;
    view.setUint32(lame + 28, total);
    view.setUint16(lame + 32, this.musicCrc);
    view.setUint16(lame + 34, crc16Arc(out, 0, 0, lame + 34));
    return out;
  }
}
