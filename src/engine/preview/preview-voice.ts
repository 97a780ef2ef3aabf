import type { ReadRate, SincInterpolator } from '../../dsp/sinc-interpolator';
import { windowAround, type PooledSample } from '../sample-pool';
import type { VoiceScratch } from '../voice-scratch';

/**
 * The audition channel: plays one pooled sample once from its start at its own volume, whether
 * or not the transport runs, so a producer can hear sounds from the library over the beat.
 */
export class PreviewVoice {
  private sample: PooledSample | null = null;
  private position = 0;
  /** Source frames per output frame, in an object so it reaches the interpolator unboxed. */
  private readonly rate: ReadRate = { step: 1, kernel: null };
  /** Linear level of the channel. */
  gain = 1;

  get sounding(): boolean {
    return this.sample !== null;
  }

  start(sample: PooledSample | null, gain: number, engineRate: number): void {
    this.sample = sample;
    this.position = 0;
    this.rate.step = sample ? sample.sampleRate / engineRate : 1;
    this.gain = gain;
  }

  mixInto(interpolator: SincInterpolator, scratch: VoiceScratch, left: Float32Array, right: Float32Array, frames: number): void {
    const sample = this.sample;
    if (!sample) return;
    if (sample.channelCount === 0) return;
    const { positions } = scratch;
    let count = frames;
    for (let i = 0; i < frames; i++) {
      const position = this.position + i * this.rate.step;
      if (position >= sample.frames) {
        count = i;
        this.sample = null;
        break;
      }
      positions[i] = position;
    }
    const reach = interpolator.reach(this.rate.step) + 1;
    const window = windowAround(sample, positions, 0, count, Math.floor(this.position) - reach, Math.ceil(this.position + frames * this.rate.step) + reach + 1);
    const planeLeft = window.planes[0] as Float32Array;
    const planeRight = window.planes[1] ?? planeLeft;
    interpolator.gatherStereo(planeLeft, planeRight, positions, 0, count, this.rate, scratch.left, scratch.right);
    for (let i = 0; i < count; i++) {
      left[i] = (left[i] as number) + (scratch.left[i] as number) * this.gain;
      right[i] = (right[i] as number) + (scratch.right[i] as number) * this.gain;
    }
    this.position += frames * this.rate.step;
  }
}
