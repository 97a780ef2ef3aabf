import type { SincInterpolator } from '../../dsp/sinc-interpolator';
import { blockFrames } from '../../protocol/engine';
import { ClipVoice } from '../clip-voice';
import { panGains, panSlots, type PanGains } from '../pan-law';
import type { ParamTable } from '../params/param-table';
import type { VoiceScratch } from '../voice-scratch';
import type { WarpedVoice } from '../warp/warped-voice';

const unity: PanGains = { left: 1, right: 0 };
const stereoUnity: PanGains = { left: 1, right: 1 };

/**
 * A track's clips, rendered and placed in the stereo field: the channel's input. Mono sources are
 * summed apart from stereo ones so the track's pan can use each one's law (constant power for
 * mono, balance for stereo, docs/project-format.md) with a pan that glides per frame.
 */
export class TrackContent {
  voices: readonly (ClipVoice | WarpedVoice)[] = [];
  /** The mono sum (constant-power-panned): mono clips and mono live input add here. */
  readonly mono = new Float32Array(blockFrames);
  /**
   * True while nothing has added into `mono` since it was last cleared: it holds +0 everywhere,
   * and its pan term (+0 · a gain ≥ 0 = +0) is only an added +0 (see `pan`).
   */
  monoSilent = true;
  private readonly monoSpare = new Float32Array(blockFrames);
  /** The stereo sum (balance-panned): stereo clips and the track's instrument add here. */
  readonly stereoLeft = new Float32Array(blockFrames);
  readonly stereoRight = new Float32Array(blockFrames);
  /** Pan gains laid out as `panSlots`, for the pan they hold; NaN makes the first block compute them. */
  readonly gains = Float64Array.of(1, 1, 1, 1, Number.NaN);

  /**
   * The one clip sounding in this block when it was left for the strip to place (`ClipVoice.place`)
   * instead of being mixed into the sums, which then still hold zeros; null otherwise. The strip
   * places it, or has it mixed (`mixDirect`) before it reads the sums.
   */
  direct: ClipVoice | null = null;
  /** Its block: timeline frames [directFrame, directFrame + directCount). */
  directFrame = 0;
  directCount = 0;
  /** True once something other than the clips (an instrument, live input) added into the stereo sums since they were cleared. */
  fed = false;

  clear(): void {
    if (!this.monoSilent) this.mono.fill(0);
    this.monoSilent = true;
    this.fed = false;
    this.direct = null;
    this.stereoLeft.fill(0);
    this.stereoRight.fill(0);
  }

