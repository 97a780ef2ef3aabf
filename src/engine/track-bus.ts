import type { SincInterpolator } from '../dsp/sinc-interpolator';
import { blockFrames, type EngineTrack } from '../protocol/engine';
import { decibelsToGain } from '../std/units';
import type { ClipVoice } from './clip-voice';
import { LevelMeter } from './level-meter';
import { monoPan, stereoBalance, type PanGains } from './pan-law';
import type { VoiceScratch } from './voice-scratch';

/**
 * One track's block: its clips mixed with track gain and pan into its own stereo buffer, metered
 * post-fader, then summed into the master by the engine. Buffers are allocated once per track.
 */
export class TrackBus {
  readonly left = new Float32Array(blockFrames);
  readonly right = new Float32Array(blockFrames);
  readonly meters: readonly [LevelMeter, LevelMeter];
  voices: readonly ClipVoice[] = [];
  private readonly mono: PanGains = { left: 1, right: 1 };
  private readonly stereo: PanGains = { left: 1, right: 1 };

  constructor(
    public track: EngineTrack,
    sampleRate: number,
  ) {
    this.meters = [new LevelMeter(sampleRate), new LevelMeter(sampleRate)];
    this.setTrack(track);
  }

  setTrack(track: EngineTrack): void {
    this.track = track;
    const gain = decibelsToGain(track.gainDb);
    monoPan(track.pan, this.mono);
    stereoBalance(track.pan, this.stereo);
    this.mono.left *= gain;
    this.mono.right *= gain;
    this.stereo.left *= gain;
    this.stereo.right *= gain;
  }

  /** Muted tracks are silent, and while any track is soloed only soloed tracks sound. */
  audible(soloing: boolean): boolean {
    return !this.track.mute && (!soloing || this.track.solo);
  }

  clear(): void {
    this.left.fill(0);
    this.right.fill(0);
  }

  /** Mixes the clips that are not muted for timeline frames [frame, frame + count) into the buffer at `at`. */
  render(interpolator: SincInterpolator, scratch: VoiceScratch, at: number, frame: number, count: number): void {
    const voices = this.voices;
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v];
      if (!voice || voice.clip.mute) continue;
      voice.mixInto(interpolator, scratch, this.left, this.right, at, frame, count, voice.channelCount === 1 ? this.mono : this.stereo);
    }
  }

  meter(frames: number): void {
    this.meters[0].measure(this.left, frames);
    this.meters[1].measure(this.right, frames);
  }
}
