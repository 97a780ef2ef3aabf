import { SincInterpolator } from '../dsp/sinc-interpolator';
import {
  meteredTracks,
  statusSlots,
  trackMeterIndex,
  type EngineCommand,
  type EngineTimeline,
  type EngineTrack,
  type LoopRange,
} from '../protocol/engine';
import { assertNever } from '../std/assert';
import { beats, beatsToSamples, bpm, decibelsToGain, hertz } from '../std/units';
import { ClipVoice } from './clip-voice';
import { LevelMeter } from './level-meter';
import { Metronome } from './metronome';
import { PreviewVoice } from './preview-voice';
import { SamplePool } from './sample-pool';
import { TrackBus } from './track-bus';
import { VoiceScratch } from './voice-scratch';

const defaultTimeline: EngineTimeline = { tempo: 120, beatsPerBar: 4, beatUnit: 4, masterGainDb: 0 };

/**
 * The sound of Glowroom, block by block. Pure TypeScript: the same class runs in the
 * AudioWorkletProcessor for playback and in a Node worker for offline render, and given the same
 * commands and samples both produce the same output, bit for bit.
 *
 * Commands change state between blocks and may allocate; `render` never allocates.
 */
export class Engine {
  private readonly pool = new SamplePool();
  private readonly interpolator = new SincInterpolator();
  private readonly scratch = new VoiceScratch();
  private readonly metronome: Metronome;
  private readonly preview = new PreviewVoice();
  private timeline = defaultTimeline;
  private buses: TrackBus[] = [];
  private masterGain = 1;
  private playing = false;
  private playhead = 0;
  private loop: { start: number; end: number } | null = null;
  private loopBeats: LoopRange | null = null;
  private blocks = 0;
  private readonly meters: readonly [LevelMeter, LevelMeter];

  constructor(readonly sampleRate: number) {
    this.meters = [new LevelMeter(sampleRate), new LevelMeter(sampleRate)];
    this.metronome = new Metronome(sampleRate);
  }

  command(command: EngineCommand): void {
    switch (command.type) {
      case 'add-sample':
        this.pool.add(command.sample);
        this.rebuildVoices((clip) => clip.sampleId === command.sample.sampleId);
        return;
      case 'remove-sample':
        this.pool.remove(command.sampleId);
        this.rebuildVoices((clip) => clip.sampleId === command.sampleId);
        return;
      case 'set-timeline':
        this.timeline = command.timeline;
        this.masterGain = decibelsToGain(command.timeline.masterGainDb);
        this.rebuildVoices(() => true);
        this.placeLoop();
        return;
      case 'set-track':
        this.setTrack(command.track, command.index);
        return;
      case 'remove-track':
        this.buses = this.buses.filter((bus) => bus.track.id !== command.trackId);
        return;
      case 'play':
        this.playing = true;
        this.resetPeakHold();
        return;
      case 'stop':
        this.playing = false;
        return;
      case 'seek':
        this.playhead = Math.max(0, Math.round(command.frame));
        return;
      case 'set-loop':
        this.loopBeats = command.loop;
        this.placeLoop();
        return;
      case 'set-metronome':
        this.metronome.enabled = command.enabled;
        return;
      case 'preview': {
        const sample = command.sampleId === null ? undefined : this.pool.get(command.sampleId);
        this.preview.start(sample ?? null, decibelsToGain(command.gainDb), this.sampleRate);
        return;
      }
      case 'set-preview-gain':
        this.preview.gain = decibelsToGain(command.gainDb);
        return;
      case 'reset-peak-hold':
        this.resetPeakHold();
        return;
      default:
        assertNever(command, 'engine command');
    }
  }

  /** The frame just after the last clip ends: where an offline render of the whole song stops. */
  get endFrame(): number {
    let end = 0;
    for (const bus of this.buses) for (const voice of bus.voices) end = Math.max(end, voice.endFrame);
    return end;
  }

  get playheadFrame(): number {
    return this.playhead;
  }

  /** Renders `frames` (≤ 128) frames into `left`/`right` (overwritten) and advances the transport. */
  render(left: Float32Array, right: Float32Array, frames: number): void {
    const buses = this.buses;
    for (let b = 0; b < buses.length; b++) buses[b]?.clear();
    const click = this.metronome.buffer;
    click.fill(0);
    const soloing = this.anySolo();
    if (this.playing) this.renderTransport(frames, soloing);

    left.fill(0, 0, frames);
    right.fill(0, 0, frames);
    for (let b = 0; b < buses.length; b++) {
      const bus = buses[b];
      if (!bus) continue;
      bus.meter(frames);
      if (!bus.audible(soloing)) continue;
      for (let i = 0; i < frames; i++) {
        left[i] = (left[i] ?? 0) + (bus.left[i] ?? 0);
        right[i] = (right[i] ?? 0) + (bus.right[i] ?? 0);
      }
    }
    const gain = this.masterGain;
    for (let i = 0; i < frames; i++) {
      left[i] = (left[i] ?? 0) * gain + (click[i] ?? 0);
      right[i] = (right[i] ?? 0) * gain + (click[i] ?? 0);
    }
    this.preview.mixInto(this.interpolator, this.scratch, left, right, frames);
    this.meters[0].measure(left, frames);
    this.meters[1].measure(right, frames);
    this.blocks++;
  }

