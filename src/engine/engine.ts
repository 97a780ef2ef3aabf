import type { EngineCommand, SharedSample } from '../protocol/engine';
import { statusSlots } from '../protocol/engine';
import { assertNever } from '../std/assert';
import { LevelMeter } from './level-meter';
import { SampleVoice, type PooledSample } from './sample-voice';

/**
 * The sound of Glowroom, block by block. Pure TypeScript: the same class runs in the
 * AudioWorkletProcessor for playback and in Node for offline render, so both give the same
 * samples. Commands change state between blocks; `render` never allocates.
 */
export class Engine {
  private readonly pool = new Map<string, PooledSample>();
  private cued: SampleVoice | null = null;
  private cuedId: string | null = null;
  private playing = false;
  private playhead = 0;
  private blocks = 0;
  private readonly meters: readonly [LevelMeter, LevelMeter];

  constructor(readonly sampleRate: number) {
    this.meters = [new LevelMeter(sampleRate), new LevelMeter(sampleRate)];
  }

  command(command: EngineCommand): void {
    switch (command.type) {
      case 'add-sample':
        this.pool.set(command.sample.sampleId, poolSample(command.sample));
        if (this.cuedId === command.sample.sampleId) this.cue(this.cuedId);
        return;
      case 'remove-sample':
        this.pool.delete(command.sampleId);
        if (this.cuedId === command.sampleId) this.cued = null;
        return;
      case 'cue':
        this.cue(command.sampleId);
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
      case 'reset-peak-hold':
        this.resetPeakHold();
        return;
      default:
        assertNever(command, 'engine command');
    }
  }

  /** Renders one block into `left`/`right` (overwritten) and advances the transport. */
  render(left: Float32Array, right: Float32Array, frames: number): void {
    left.fill(0, 0, frames);
    right.fill(0, 0, frames);
    if (this.playing) {
      this.cued?.mixInto(left, right, this.playhead, frames);
      this.playhead += frames;
    }
    this.meters[0].measure(left, frames);
    this.meters[1].measure(right, frames);
    this.blocks++;
  }

  /** Writes transport and meter state into the shared status layout. */
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
  }

  private resetPeakHold(): void {
    this.meters[0].resetHold();
    this.meters[1].resetHold();
  }

  private cue(sampleId: string | null): void {
    this.cuedId = sampleId;
    const sample = sampleId === null ? undefined : this.pool.get(sampleId);
    this.cued = sample ? new SampleVoice(sample, this.sampleRate) : null;
  }
}

function poolSample(shared: SharedSample): PooledSample {
  const planes: Float32Array[] = [];
  for (let c = 0; c < shared.channelCount; c++) {
    planes.push(new Float32Array(shared.pcm, c * shared.frames * 4, shared.frames));
  }
  return { sampleRate: shared.sampleRate, frames: shared.frames, planes };
}
