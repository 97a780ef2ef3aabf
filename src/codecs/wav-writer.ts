import { quantizeWithTpdf, TpdfDither } from '../dsp/dither';
import { GlowroomError } from '../std/errors';

export interface WavEncodeOptions {
  readonly bitDepth: 16 | 24 | 32;
  /** IEEE float samples; only with bitDepth 32. */
  readonly float?: boolean;
  /**
   * 16/24-bit only: add TPDF dither from this seed (channel c uses seed + c) before rounding, so
   * renders are both clean and reproducible. Without it samples are plainly rounded.
   */
  readonly ditherSeed?: number;
  /**
   * Complete RIFF chunks (id, size, data, pad byte) written between the format chunks and
   * `data`, e.g. src/codecs/wav-metadata's LIST/INFO and `id3 ` chunks. Before the audio, so
   * readers that stop at `data` still see them.
   */
  readonly chunks?: readonly Uint8Array[];
}

/**
 * Plain RIFF/WAVE writer (classic WAVEFORMATEX header, no WAVE_FORMAT_EXTENSIBLE, no RF64).
 * Integer output is clipped to [-1, 1], scaled by 2^(bits - 1) with round-to-nearest (full scale
 * +1 lands on the largest code), NaN becomes 0; with `ditherSeed`, 16/24-bit output is TPDF
 * dithered (src/dsp/dither). Without dither decodeWav gives back exactly any value on the integer
 * grid. Float output is written unclipped, so overs survive.
 */
export function encodeWav(
  audio: { sampleRate: number; channels: readonly Float32Array[] },
  options: WavEncodeOptions,
): Uint8Array {
  const { sampleRate, channels } = audio;
  const float = options.float === true;
  const frames = channels[0]?.length ?? 0;
  const ragged = channels.some((channel) => channel.length !== frames);
  if (channels.length === 0 || channels.length > 0xffff || ragged) {
    throw invalid(`need 1 to 65535 channels of equal length, got ${channels.length}`);
  }
  if (!Number.isInteger(sampleRate) || sampleRate < 1 || sampleRate > 0xffffffff) {
    throw invalid(`sample rate ${sampleRate} is not a whole number of hertz`);
  }
  if (float && options.bitDepth !== 32) {
    throw invalid(`float samples are 32-bit, not ${options.bitDepth}-bit`);
  }

  const sampleBytes = options.bitDepth / 8;
  const blockAlign = channels.length * sampleBytes;
  const dataBytes = frames * blockAlign;
  // Non-PCM formats carry cbSize in 'fmt ' and a 'fact' chunk, as the WAVE spec requires.
  const fmtBytes = float ? 18 : 16;
  const extra = options.chunks ?? [];
  let extraBytes = 0;
  for (const chunk of extra) {
    if (chunk.length < 8 || chunk.length % 2 !== 0) throw invalid('an extra chunk must be a whole, even-length RIFF chunk');
    extraBytes += chunk.length;
  }
  const header = 12 + 8 + fmtBytes + (float ? 12 : 0) + extraBytes + 8;
  if (header - 8 + dataBytes + (dataBytes % 2) > 0xffffffff) {
    throw new GlowroomError('unsupported', 'cannot write WAV: the audio is over 4 GiB, which needs RF64');
  }

  const bytes = new Uint8Array(header + dataBytes + (dataBytes % 2));
  const view = new DataView(bytes.buffer);
  let at = 0;
  const id = (text: string): void => {
    for (let i = 0; i < 4; i++) view.setUint8(at + i, text.charCodeAt(i));
    at += 4;
  };
  const u16 = (value: number): void => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number): void => {
    view.setUint32(at, value, true);
    at += 4;
  };

  id('RIFF');
  u32(bytes.length - 8);
  id('WAVE');
  id('fmt ');
  u32(fmtBytes);
  u16(float ? 3 : 1);
  u16(channels.length);
  u32(sampleRate);
  u32(sampleRate * blockAlign);
  u16(blockAlign);
  u16(options.bitDepth);
  if (float) {
    u16(0);
    id('fact');
    u32(4);
    u32(frames);
  }
  for (const chunk of extra) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  id('data');
  u32(dataBytes);

  const kind = float ? 'f32' : options.bitDepth;
  const seed = options.ditherSeed ?? 0;
  const ditherBits = options.ditherSeed !== undefined && (kind === 16 || kind === 24) ? kind : null;
  const codes = ditherBits ? new Int32Array(frames) : null;
  channels.forEach((channel, c) => {
    const first = at + c * sampleBytes;
    if (ditherBits && codes) writeCodes(view, first, blockAlign, quantizeWithTpdf(channel, ditherBits, new TpdfDither(seed + c), codes), ditherBits);
    else writeChannel(view, first, blockAlign, channel, kind);
  });
  return bytes;
}

/** Already-quantized integer codes into interleaved frames. */
function writeCodes(view: DataView, first: number, stride: number, codes: Int32Array, bits: 16 | 24): void {
  let p = first;
  if (bits === 16) {
    for (let i = 0; i < codes.length; i++, p += stride) view.setInt16(p, codes[i] ?? 0, true);
    return;
  }
  for (let i = 0; i < codes.length; i++, p += stride) {
    const v = codes[i] ?? 0;
    view.setUint16(p, v & 0xffff, true);
    view.setInt8(p + 2, v >> 16);
  }
}

function invalid(what: string): GlowroomError {
  return new GlowroomError('invalid-args', `cannot write WAV: ${what}`);
}

/** One channel into interleaved frames; one loop per sample kind because this is the hot path. */
function writeChannel(
  view: DataView,
  first: number,
  stride: number,
  channel: Float32Array,
  kind: 16 | 24 | 32 | 'f32',
): void {
  const frames = channel.length;
  let p = first;
  switch (kind) {
    case 16:
      for (let i = 0; i < frames; i++, p += stride) {
        view.setInt16(p, quantize(channel[i], 2 ** 15), true);
      }
      break;
    case 24:
      for (let i = 0; i < frames; i++, p += stride) {
        const v = quantize(channel[i], 2 ** 23);
        view.setUint16(p, v & 0xffff, true);
        view.setInt8(p + 2, v >> 16);
      }
      break;
    case 32:
      for (let i = 0; i < frames; i++, p += stride) {
        view.setInt32(p, quantize(channel[i], 2 ** 31), true);
      }
      break;
    case 'f32':
      for (let i = 0; i < frames; i++, p += stride) view.setFloat32(p, channel[i] ?? 0, true);
      break;
  }
}

/** Clip, scale and round to an integer code in [-scale, scale - 1]; NaN gives 0. */
function quantize(sample: number | undefined, scale: number): number {
  const x = sample ?? 0;
  const clipped = x > 1 ? 1 : x < -1 ? -1 : x;
  return Math.min(scale - 1, Math.round(clipped * scale)) || 0;
}
