import { exp10InPlace, exp2InPlace } from '../../std/det-math';
import { noteValues } from '../../devices/effects/note-values';
import { octaveOffset, polyphonyChoices, synthSpec, type SynthParamId } from '../../devices/instruments/synth';
import { SynthLfo } from '../../dsp/synth/lfo';
import type { EnvelopeSettings } from '../../dsp/synth/adsr';
import { SynthPatch, type OscillatorSettings } from '../../dsp/synth/synth-patch';
import { VoiceScratch } from '../../dsp/synth/synth-voice';
import { VoiceAllocator } from '../../dsp/synth/voice-allocator';
import { dampingFor } from '../../dsp/synth/voice-filter';
import { sharedWavetables } from '../../dsp/synth/wavetable';
import { blockFrames } from '../../protocol/engine';
import type { BlockContext, ParamView } from '../devices/device-processor';
import { noteEventKind, type InstrumentProcessor, type NoteEvents } from './instrument-processor';

/** A stolen note fades out over this long: short enough to free the voice, long enough not to click. */
export const STEAL_FADE_MS = 3;

/** `{ paramId: index }` in synthSpec's order: where each parameter sits in a ParamView. */
const at = Object.fromEntries(synthSpec.params.map((spec, index) => [spec.id, index])) as Record<SynthParamId, number>;

/** Beats of each LFO note value, by option index. */
const noteBeats = Float64Array.from(noteValues, (value) => value.beats);

/**
 * The synth as an instrument: note events in, stereo out. Each block it turns the parameters
 * into a SynthPatch (DSP units), fills the LFO from the transport, then renders the voices in the
 * stretches between events, starting and releasing notes on their exact frames. Everything is
 * allocated here, in the constructor; `process` allocates nothing, and the same events and
 * parameters always give the same samples (noise and unison phases are seeded per note).
 */
class SynthInstrument implements InstrumentProcessor {
  private readonly patch = new SynthPatch();
  private readonly tables = sharedWavetables();
  private readonly lfo: SynthLfo;
  private readonly scratch = new VoiceScratch(blockFrames);
  private readonly allocator: VoiceAllocator;
  /** The parameters at the block's start and end, copied out of the ParamView once per block. */
  private readonly start = new Float64Array(synthSpec.params.length);
  private readonly end = new Float64Array(synthSpec.params.length);
  private readonly framesPerMs: number;
  /** The drive and the gain at the block's start and end: dB / 20, then 10^ of it in place (nothing fractional crosses a call). */
  private readonly levels = new Float64Array(3);

  constructor(sampleRate: number) {
    this.lfo = new SynthLfo(sampleRate, blockFrames);
    this.framesPerMs = sampleRate / 1000;
    this.allocator = new VoiceAllocator(sampleRate, Math.round(STEAL_FADE_MS * this.framesPerMs), this.patch);
  }

  process(left: Float32Array, right: Float32Array, params: ParamView, events: NoteEvents, frames: number, context: BlockContext): void {
    const { start, end, patch, allocator } = this;
    for (let i = 0; i < start.length; i++) {
      start[i] = params.start[params.base + i] as number;
      end[i] = params.end[params.base + i] as number;
    }
    this.updatePatch(frames);
    const lfo = this.lfo;
    lfo.shape = Math.round(end[at.lfoShape] as number);
    lfo.synced = (end[at.lfoSync] as number) >= 0.5;
    lfo.periodBeats = noteBeats[Math.round(end[at.lfoNote] as number)] ?? 1;
    lfo.hz = end[at.lfoRateHz] as number;
    lfo.fill(frames, context);
    const polyphony = polyphonyChoices[Math.round(end[at.polyphony] as number)] ?? 32;
    const mode = Math.round(end[at.voiceMode] as number);
    left.fill(0, 0, frames);
    right.fill(0, 0, frames);
    let cursor = 0;
    for (let e = 0; e < events.count; e++) {
      const raw = events.frame[e] as number;
      const frame = raw < cursor ? cursor : raw > frames ? frames : raw;
      if (frame > cursor) this.renderVoices(left, right, cursor, frame);
      cursor = frame;
      const pitch = events.pitch[e] as number;
      if (events.kind[e] === noteEventKind.on) allocator.noteOn(pitch, events.velocity, e, polyphony, mode, patch);
      else allocator.noteOff(pitch, mode, patch);
    }
    if (cursor < frames) this.renderVoices(left, right, cursor, frames);
  }

  allNotesOff(): void {
    this.allocator.allNotesOff();
  }

