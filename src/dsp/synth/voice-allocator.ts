import type { SynthPatch } from './synth-patch';
import { SynthVoice } from './synth-voice';

/** How notes share voices: chords (poly), one voice retriggered by each note (mono), or one voice sliding between overlapping notes (legato). */
export const voiceModes = ['poly', 'mono', 'legato'] as const;
export const voiceModeIndex = { poly: 0, mono: 1, legato: 2 } as const;

/** The most notes a synth plays at once. */
export const MAX_POLYPHONY = 128;
/** Extra voices that let stolen notes fade out while their successors start. */
const FADE_SPARES = 32;
/** Keys remembered for mono and legato play (last-note priority: releasing a key returns to the one held before). */
const KEY_STACK = 16;

/**
 * The synth's voices: a fixed pool (no allocation while playing). When a note needs a voice and
 * `polyphony` notes already sound, one is stolen: a releasing voice before a held one, the
 * quietest first, the oldest among equals. The stolen voice fades out over `fadeFrames` (a few
 * ms: no click) on a spare voice while the new note starts on a free one.
 */
export class VoiceAllocator {
  readonly voices: readonly SynthVoice[];
  private order = 0;
  /** The pitch the last note started at or slid to: where the next note's glide starts. */
  private lastPitch = -1;
  private readonly keys = new Int32Array(KEY_STACK);
  private keyCount = 0;

  /** `patch`: the synth's one patch, which every voice reads. */
  constructor(
    sampleRate: number,
    private readonly fadeFrames: number,
    patch: SynthPatch,
  ) {
    this.voices = Array.from({ length: MAX_POLYPHONY + FADE_SPARES }, () => new SynthVoice(sampleRate, patch));
  }

  /** Voices sounding, fading ones included. */
  activeCount(): number {
    let count = 0;
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      if (voice.active) count++;
    }
    return count;
  }

  /** Starts `pitch` at velocity `velocities[at]` (an array and an index: a double argument would be boxed on the audio thread). */
  noteOn(pitch: number, velocities: Float32Array, at: number, polyphony: number, mode: number, patch: SynthPatch): void {
    this.pushKey(pitch);
    const glideFrom = this.lastPitch < 0 ? pitch : this.lastPitch;
    this.lastPitch = pitch;
    if (mode !== voiceModeIndex.poly) {
      const current = this.monoVoice();
      if (current !== null) {
        // Legato slides without restarting the envelopes while a key is held; otherwise they reopen from their level.
        const retrigger = mode === voiceModeIndex.mono || !current.held;
        if (retrigger) current.velocity = velocities[at] as number;
        current.retarget(pitch, patch, retrigger);
        return;
      }
      this.startVoice(pitch, velocities, at, glideFrom, patch);
      return;
    }
    // A key struck again releases its sounding note first.
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      if (voice.active && voice.held && voice.pitch === pitch && voice.fadeRemaining === 0) voice.release();
    }
    const limit = polyphony < 1 ? 1 : polyphony > MAX_POLYPHONY ? MAX_POLYPHONY : polyphony;
    if (this.sounding() >= limit) this.victim()?.fadeOut(this.fadeFrames);
    this.startVoice(pitch, velocities, at, glideFrom, patch);
  }

  private startVoice(pitch: number, velocities: Float32Array, at: number, glideFrom: number, patch: SynthPatch): void {
    const voice = this.freeVoice();
    voice.velocity = velocities[at] as number;
    voice.start(pitch, glideFrom, this.order++, patch);
  }

  noteOff(pitch: number, mode: number, patch: SynthPatch): void {
    this.removeKey(pitch);
    if (mode !== voiceModeIndex.poly) {
      const current = this.monoVoice();
      if (current === null || !current.held || current.pitch !== pitch) return;
      if (this.keyCount > 0) {
        const back = this.keys[this.keyCount - 1] as number;
        this.lastPitch = back;
        current.retarget(back, patch, mode === voiceModeIndex.mono);
      } else {
        current.release();
      }
      return;
    }
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      if (voice.active && voice.held && voice.pitch === pitch) voice.release();
    }
  }

  /** Releases every note (with its release). */
  allNotesOff(): void {
    this.keyCount = 0;
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      if (voice.active && voice.held) voice.release();
    }
  }

  /** Silences every voice at once and forgets the glide and the held keys. */
  reset(): void {
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      voice.stop();
    }
    this.order = 0;
    this.lastPitch = -1;
    this.keyCount = 0;
  }

  /** Notes that count against the polyphony: active and not fading out. */
  private sounding(): number {
    let count = 0;
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      if (voice.active && voice.fadeRemaining === 0) count++;
    }
    return count;
  }

  /** The voice mono and legato play on: the newest that is not fading. */
  private monoVoice(): SynthVoice | null {
    let best: SynthVoice | null = null;
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      if (voice.active && voice.fadeRemaining === 0 && (best === null || voice.order > best.order)) best = voice;
    }
    return best;
  }

  /** The note to steal: releasing before held, then the quietest, then the oldest. */
  private victim(): SynthVoice | null {
    let best: SynthVoice | null = null;
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      if (!voice.active || voice.fadeRemaining > 0) continue;
      if (best === null) {
        best = voice;
        continue;
      }
      const releasing = voice.releasing();
      if (releasing !== best.releasing()) {
        if (releasing) best = voice;
        continue;
      }
      // How loud each is now: amp envelope × velocity.
      const loudness = voice.ampEnvelope.level * voice.velocity;
      const bestLoudness = best.ampEnvelope.level * best.velocity;
      if (loudness < bestLoudness || (loudness === bestLoudness && voice.order < best.order)) best = voice;
    }
    return best;
  }

  /** An idle voice; if every spare is still fading, the one closest to silence is cut. */
  private freeVoice(): SynthVoice {
    let fading: SynthVoice | null = null;
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SynthVoice;
      if (!voice.active) return voice;
      if (voice.fadeRemaining > 0 && (fading === null || voice.fadeRemaining < fading.fadeRemaining)) fading = voice;
    }
    const voice = fading ?? (this.voices[0] as SynthVoice);
    voice.stop();
    return voice;
  }

  private pushKey(pitch: number): void {
    this.removeKey(pitch);
    if (this.keyCount === KEY_STACK) {
      this.keys.copyWithin(0, 1);
      this.keyCount--;
    }
    this.keys[this.keyCount++] = pitch;
  }

  private removeKey(pitch: number): void {
    for (let i = 0; i < this.keyCount; i++) {
      if (this.keys[i] === pitch) {
        this.keys.copyWithin(i, i + 1, this.keyCount);
        this.keyCount--;
        return;
      }
    }
  }
}
