/**
 * Plays one sample from the pool into a stereo block, starting at a timeline frame. Mono sources
 * feed both channels; sources with more than two channels play their first two.
 *
 * A source recorded at another rate is read at rate sourceRate / outputRate with linear
 * interpolation, so pitch and length are right. The band-limited resampler of `src/dsp` replaces
 * this reader when it lands (engine issue); until then high frequencies alias slightly.
 */
export interface PooledSample {
  readonly sampleRate: number;
  readonly frames: number;
  readonly planes: readonly Float32Array[];
}

export class SampleVoice {
  constructor(
    private readonly sample: PooledSample,
    private readonly outputRate: number,
  ) {}

  /** Output frames the voice lasts on the timeline. */
  get lengthFrames(): number {
    return Math.ceil((this.sample.frames * this.outputRate) / this.sample.sampleRate);
  }

  /**
   * Adds the voice into `left`/`right` for output frames [blockStart, blockStart + frames),
   * where the voice itself starts at timeline frame 0.
   */
  mixInto(left: Float32Array, right: Float32Array, blockStart: number, frames: number): void {
    const { planes, frames: sourceFrames } = this.sample;
    const first = planes[0];
    if (!first) return;
    const second = planes[1] ?? first;
    const step = this.sample.sampleRate / this.outputRate;
    for (let i = 0; i < frames; i++) {
      const position = (blockStart + i) * step;
      const index = Math.floor(position);
      if (index >= sourceFrames) return;
      const fraction = position - index;
      const next = index + 1 < sourceFrames ? index + 1 : index;
      const l0 = first[index] ?? 0;
      const r0 = second[index] ?? 0;
      left[i] = (left[i] ?? 0) + l0 + ((first[next] ?? 0) - l0) * fraction;
      right[i] = (right[i] ?? 0) + r0 + ((second[next] ?? 0) - r0) * fraction;
    }
  }
}
