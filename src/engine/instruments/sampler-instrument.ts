/**
 * The sampler: one sample across the keyboard (the root note plays it at its own pitch, each key
 * a semitone away, with fine tune), or its slices one per key from the root note up; an amp
 * envelope, velocity to volume, a loop with a crossfade across its seam while a key is held, a
 * low-, high- or band-pass filter with resonance, its own envelope and velocity → cutoff, and
 * poly, mono or legato play with glide.
 */
import { exp10InPlace, exp2InPlace } from '../../std/det-math';
import { samplerSpec } from '../../devices/instruments/sampler';
import { dampingFor } from '../../dsp/synth/voice-filter';
import type { EngineInstrument, EngineSamplerZone } from '../../protocol/engine-instruments';
import type { ParamView } from '../devices/device-processor';
import type { PooledSample, SamplePool } from '../sample-pool';
import { SampleInstrument } from './sample-instrument';
import { voiceSample, type SampleVoice, type VoiceSample } from './sample-voice';

const at = Object.fromEntries(samplerSpec.params.map((spec, index) => [spec.id, index])) as Record<(typeof samplerSpec.params)[number]['id'], number>;
/** A note's pitch step and gain, taken in place (nothing fractional crosses a call on the audio thread). */
const stepSlot = new Float64Array(1);
const gainSlot = new Float64Array(1);
const poly = 0;
const legato = 2;

export class SamplerInstrument extends SampleInstrument {
  private zone: EngineSamplerZone | null = null;
  private sample: VoiceSample | null = null;
  /** The pooled sample it was taken from, to reload only when that changes. */
  private pooled: PooledSample | null = null;
  /** The last voice started, for mono and legato play. */
  private last: SampleVoice | null = null;

  constructor(sampleRate: number) {
    super(sampleRate, 32);
  }

  load(instrument: EngineInstrument, pool: SamplePool): void {
    this.zone = instrument.zone;
    const pooled = instrument.zone ? (pool.get(instrument.zone.sampleId) ?? null) : null;
    if (pooled === this.pooled) return;
    this.reset();
    this.pooled = pooled;
    this.sample = pooled ? voiceSample(pooled) : null;
  }

  /** Cutoff and resonance follow their parameters (and automation) in sounding notes, block by block. */
  protected prepare(params: ParamView): void {
    const voices = this.voices.voices;
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v] as SampleVoice;
      if (voice.active && voice.filter.on) this.tuneFilter(voice, params);
    }
  }

  protected noteOn(params: ParamView, pitch: number, velocity: number): void {
    const zone = this.zone;
    const sample = this.sample;
    if (zone === null || sample === null) return;
    const end = params.end;
    const base = params.base;
    const sliced = zone.slices.length > 0;
    const slice = pitch - zone.rootNote;
    if (sliced && (slice < 0 || slice >= zone.slices.length)) return;
    const fromSeconds = sliced ? (zone.slices[slice] as number) : zone.start;
    const toSeconds = sliced ? (zone.slices[slice + 1] ?? zone.end) : zone.end;
    const semitones = (sliced ? 0 : pitch - zone.rootNote) + (end[base + at.fineTuneCents] as number) / 100;
    stepSlot[0] = semitones / 12;
    exp2InPlace(stepSlot, 0, 1);
    const step = (stepSlot[0] as number) * (sample.sampleRate / this.sampleRate);
    const mode = Math.round((end[base + at.voiceMode] as number));
    const held = this.last !== null && this.last.active && this.last.pitch >= 0 ? this.last : null;
    const glideFrames = ((end[base + at.glideMs] as number) * this.sampleRate) / 1000;
    if (mode === legato && held !== null) {
      held.pitch = pitch;
      held.glideTo(step, glideFrames);
      return;
    }
    if (mode !== poly && held !== null) held.fadeOut(this.cutFrames);
    const voice = this.voices.take();
    const framesPerMs = this.sampleRate / 1000;
    voice.attackFrames = (end[base + at.ampAttackMs] as number) * framesPerMs;
    voice.decayFrames = (end[base + at.ampDecayMs] as number) * framesPerMs;
    voice.sustain = (end[base + at.ampSustain] as number) / 100;
    voice.releaseFrames = (end[base + at.ampReleaseMs] as number) * framesPerMs;
    const share = (end[base + at.velocityToVolume] as number) / 100;
    gainSlot[0] = (end[base + at.gainDb] as number) / 20;
    exp10InPlace(gainSlot, 0, 1);
    const gain = (gainSlot[0] as number) * (1 - share + share * velocity);
    voice.gainLeft = gain;
    voice.gainRight = gain;
    voice.from = fromSeconds * sample.sampleRate;
    voice.to = Math.min(sample.frames, toSeconds * sample.sampleRate);
    voice.position = voice.from;
    voice.step = held !== null && mode !== poly && glideFrames > 0 ? held.step : step;
    voice.glideTo(step, held !== null && mode !== poly ? glideFrames : 0);
    const loops = !sliced && (end[base + at.loop] as number) >= 0.5 && zone.loopEnd > zone.loopStart;
    voice.loopStart = loops ? zone.loopStart * sample.sampleRate : 0;
    voice.loopEnd = loops ? zone.loopEnd * sample.sampleRate : 0;
    const fade = ((end[base + at.loopCrossfadeMs] as number) * sample.sampleRate) / 1000;
    voice.crossfade = loops ? Math.min(fade, (voice.loopEnd - voice.loopStart) / 2, voice.loopStart - voice.from) : 0;
    voice.filter.offsetOctaves = (end[base + at.velocityToFilter] as number) * velocity;
    this.setFilter(voice, params);
    voice.start(sample, pitch, this.voices.nextOrder());
    this.last = voice;
  }

  /** The filter section as the parameters stand at the note's start (its mode −1 when off; velocity's offset is set). */
  private setFilter(voice: SampleVoice, params: ParamView): void {
    const end = params.end;
    const base = params.base;
    const filter = voice.filter;
    filter.mode = Math.round(end[base + at.filterMode] as number) - 1;
    if (!filter.on) return;
    this.tuneFilter(voice, params);
    filter.envelopeOctaves = end[base + at.filterEnvOctaves] as number;
    const framesPerMs = this.sampleRate / 1000;
    const settings = filter.settings;
    settings.attackFrames = (end[base + at.filterAttackMs] as number) * framesPerMs;
    settings.decayFrames = (end[base + at.filterDecayMs] as number) * framesPerMs;
    settings.sustain = (end[base + at.filterSustain] as number) / 100;
    settings.releaseFrames = (end[base + at.filterReleaseMs] as number) * framesPerMs;
  }

  private tuneFilter(voice: SampleVoice, params: ParamView): void {
    const filter = voice.filter;
    filter.cutoffHz = params.end[params.base + at.cutoffHz] as number;
    filter.filter.k = dampingFor((params.end[params.base + at.resonance] as number) / 100);
  }

  protected noteOff(_params: ParamView, pitch: number): void {
    this.voices.releasePitch(pitch);
  }
}
