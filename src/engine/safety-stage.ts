import { safetyReasons } from '../protocol/engine';
import { runawayLevel } from './level-meter';

const muteSeconds = 0.25;
const fadeSeconds = 0.05;

/**
 * The last stage of playback (never of an export): protects ears and speakers from a bad block.
 * A block holding NaN, Infinity or a sample above +24 dBFS is silenced, the output stays muted
 * for a quarter of a second after the last bad block and then fades back in over 50 ms. Each
 * time it trips it records why and which channel was at fault (the engine's first faulty channel
 * in processing order), for the status buffer, so the UI can say so. Allocation-free.
 */
export class SafetyStage {
  /** Times the stage has muted the output. */
  trips = 0;
  /** The channel (meter index) at fault at the last trip; −1 when no channel was. */
  channel = -1;
  /** A `safetyReasons` code for the last trip. */
  reason: number = safetyReasons.none;
  private readonly muteFrames: number;
  private readonly fadeFrames: number;
  private mutedFor = 0;
  private fadedFor: number;

  constructor(sampleRate: number) {
    this.muteFrames = Math.round(muteSeconds * sampleRate);
    this.fadeFrames = Math.round(fadeSeconds * sampleRate);
    this.fadedFor = this.fadeFrames;
  }

  /** Checks and, if need be, silences or fades `left`/`right` [0, frames) in place. */
  process(left: Float32Array, right: Float32Array, frames: number, faultyChannel: number): void {
    let reason: number = safetyReasons.none;
    for (let i = 0; i < frames; i++) {
      const l = left[i] as number;
      const r = right[i] as number;
      if (l !== l || r !== r || l === Infinity || l === -Infinity || r === Infinity || r === -Infinity) {
        reason = safetyReasons.notANumber;
        break;
      }
      if (l > runawayLevel || l < -runawayLevel || r > runawayLevel || r < -runawayLevel) reason = safetyReasons.runaway;
    }
    if (reason !== safetyReasons.none) {
      if (this.mutedFor === 0 && this.fadedFor >= this.fadeFrames) this.trips++;
      this.reason = reason;
      this.channel = faultyChannel;
      this.mutedFor = this.muteFrames;
      this.fadedFor = 0;
    }
    for (let i = 0; i < frames; i++) {
      if (this.mutedFor > 0) {
        this.mutedFor--;
        left[i] = 0;
        right[i] = 0;
      } else if (this.fadedFor < this.fadeFrames) {
        this.fadedFor++;
        const gain = this.fadedFor / this.fadeFrames;
        left[i] = (left[i] as number) * gain;
        right[i] = (right[i] as number) * gain;
      }
    }
  }
}