  reset(): void {
    this.allocator.reset();
    this.lfo.reset();
  }

  private renderVoices(left: Float32Array, right: Float32Array, from: number, to: number): void {
    const voices = this.allocator.voices;
    const lfo = this.lfo.values;
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v];
      if (voice !== undefined && voice.active) voice.render(this.patch, this.tables, lfo, this.scratch, left, right, from, to);
    }
  }

  /** The parameters in DSP units (through fields and arrays only: doubles crossing calls would be boxed). */
  private updatePatch(frames: number): void {
    const { start, end, patch } = this;
    setOscillator(patch.osc1, end, at.osc1Wave, at.osc1Octave, at.osc1Detune, at.osc1Width, at.osc1Level);
    setOscillator(patch.osc2, end, at.osc2Wave, at.osc2Octave, at.osc2Detune, at.osc2Width, at.osc2Level);
    patch.unison.requestedCount = Math.round(end[at.unisonVoices] as number) + 1;
    patch.unison.detuneSemitones = end[at.unisonDetune] as number;
    patch.unison.width = (end[at.unisonWidth] as number) / 100;
    patch.unison.update();
    patch.subLevel = (end[at.subLevel] as number) / 100;
    patch.subOctaves = Math.round(end[at.subOctave] as number) + 1;
    patch.subSquare = Math.round(end[at.subWave] as number) === 1;
    patch.noiseLevel = (end[at.noiseLevel] as number) / 100;
    patch.filterMode = Math.round(end[at.filterMode] as number);
    patch.filterSlope = Math.round(end[at.filterSlope] as number) === 1 ? 24 : 12;
    patch.cutoffStartHz = start[at.cutoffHz] as number;
    patch.cutoffEndHz = end[at.cutoffHz] as number;
    const resonance = (end[at.resonance] as number) / 100;
    if (resonance !== patch.resonance) {
      patch.resonance = resonance;
      patch.damping = dampingFor(resonance);
    }
    const levels = this.levels;
    levels[0] = Math.max(0, end[at.driveDb] as number) / 20;
    levels[1] = (start[at.gainDb] as number) / 20;
    levels[2] = (end[at.gainDb] as number) / 20;
    exp10InPlace(levels, 0, 3);
    patch.drive = levels[0] as number;
    patch.filterEnvOctaves = end[at.filterEnvAmount] as number;
    patch.keyTracking = (end[at.keyTracking] as number) / 100;
    this.setEnvelope(patch.filterEnvelope, at.filterAttackMs, at.filterDecayMs, at.filterSustain, at.filterReleaseMs);
    this.setEnvelope(patch.ampEnvelope, at.attackMs, at.decayMs, at.sustain, at.releaseMs);
    patch.velocityToAmp = (end[at.velocity] as number) / 100;
    patch.lfoPitchSemitones = end[at.lfoPitch] as number;
    patch.lfoFilterOctaves = end[at.lfoFilter] as number;
    patch.lfoPulseWidth = (end[at.lfoPulseWidth] as number) / 100;
    patch.lfoVolume = (end[at.lfoVolume] as number) / 100;
    patch.glideFrames = Math.round((end[at.glideMs] as number) * this.framesPerMs);
    patch.gainStart = levels[1] as number;
    patch.gainEnd = levels[2] as number;
    patch.blockFrames = frames;
  }

  private setEnvelope(settings: EnvelopeSettings, attack: number, decay: number, sustain: number, release: number): void {
    const { end, framesPerMs } = this;
    settings.attackFrames = (end[attack] as number) * framesPerMs;
    settings.decayFrames = (end[decay] as number) * framesPerMs;
    settings.sustain = (end[sustain] as number) / 100;
    settings.releaseFrames = (end[release] as number) * framesPerMs;
  }
}

/** An oscillator's pitch ratio, taken in place by `setOscillator`. */
const ratio = new Float64Array(1);

function setOscillator(settings: OscillatorSettings, values: Float64Array, wave: number, octave: number, detune: number, width: number, level: number): void {
  settings.waveform = Math.round(values[wave] as number);
  ratio[0] = Math.round(values[octave] as number) - octaveOffset + (values[detune] as number) / 12;
  exp2InPlace(ratio, 0, 1);
  settings.ratio = ratio[0] as number;
  settings.pulseWidth = (values[width] as number) / 100;
  settings.level = (values[level] as number) / 100;
}

/** The synth instrument at `sampleRate` (see SynthInstrument). */
export function createSynthInstrument(sampleRate: number): InstrumentProcessor {
  return new SynthInstrument(sampleRate);
}
