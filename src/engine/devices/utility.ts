import { exp10InPlace } from '../../std/det-math';
import { paramIndices, type DeviceProcessor, type ParamView } from './device-processor';

const p = paramIndices('utility');

/**
 * Utility: gain, balance, stereo width (mid/side: 0 % mono, 100 % as is, 200 % twice the side),
 * mono and polarity per channel. Every factor is computed for the block's start and end values
 * and interpolated per frame, so knob moves and switches glide instead of clicking.
 */
export class Utility implements DeviceProcessor {
  readonly latencyFrames = 0;
  /** Left gain, right gain and side scale at the block's start [0–2] and end [3–5]. */
  private readonly factors = new Float64Array(6);

  process(left: Float32Array, right: Float32Array, params: ParamView, frames: number): void {
    const f = this.factors;
    for (let edge = 0; edge < 2; edge++) {
      const values = edge === 0 ? params.start : params.end;
      const at = params.base;
      f[edge * 3] = (values[at + p.gainDb] as number) / 20;
      exp10InPlace(f, edge * 3, edge * 3 + 1);
      const gain = f[edge * 3] as number;
      const pan = values[at + p.pan] as number;
      f[edge * 3] = gain * (pan > 0 ? 1 - pan : 1) * (1 - 2 * (values[at + p.invertLeft] as number));
      f[edge * 3 + 1] = gain * (pan < 0 ? 1 + pan : 1) * (1 - 2 * (values[at + p.invertRight] as number));
      f[edge * 3 + 2] = ((values[at + p.width] as number) / 100) * (1 - (values[at + p.mono] as number));
    }
    const inverse = frames > 0 ? 1 / frames : 0;
    for (let i = 0; i < frames; i++) {
      const t = (i + 1) * inverse;
      const l = left[i] as number;
      const r = right[i] as number;
      const mid = (l + r) * 0.5;
      const side = (l - r) * 0.5 * ((f[2] as number) + ((f[5] as number) - (f[2] as number)) * t);
      left[i] = (mid + side) * ((f[0] as number) + ((f[3] as number) - (f[0] as number)) * t);
      right[i] = (mid - side) * ((f[1] as number) + ((f[4] as number) - (f[1] as number)) * t);
    }
  }

  /** A utility never reduces. */
  readonly gainReductionDb = new Float64Array(1);

  reset(): void {}
}
