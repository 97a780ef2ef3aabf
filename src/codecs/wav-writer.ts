import { quantizeWithTpdf, TpdfDither } from '../dsp/dither';
import { StereoTpdfQuantizer } from '../dsp/wasm/tpdf-stereo';
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
  const frames = channels[0]?.length ?? 0;
  if (channels.some((channel) => channel.length !== frames)) throw invalid(`need 1 to 65535 channels of equal length, got ${channels.length}`);
  const header = wavHeader(sampleRate, channels.length, frames, options);
  const dataBytes = frames * channels.length * (options.bitDepth / 8);
  const bytes = new Uint8Array(header.length + dataBytes + (dataBytes % 2));
  bytes.set(header);
  new WavFrameWriter(channels.length, options).write(channels, frames, bytes.subarray(header.length));
  return bytes;
}

/**
 * The bytes of a WAV file of `frames` frames before its samples: RIFF header, format chunks,
 * `options.chunks` and the `data` chunk's header. The samples (`WavFrameWriter`) follow, then one
 * pad byte when their size is odd.
 */
export function wavHeader(sampleRate: number, channelCount: number, frames: number, options: WavEncodeOptions): Uint8Array {
  const float = options.float === true;
  if (channelCount === 0 || channelCount > 0xffff) throw invalid(`need 1 to 65535 channels of equal length, got ${channelCount}`);
  if (!Number.isInteger(sampleRate) || sampleRate < 1 || sampleRate > 0xffffffff) {
    throw invalid(`sample rate ${sampleRate} is not a whole number of hertz`);
  }
  if (float && options.bitDepth !== 32) {
    throw invalid(`float samples are 32-bit, not ${options.bitDepth}-bit`);
  }

  const sampleBytes = options.bitDepth / 8;
  const blockAlign = channelCount * sampleBytes;
  const dataBytes = frames * blockAlign;
  // Non-PCM formats carry cbSize in 'fmt ' and a 'fact' chunk, as the WAVE spec requires.
  const fmtBytes = float ? 18 : 16;
  const extra = options.chunks ?? [];
  let extraBytes = 0;
  for (const chunk of extra) {
    if (chunk.length < 8 || chunk.length % 2 !== 0) throw invalid('an extra chunk must be a whole, even-length RIFF chunk');
    extraBytes += chunk.length;
  }
  const headerBytes = 12 + 8 + fmtBytes + (float ? 12 : 0) + extraBytes + 8;
  if (headerBytes - 8 + dataBytes + (dataBytes % 2) > 0xffffffff) {
    throw new GlowroomError('unsupported', 'cannot write WAV: the audio is over 4 GiB, which needs RF64');
  }

  const bytes = new Uint8Array(headerBytes);
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
  u32(headerBytes + dataBytes + (dataBytes % 2) - 8);
  id('WAVE');
  id('fmt ');
  u32(fmtBytes);
  u16(float ? 3 : 1);
  u16(channelCount);
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
  return bytes;
}

/**
 * Turns planes into a WAV file's interleaved sample bytes, a run of frames at a time: the dither
 * (one generator per channel, seed + c) carries on from one call to the next, so a file written
 * in pieces has the same bytes as one written whole.
 */
export class WavFrameWriter {
  readonly frameBytes: number;
  private readonly kind: 16 | 24 | 32 | 'f32';
  private readonly dithers: TpdfDither[] | null;
  /** Stereo dithered: both channels' codes in one WebAssembly pass (the same codes as one `TpdfDither` per channel); `dithers` is then null. */
  private readonly stereo: StereoTpdfQuantizer | null;
  private codes = new Int32Array(0);
  private codesRight = new Int32Array(0);

  constructor(
    readonly channelCount: number,
    options: WavEncodeOptions,
  ) {
    this.kind = options.float === true ? 'f32' : options.bitDepth;
    this.frameBytes = channelCount * (options.bitDepth / 8);
    const seed = options.ditherSeed;
    const kind = this.kind;
    const dithered = seed !== undefined && (kind === 16 || kind === 24);
    this.stereo = dithered && channelCount === 2 ? new StereoTpdfQuantizer(kind, seed) : null;
    this.dithers = dithered && this.stereo === null ? Array.from({ length: channelCount }, (_, c) => new TpdfDither(seed + c)) : null;
  }

  /**
   * Writes frames [0, frames) of `channels` into `out` from 0 (frames × frameBytes bytes). With
   * `heard`, also writes there each sample as a reader decodes it from the file (integer code ÷
   * full scale; float samples as they are).
   */
  write(channels: readonly Float32Array[], frames: number, out: Uint8Array, heard?: readonly Float32Array[]): void {
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    const stride = this.frameBytes;
    const sampleBytes = stride / this.channelCount;
    const kind = this.kind;
    const stereo = this.stereo;
    if (stereo && (kind === 16 || kind === 24)) {
      if (this.codes.length < frames) {
        this.codes = new Int32Array(frames);
        this.codesRight = new Int32Array(frames);
      }
      stereo.quantize(channels[0] as Float32Array, channels[1] as Float32Array, frames, this.codes, this.codesRight);
      writeCodes(view, 0, stride, this.codes, frames, kind);
      writeCodes(view, sampleBytes, stride, this.codesRight, frames, kind);
      if (heard) {
        decodeCodes(this.codes, frames, kind, heard[0] as Float32Array);
        decodeCodes(this.codesRight, frames, kind, heard[1] as Float32Array);
      }
      return;
    }
    for (let c = 0; c < this.channelCount; c++) {
      const channel = (channels[c] as Float32Array).subarray(0, frames);
      const dither = this.dithers?.[c];
      if (dither && (kind === 16 || kind === 24)) {
        if (this.codes.length < frames) this.codes = new Int32Array(frames);
        const codes = quantizeWithTpdf(channel, kind, dither, this.codes);
        writeCodes(view, c * sampleBytes, stride, codes, frames, kind);
        if (heard) decodeCodes(codes, frames, kind, heard[c] as Float32Array);
      } else {
        writeChannel(view, c * sampleBytes, stride, channel, kind);
        if (heard) decodeChannel(channel, kind, heard[c] as Float32Array);
      }
    }
  }
}

/** What a reader gets back from integer codes: code ÷ 2^(bits − 1). */
function decodeCodes(codes: Int32Array, frames: number, bits: 16 | 24, out: Float32Array): void {
  const scale = bits === 16 ? 32768 : 8388608;
  for (let i = 0; i < frames; i++) out[i] = (codes[i] as number) / scale;
}

/** What a reader gets back from undithered samples: as `writeChannel` stores them. */
function decodeChannel(channel: Float32Array, kind: 16 | 24 | 32 | 'f32', out: Float32Array): void {
  if (kind === 'f32') {
    out.set(channel);
    return;
  }
  const scale = 2 ** (kind - 1);
  for (let i = 0; i < channel.length; i++) out[i] = quantize(channel[i], scale) / scale;
}

/** Already-quantized integer codes into interleaved frames. */
function writeCodes(view: DataView, first: number, stride: number, codes: Int32Array, frames: number, bits: 16 | 24): void {
  let p = first;
  if (bits === 16) {
    for (let i = 0; i < frames; i++, p += stride) view.setInt16(p, codes[i] ?? 0, true);
    return;
  }
  for (let i = 0; i < frames; i++, p += stride) {
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
