import { LoudnessMeter, type LoudnessResult } from '../../../src/analysis/loudness/loudness-meter';
import { streamMp3 } from '../../../src/codecs/mp3';
import type { PcmSink } from '../../../src/codecs/pcm-stream';
import { GlowroomError } from '../../../src/std/errors';

/**
 * Frames held back from the meter while the MP3 decodes: the decoder may write a few frames
 * past the sound (the encoder's end padding, under two MP3 frames) that it trims only when it
 * ends, so the meter takes a chunk once this much has followed it.
 */
const HOLD_FRAMES = 16_384;

/**
 * The loudness of a written MP3 as a listener's decoder reads it, measured while it decodes a
 * chunk at a time (the same decoder and samples as decodeWritten, never the whole file as PCM):
 * the export's figures for a lossy file without holding its decoded audio.
 */
export async function measureWrittenMp3(bytes: Uint8Array, sampleRate: number): Promise<LoudnessResult> {
  let meter: LoudnessMeter | null = null;
  const held: Float32Array[][] = [];
  let heldFrames = 0;
  let measured = 0;
  const measure = (planes: readonly Float32Array[], frames: number) => {
    meter ??= new LoudnessMeter(sampleRate, planes.length);
    meter.push(planes, frames);
    measured += frames;
  };
  const sink: PcmSink = {
    write(planes, frames) {
      held.push(planes.map((plane) => plane.slice(0, frames)));
      heldFrames += frames;
      while (held.length > 1 && heldFrames - ((held[0] as Float32Array[])[0] as Float32Array).length >= HOLD_FRAMES) {
        const oldest = held.shift() as Float32Array[];
        const length = (oldest[0] as Float32Array).length;
        heldFrames -= length;
        measure(oldest, length);
      }
    },
  };
  const audio = await streamMp3(bytes, 'export', sink);
  if (audio.frames < measured) throw new GlowroomError('internal', `the MP3 decoder trimmed ${measured - audio.frames} frames it had already handed over`);
  for (const planes of held) {
    const frames = Math.min((planes[0] as Float32Array).length, audio.frames - measured);
    if (frames > 0) measure(planes, frames);
  }
  return (meter ?? new LoudnessMeter(sampleRate, audio.channelCount)).result();
}
