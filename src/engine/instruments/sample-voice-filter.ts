/**
 * A sampler voice's filter section: the synth's TPT state-variable filter (`VoiceFilter`, 12 dB
 * per octave: low-, high- or band-pass with resonance) whose cutoff moves with its own ADSR by up
 * to `envelopeOctaves` at the envelope's peak, plus `offsetOctaves` held for the whole note (what
 * velocity → filter adds). As in the synth, the cutoff is recomputed every CONTROL_FRAMES frames of
 * the block. Inputs are fields and the cutoff's power of two is taken in place: no fractional
 * number crosses a call on the audio thread (it would be boxed).
 */
import { Adsr, EnvelopeSettings } from '../../dsp/synth/adsr';
import { exp2InPlace } from '../../dsp/synth/exp2';
import { CONTROL_FRAMES } from '../../dsp/synth/synth-patch';
import { VoiceFilter } from '../../dsp/synth/voice-filter';
import { tanInPlace } from '../../std/det-math';

/** The filter's slope: the sampler has one (dB per octave). */
const slope = 12;

export class SampleVoiceFilter {
  /** A `voiceFilterModes` index, or −1: off, the voice plays unfiltered. */
  mode = -1;
  /** The cutoff with the envelope at 0 and no offset. */
  cutoffHz = 20_000;
  envelopeOctaves = 0;
  offsetOctaves = 0;
  /** The envelope's times (frames) and sustain (0–1), set before `start`. */
  readonly settings = new EnvelopeSettings();
  /** Set `filter.k` (the damping for the resonance) before `start`. */
  readonly filter = new VoiceFilter();
  private readonly envelope = new Adsr(this.settings);
  /** The cutoff's modulation as octaves, then (in place) as a ratio; then the SVF's g from the cutoff's angle. */
  private readonly ratio = new Float64Array(1);
  private readonly highest: number;

  constructor(private readonly sampleRate: number) {
    this.highest = 0.49 * sampleRate;
  }

  get on(): boolean {
    return this.mode >= 0;
  }

  /** A new note: the filter forgets the last one and its envelope opens. */
  start(): void {
    this.filter.reset();
    this.envelope.reset();
    this.envelope.gateOn();
  }

  release(): void {
    this.envelope.gateOff();
  }

  /**
   * Filters `left` (and `right` when `stereo`) [from, to) in place, in stretches that end on the
   * block's control points; `levels` [from, to) is scratch for the envelope.
   */
  process(left: Float32Array, right: Float32Array, stereo: boolean, levels: Float32Array, from: number, to: number): void {
    const ratio = this.ratio;
    for (let start = from; start < to; ) {
      const end = Math.min(to, (Math.floor(start / CONTROL_FRAMES) + 1) * CONTROL_FRAMES);
      this.envelope.render(levels, start, end);
      ratio[0] = (levels[start] as number) * this.envelopeOctaves + this.offsetOctaves;
      exp2InPlace(ratio, 1);
      let cutoff = this.cutoffHz * (ratio[0] as number);
      // Math.min/max, not a conditional: `highest` is a field that starts out undefined (tagged to V8),
      // and merged with the cutoff it made V8 box the cutoff at every control point (see src/dsp/README).
      cutoff = Math.min(this.highest, Math.max(10, cutoff));
      // svfGain, written out (it returns a double) with the deterministic tangent.
      ratio[0] = (Math.PI * cutoff) / this.sampleRate;
      tanInPlace(ratio, 0, 1);
      this.filter.g = ratio[0] as number;
      this.filter.process(left, right, stereo, start, end, this.mode, slope);
      start = end;
    }
  }
}
