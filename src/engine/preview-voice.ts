import type { SincInterpolator } from '../dsp/sinc-interpolator';
import type { PooledSample } from './sample-pool';

/**
 * The audition channel: plays one pooled sample once from its start at its own volume, whether
 * or not the transport runs, so a producer can hear sounds from the library over the beat.
 */
export class PreviewVoice {
  private sample: PooledSample | null = null;
  private position = 0;
  private step = 1;
  /** Linear level of the channel. */
  gain = 1;

  get sounding(): boolean {
    return this.sample !== null;
  }

  start(sample: PooledSample | null, gain: number, engineRate: number): void {
    this.sample = sample;
    this.position = 0;
    this.step = sample ? sample.sampleRate / engineRate : 1;
    this.gain = gain;
  }

  mixInto(interpolator: SincInterpolator, left: Float32Array, right: Float32Array, frames: number): void {
    const sample = this.sample;
    if (!sample) return;
    const planeLeft = sample.planes[0];
    if (!planeLeft) return;
    const planeRight = sample.planes[1] ?? planeLeft;
    for (let i = 0; i < frames; i++) {
      const position = this.position + i * this.step;
      if (position >= sample.frames) {
        this.sample = null;
        return;
      }
      left[i] = (left[i] ?? 0) + interpolator.valueAt(planeLeft, position, this.step) * this.gain;
      right[i] = (right[i] ?? 0) + interpolator.valueAt(planeRight, position, this.step) * this.gain;
    }
    this.position += frames * this.step;
  }
}
