import type { SincInterpolator } from '../../dsp/sinc-interpolator';
import type { EngineClip, EngineWarp, LoopRange, PreviewWarp } from '../../protocol/engine';
import { Clock, type TimeMap } from '../../std/clock';
import { hertz, samples } from '../../std/units';
import type { PanGains } from '../pan-law';
import type { PooledSample } from '../sample-pool';
import type { VoiceScratch } from '../voice-scratch';
import { WarpedVoice } from '../warp/warped-voice';
import { loopUnrolledTime } from './loop-unrolled-time';

/**
 * The audition channel for loops: one pass of the sample warped by the same `WarpedVoice` a
 * warped clip plays through (so a preview sounds as the clip will), placed on the song's clock at
 * the beat it starts on, so it follows the song's tempo map (steps and ramps) as a clip there
 * would. It starts `wait` output frames from the next block (the next beat while the transport
 * plays) and then runs on through the song's time at its own pace: a seek or loop wrap of the
 * transport does not move it. While the transport loops, that time is the loop's tempo again after
 * each wrap (`loopUnrolledTime`), so the beats of the preview stay on the beats the transport plays.
 */
export class WarpedPreview {
  private voice: WarpedVoice | null = null;
  /** The song's timeline frame the voice renders at the next block's first frame; before its start frame while it waits for its beat. */
  private frame = 0;
  /** Both sides at the channel's level: the voice mixes in through pan gains. */
  readonly level: PanGains = { left: 1, right: 1 };

  get sounding(): boolean {
    return this.voice !== null;
  }

  set gain(gain: number) {
    this.level.left = gain;
    this.level.right = gain;
  }

  stop(): void {
    this.voice = null;
  }

  /**
   * Plays `sample` from the song's timeline frame `frame` (heard `wait` output frames from now) on,
   * under the song's `timeline`; `loop` is the transport's loop when it will wrap (else null).
   */
  start(sample: PooledSample, warp: PreviewWarp, timeline: TimeMap, loop: LoopRange | null, frame: number, wait: number, engineRate: number): void {
    const length = ((sample.frames / sample.sampleRate) * warp.sourceTempo) / 60;
    const song = Clock.of(timeline);
    const start = song.beatAtFrame(samples(frame), hertz(engineRate));
    const clock = loop !== null && start < loop.end ? Clock.of(loopUnrolledTime(timeline, loop, start + length)) : song;
    const clip: EngineClip = {
      id: 'preview',
      sampleId: 'preview',
      start,
      length,
      offset: 0,
      gainDb: 0,
      fadeIn: 0,
      fadeOut: 0,
      loop: false,
      reverse: false,
      rate: 1,
      mute: false,
      transpose: warp.transpose,
      detune: 0,
    };
    const engineWarp: EngineWarp = { mode: warp.mode, sourceTempo: warp.sourceTempo, markers: [] };
    const voice = new WarpedVoice(clip, engineWarp, sample, clock, engineRate);
    this.voice = voice;
    this.frame = voice.startFrame - Math.max(0, Math.round(wait));
  }

  mixInto(interpolator: SincInterpolator, scratch: VoiceScratch, left: Float32Array, right: Float32Array, frames: number): void {
    const voice = this.voice;
    if (!voice) return;
    voice.mixInto(interpolator, scratch, left, right, 0, this.frame, frames, this.level);
    this.frame += frames;
    if (this.frame >= voice.endFrame) this.voice = null;
  }
}