  /** Writes transport and meter state into the shared status layout (the host adds DSP load). */
  writeStatus(status: Float64Array): void {
    status[statusSlots.playheadFrame] = this.playhead;
    status[statusSlots.playing] = this.playing ? 1 : 0;
    status[statusSlots.peakLeft] = this.meters[0].peak;
    status[statusSlots.peakRight] = this.meters[1].peak;
    status[statusSlots.rmsLeft] = this.meters[0].rms;
    status[statusSlots.rmsRight] = this.meters[1].rms;
    status[statusSlots.blocksRendered] = this.blocks;
    status[statusSlots.peakHoldLeft] = this.meters[0].held;
    status[statusSlots.peakHoldRight] = this.meters[1].held;
    status[statusSlots.previewing] = this.preview.sounding ? 1 : 0;
    const count = Math.min(this.buses.length, meteredTracks);
    for (let t = 0; t < count; t++) {
      const bus = this.buses[t];
      if (!bus) continue;
      status[trackMeterIndex(t, 'peakLeft')] = bus.meters[0].peak;
      status[trackMeterIndex(t, 'peakRight')] = bus.meters[1].peak;
      status[trackMeterIndex(t, 'rmsLeft')] = bus.meters[0].rms;
      status[trackMeterIndex(t, 'rmsRight')] = bus.meters[1].rms;
    }
  }

  /** Renders the timeline in segments, wrapping at the loop end on the exact frame. */
  private renderTransport(frames: number, soloing: boolean): void {
    let at = 0;
    while (at < frames) {
      const loop = this.loop;
      const inLoop = loop !== null && this.playhead < loop.end;
      const count = inLoop ? Math.min(frames - at, loop.end - this.playhead) : frames - at;
      for (let b = 0; b < this.buses.length; b++) {
        const bus = this.buses[b];
        if (bus?.audible(soloing)) bus.render(this.interpolator, this.scratch, at, this.playhead, count);
      }
      if (this.metronome.enabled) this.metronome.render(at, this.playhead, count, this.timeline);
      this.playhead += count;
      at += count;
      if (inLoop && this.playhead >= loop.end) this.playhead = loop.start;
    }
  }

  private setTrack(track: EngineTrack, index: number): void {
    const existing = this.buses.findIndex((bus) => bus.track.id === track.id);
    const bus = existing >= 0 ? this.buses.splice(existing, 1)[0] : undefined;
    const target = bus ?? new TrackBus(track, this.sampleRate);
    target.setTrack(track);
    target.voices = this.voicesOf(track);
    this.buses.splice(Math.max(0, Math.min(index, this.buses.length)), 0, target);
  }

  private rebuildVoices(affects: (clip: EngineTrack['clips'][number]) => boolean): void {
    for (const bus of this.buses) {
      if (bus.track.clips.some(affects)) bus.voices = this.voicesOf(bus.track);
    }
  }

  /** Voices for the clips whose samples are in the pool; the others stay silent until they arrive. */
  private voicesOf(track: EngineTrack): ClipVoice[] {
    const voices: ClipVoice[] = [];
    for (const clip of track.clips) {
      const sample = this.pool.get(clip.sampleId);
      if (sample) voices.push(new ClipVoice(clip, sample, this.timeline.tempo, this.sampleRate));
    }
    return voices;
  }

  private placeLoop(): void {
    const range = this.loopBeats;
    if (!range || range.end <= range.start) {
      this.loop = null;
      return;
    }
    const { tempo } = this.timeline;
    const rate = hertz(this.sampleRate);
    this.loop = {
      start: beatsToSamples(beats(range.start), bpm(tempo), rate),
      end: beatsToSamples(beats(range.end), bpm(tempo), rate),
    };
  }

  private anySolo(): boolean {
    for (let b = 0; b < this.buses.length; b++) if (this.buses[b]?.track.solo) return true;
    return false;
  }

  private resetPeakHold(): void {
    this.meters[0].resetHold();
    this.meters[1].resetHold();
  }
}