  /**
   * Mixes the clips that are not muted for timeline frames [frame, frame + count) at `at`. When
   * only one clip sounds, the sums hold nothing else and it can be placed (`ClipVoice.placeable`),
   * it is left as `direct` instead.
   */
  render(interpolator: SincInterpolator, scratch: VoiceScratch, at: number, frame: number, count: number): void {
    const voices = this.voices;
    if (at === 0 && !this.fed && this.monoSilent) {
      const only = this.onlyVoice(frame, count);
      if (only instanceof ClipVoice && only.placeable(frame, count)) {
        this.direct = only;
        this.directFrame = frame;
        this.directCount = count;
        return;
      }
    }
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v];
      if (!voice || voice.clip.mute) continue;
      if (voice.channelCount === 1) {
        this.monoSilent = false;
        voice.mixInto(interpolator, scratch, this.mono, this.monoSpare, at, frame, count, unity);
      } else voice.mixInto(interpolator, scratch, this.stereoLeft, this.stereoRight, at, frame, count, stereoUnity);
    }
  }

  /** Mixes `direct` into the stereo sums, as `render` would have, for a strip that reads them. */
  mixDirect(): void {
    const direct = this.direct;
    if (direct === null) return;
    this.direct = null;
    direct.mixPlaceable(this.stereoLeft, this.stereoRight, this.directFrame, this.directCount);
  }

  /** The one voice not muted that sounds in timeline frames [frame, frame + count), or null when none or several do. */
  private onlyVoice(frame: number, count: number): ClipVoice | WarpedVoice | null {
    let only: ClipVoice | WarpedVoice | null = null;
    const voices = this.voices;
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v] as ClipVoice | WarpedVoice;
      if (voice.clip.mute || voice.startFrame >= frame + count || voice.endFrame <= frame) continue;
      if (only !== null) return null;
      only = voice;
    }
    return only;
  }

  /**
   * Adds live input (monitoring) for frames [at, at + count) of the host's block into the sums:
   * one channel into the mono sum, two into the stereo sum. A missing channel adds nothing.
   */
  monitor(left: Float32Array | null, right: Float32Array | null, at: number, count: number): void {
    if (!left) return;
    if (!right) {
      this.monoSilent = false;
      this.fed = true;
      const mono = this.mono;
      for (let i = 0; i < count; i++) mono[i] = (mono[i] as number) + (left[at + i] ?? 0);
      return;
    }
    const { stereoLeft, stereoRight } = this;
    this.fed = true;
    for (let i = 0; i < count; i++) {
      stereoLeft[i] = (stereoLeft[i] as number) + (left[at + i] ?? 0);
      stereoRight[i] = (stereoRight[i] as number) + (right[at + i] ?? 0);
    }
  }

  /**
   * Whether the pan (slot `pan` of the table) holds still over the block; if so, `gains` hold its
   * gains, and the panned sum at frame i is `mono[i] · monoLeft + stereoLeft[i] · stereoLeft` and
   * the same on the right (as `pan` writes it, and as a channel strip reads it without the copy).
   */
  holdsPan(params: ParamTable, pan: number, frames: number): boolean {
    const gains = this.gains;
    const to = params.end[pan] as number;
    if (((to - (params.start[pan] as number)) / frames) !== 0) return false;
    if (to !== gains[panSlots.pan]) {
      gains[panSlots.pan] = to;
      panGains(gains);
    }
    return true;
  }

  /**
   * Writes the panned sum into `left`/`right` [0, frames), the pan (slot `pan` of the table)
   * moving from the block's start value to its end value.
   */
  pan(left: Float32Array, right: Float32Array, params: ParamTable, pan: number, frames: number): void {
    const { mono, stereoLeft, stereoRight, gains } = this;
    if (this.holdsPan(params, pan, frames)) {
      // A pan that holds still: its gains once, then a plain loop.
      const monoLeft = gains[panSlots.monoLeft] as number;
      const monoRight = gains[panSlots.monoRight] as number;
      const sideLeft = gains[panSlots.stereoLeft] as number;
      const sideRight = gains[panSlots.stereoRight] as number;
      if (this.monoSilent) {
        // The mono term is +0: adding +0 is what it does (it turns a −0 into +0, nothing else).
        for (let i = 0; i < frames; i++) {
          left[i] = (stereoLeft[i] as number) * sideLeft + 0;
          right[i] = (stereoRight[i] as number) * sideRight + 0;
        }
        return;
      }
      for (let i = 0; i < frames; i++) {
        const m = mono[i] as number;
        left[i] = m * monoLeft + (stereoLeft[i] as number) * sideLeft;
        right[i] = m * monoRight + (stereoRight[i] as number) * sideRight;
      }
      return;
    }
    const from = params.start[pan] as number;
    const step = ((params.end[pan] as number) - from) / frames;
    for (let i = 0; i < frames; i++) {
      const value = from + step * (i + 1);
      if (value !== gains[panSlots.pan]) {
        gains[panSlots.pan] = value;
        panGains(gains);
      }
      const m = mono[i] as number;
      left[i] = m * (gains[panSlots.monoLeft] as number) + (stereoLeft[i] as number) * (gains[panSlots.stereoLeft] as number);
      right[i] = m * (gains[panSlots.monoRight] as number) + (stereoRight[i] as number) * (gains[panSlots.stereoRight] as number);
    }
  }
}
