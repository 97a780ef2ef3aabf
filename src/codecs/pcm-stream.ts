import type { DecodedAudio } from './decoded-audio';

/**
 * A decode that hands its PCM over a chunk at a time instead of returning it whole, so a reader
 * that keeps the audio elsewhere (an offline render spilling it to disk) never holds the whole
 * file decoded. The FLAC, MP3 and Ogg Vorbis decoders stream; their whole-file forms collect the
 * very same chunks, so both give the same samples, bit for bit.
 */

/** Where a streaming decode puts its PCM, in order. */
export interface PcmSink {
  /** Frames [0, frames) of `planes` (one plane per channel) follow what was written before. The planes are valid only during the call. */
  write(planes: readonly Float32Array[], frames: number): void;
}

/** What a streamed decode found. Only the first `frames` frames written are the sound; a decoder may write a few more that it trims off at the end. */
export type StreamedAudio = Omit<DecodedAudio, 'channels'> & {
  readonly channelCount: number;
  readonly frames: number;
};

/** Runs a streaming decode and returns its output whole, as the whole-file decoders do. */
export async function collectPcm(decode: (sink: PcmSink) => Promise<StreamedAudio>): Promise<DecodedAudio> {
  const chunks: Float32Array[][] = [];
  let written = 0;
  const audio = await decode({
    write(planes, frames) {
      chunks.push(planes.map((plane) => plane.slice(0, frames)));
      written += frames;
    },
  });
  const frames = Math.min(audio.frames, written);
  const channels = Array.from({ length: audio.channelCount }, (_, c) => {
    if (chunks.length === 1 && chunks[0]?.[c]?.length === frames) return chunks[0][c] as Float32Array;
    const plane = new Float32Array(frames);
    let at = 0;
    for (const chunk of chunks) {
      if (at >= frames) break;
      const part = chunk[c] as Float32Array;
      plane.set(part.subarray(0, Math.min(part.length, frames - at)), at);
      at += part.length;
    }
    return plane;
  });
  const { channelCount: _count, frames: _frames, ...rest } = audio;
  return { ...rest, channels };
}

/**
 * Planes one thread reuses from decode to decode, grown to the longest sound so far: a library
 * import decodes thousands of files, and new planes for each (collected chunk by chunk, then
 * joined) kept its garbage collector busy a quarter of the time. One decode at a time.
 */
export class PcmBuffers {
  private planes: Float32Array[] = [];

  /** Runs a streaming decode into these planes: its channels are views of them, valid until the next decode into them. */
  async collect(decode: (sink: PcmSink) => Promise<StreamedAudio>): Promise<DecodedAudio> {
    let written = 0;
    const audio = await decode({
      write: (planes, frames) => {
        this.reserve(planes.length, written + frames, written);
        planes.forEach((plane, c) => (this.planes[c] as Float32Array).set(plane.subarray(0, frames), written));
        written += frames;
      },
    });
    const frames = Math.min(audio.frames, written);
    this.reserve(audio.channelCount, frames, written);
    const channels = this.planes.slice(0, audio.channelCount).map((plane) => plane.subarray(0, frames));
    const { channelCount: _count, frames: _frames, ...rest } = audio;
    return { ...rest, channels };
  }

  /** At least `channels` planes of `frames`, keeping the first `kept` frames of each. */
  private reserve(channels: number, frames: number, kept: number): void {
    for (let c = 0; c < channels; c++) {
      const plane = this.planes[c];
      if (plane && plane.length >= frames) continue;
      const grown = new Float32Array(Math.max(frames, 2 * (plane?.length ?? 0)));
      if (plane) grown.set(plane.subarray(0, kept));
      this.planes[c] = grown;
    }
  }
}

/** Hands a whole decode to `sink` (formats read whole: WAV, AIFF). */
export function streamWhole(audio: DecodedAudio, sink: PcmSink): StreamedAudio {
  const frames = audio.channels[0]?.length ?? 0;
  sink.write(audio.channels, frames);
  const { channels, ...rest } = audio;
  return { ...rest, channelCount: channels.length, frames };
}

/** The largest magnitude in frames [from, to) of `planes` (NaN once a sample is NaN, as Math.max has it). */
export function peakOf(planes: readonly Float32Array[], from: number, to: number, peak = 0): number {
  for (const plane of planes) for (let i = from; i < to; i++) peak = Math.max(peak, Math.abs(plane[i] as number));
  return peak;
}

/** Where the interleaved frames of an uncompressed file lie, for reading them from disk a block at a time. */
export interface SampleLayout {
  /** Hertz. */
  readonly sampleRate: number;
  readonly channelCount: number;
  /** Byte offset of the first frame in the file. */
  readonly dataStart: number;
  readonly frames: number;
  /** Bytes per frame (all channels). */
  readonly frameBytes: number;
  /** 'float': the values still need the decoders' damage rule for float files (decode.ts). */
  readonly encoding: 'pcm' | 'float';
  /** True when every frame is two 24-bit little-endian integers, left then right (a stereo 24-bit WAV): frames a `Pcm24Placer` reads as they are. */
  readonly stereo24le?: boolean;
  /** Channel `channel` of `frames` frames in `bytes` (the first frame at byte 0) into `out` from index `at`, scaled as the decoder scales it. */
  readInto(bytes: Uint8Array, channel: number, frames: number, out: Float32Array, at: number): void;
}
