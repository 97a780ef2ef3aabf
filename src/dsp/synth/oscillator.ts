import { MAX_UNISON, type UnisonSpread } from './unison';
import { MAX_HARMONICS, TABLE_SIZE, type Wavetable } from './wavetable';

/** The oscillator's waveforms, in the order of the synth's `wave` options. */
export const oscWaveforms = ['saw', 'pulse', 'triangle', 'sine'] as const;
export const waveformIndex = { saw: 0, pulse: 1, triangle: 2, sine: 3 } as const;

/** The three tables an oscillator reads (see wavetable.ts). */
export interface OscillatorTables {
  readonly saw: Wavetable;
  readonly triangle: Wavetable;
  readonly sine: Wavetable;
}

/**
 * One band-limited oscillator of a voice, with up to seven unison voices: each reads the mip level
 * of its own pitch (linear interpolation into a 4096-sample cycle). A pulse of width w is the
 * difference of two saws w of a cycle apart, saw(φ) − saw(φ + w): band-limited like the saw,
 * levels −2w and 2 − 2w, so it has no DC at any width (w = ½ is the square).
 *
 * Its inputs are fields set before `render` (a double passed to a call that is not inlined is
 * boxed on the audio thread).
 */
export class UnisonOscillator {
  /** Phase of each unison voice, cycles in [0, 1). */
  readonly phase = new Float64Array(MAX_UNISON);
  /** Cycles per frame before the unison spread (> 0). */
  increment = 0.01;
  /** Pulse width 0…1 (the pulse only). */
  pulseWidth = 0.5;
  /** Linear level. */
  level = 1;

  /** Starts a note's cycle: a single voice at phase 0 (every hit starts alike), a stack at seeded phases. */
  start(unison: number, seed: number): void {
    let state = seed | 0 || 1;
    for (let u = 0; u < MAX_UNISON; u++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      this.phase[u] = unison === 1 ? 0 : (state >>> 0) / 4294967296;
    }
  }

  /** Adds the oscillator to `left`/`right` [from, to). With `spread.stereo` false only `left` is written. */
  render(tables: OscillatorTables, waveform: number, spread: UnisonSpread, left: Float32Array, right: Float32Array, from: number, to: number): void {
    const table = waveform === waveformIndex.triangle ? tables.triangle : waveform === waveformIndex.sine ? tables.sine : tables.saw;
    const data = table.data;
    const offsets = table.levelOffset;
    const pulse = waveform === waveformIndex.pulse;
    const pulseWidth = this.pulseWidth;
    const stereo = spread.stereo;
    for (let u = 0; u < spread.count; u++) {
      const inc = this.increment * (spread.ratio[u] as number);
      // The richest level whose partials all stay below Nyquist (Wavetable.levelOffset).
      const top = Math.ceil(0.5 / inc) - 1;
      const base = offsets[top > MAX_HARMONICS ? MAX_HARMONICS : top] as number;
      const gainL = this.level * (spread.gainLeft[u] as number);
      const gainR = this.level * (spread.gainRight[u] as number);
      let phase = this.phase[u] as number;
      for (let i = from; i < to; i++) {
        let pos = phase * TABLE_SIZE;
        let index = pos | 0;
        let frac = pos - index;
        let a = data[base + index] as number;
        let y = a + frac * ((data[base + index + 1] as number) - a);
        if (pulse) {
          let second = phase + pulseWidth;
          if (second >= 1) second -= 1;
          pos = second * TABLE_SIZE;
          index = pos | 0;
          frac = pos - index;
          a = data[base + index] as number;
          y -= a + frac * ((data[base + index + 1] as number) - a);
        }
        left[i] = (left[i] as number) + gainL * y;
        if (stereo) right[i] = (right[i] as number) + gainR * y;
        phase += inc;
        // Above Nyquist (silent level) the step may pass a whole cycle.
        if (phase >= 1) phase -= Math.floor(phase);
      }
      this.phase[u] = phase;
    }
  }
}
