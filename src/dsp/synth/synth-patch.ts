import { EnvelopeSettings } from './adsr';
import { UnisonSpread } from './unison';

/** Frames between control-rate updates (pitch, cutoff, LFO): 1/3 ms at 48 kHz. Voices update on multiples of it. */
export const CONTROL_FRAMES = 16;

/** One oscillator's settings. */
export class OscillatorSettings {
  /** oscWaveforms index. */
  waveform = 0;
  /** Frequency ratio to the note from octave and detune: 2^(octave + semitones / 12). */
  ratio = 1;
  /** Pulse width 0…1 (only the pulse reads it). */
  pulseWidth = 0.5;
  /** Linear level. */
  level = 1;
}

/**
 * Everything a voice reads while it renders a block, in DSP units (frames, linear gains, 0…1
 * fractions): the synth instrument writes it from the parameters once per block. `…Start` and
 * `…End` are the values at the block's first and last frame; voices interpolate between them.
 */
export class SynthPatch {
  readonly osc1 = new OscillatorSettings();
  readonly osc2 = new OscillatorSettings();
  readonly unison = new UnisonSpread();
  /** Sub oscillator: linear level, octaves below the note (1 or 2), waveform (0 sine, 1 square). */
  subLevel = 0;
  subOctaves = 1;
  subSquare = false;
  /** White noise, linear level. */
  noiseLevel = 0;
  /** voiceFilterModes index, slope 12 or 24, cutoff in Hz, resonance 0…1, drive as a linear input gain (1 = off). */
  filterMode = 0;
  filterSlope = 12;
  cutoffStartHz = 20_000;
  cutoffEndHz = 20_000;
  resonance = 0;
  /** The filter's damping k for `resonance` (dampingFor), computed once per block. */
  damping = Math.SQRT2;
  drive = 1;
  /** Octaves the filter envelope moves the cutoff at full level (negative: down). */
  filterEnvOctaves = 0;
  /** 0…1: the cutoff follows the note by this share of its distance from C4 (1: an octave per octave). */
  keyTracking = 0;
  /** Amplitude and filter envelopes: times in frames, sustain 0…1 (see Adsr). */
  readonly ampEnvelope = new EnvelopeSettings();
  readonly filterEnvelope = new EnvelopeSettings();
  /** Velocity's weight on the amplitude, 0 (ignored) … 1 (silence at 0, full at 1). */
  velocityToAmp = 1;
  /** LFO depths: pitch in semitones, cutoff in octaves, pulse width as a fraction of a cycle, volume 0…1. */
  lfoPitchSemitones = 0;
  lfoFilterOctaves = 0;
  lfoPulseWidth = 0;
  lfoVolume = 0;
  /** Time a note takes to slide from the previous note's pitch, frames (0: no glide). */
  glideFrames = 0;
  /** Output gain, linear, at the block's first and last frame. */
  gainStart = 1;
  gainEnd = 1;
  /** Frames in the current block (for the ramps). */
  blockFrames = 128;
}
