/**
 * The drum machine: 16 pads on MIDI pitches 36–51, each a one-shot of its sample with its own
 * gain, pan (balance), pitch in semitones and cents, start offset, attack, decay, reverse and
 * choke group (a hit cuts off the other pads of its group), and its output: the track's channel,
 * or a bus of its own (`padBlocks`, which the engine adds into the bus). Note-offs do not cut a
 * hit short: a drum rings out over its decay.
 */
import { exp10InPlace, exp2InPlace } from '../../std/det-math';
import { drumPadBasePitch, drumPadCount, drumPadParams, drumsSpec } from '../../devices/instruments/drums';
import { blockFrames } from '../../protocol/engine';
import { padOutputs, type EngineInstrument } from '../../protocol/engine-instruments';
import type { StereoBlock } from '../graph/channel-strip';
import type { ParamView } from '../devices/device-processor';
import type { PooledSample, SamplePool } from '../sample-pool';
import { SampleInstrument } from './sample-instrument';
import { voiceSample, type SampleVoice, type VoiceSample } from './sample-voice';

const pad = Object.fromEntries(drumPadParams.map((spec, index) => [spec.id, index])) as Record<(typeof drumPadParams)[number]['id'], number>;
const kitGain = drumsSpec.params.findIndex((spec) => spec.id === 'gainDb');
/** A note's pitch ratio and gain, taken in place (nothing fractional crosses a call on the audio thread). */
const ratioSlot = new Float64Array(1);
const gainSlot = new Float64Array(1);

export class DrumMachine extends SampleInstrument {
  private readonly samples: (VoiceSample | null)[] = Array.from({ length: drumPadCount }, () => null);
  /** The pooled samples they were taken from, to take each again only when it changes. */
  private readonly pooled: (PooledSample | null)[] = Array.from({ length: drumPadCount }, () => null);
  /** Each pad's settings in `drumPadParams` order, `drumPadParams.length` per pad. */
  private readonly settings = new Float64Array(drumPadCount * drumPadParams.length);
  /** Each pad's output: 0 the track's channel, n > 0 the n-th of `buses`. */
  private readonly outputOf = new Int32Array(drumPadCount);
  /** The buses pads play into past the track's channel (`padOutputs`), one output block each. */
  private buses: readonly string[] = [];

  constructor(sampleRate: number) {
    super(sampleRate, 64);
  }

  load(instrument: EngineInstrument, pool: SamplePool): void {
    const buses = padOutputs(instrument);
    const kept = new Map(this.buses.map((bus, i) => [bus, this.voices.outputs[i] as StereoBlock]));
    this.voices.outputs = buses.map((bus) => kept.get(bus) ?? { left: new Float32Array(blockFrames), right: new Float32Array(blockFrames) });
    this.buses = buses;
    for (let p = 0; p < drumPadCount; p++) {
      const config = instrument.pads[p];
      this.outputOf[p] = config?.output ? buses.indexOf(config.output) + 1 : 0;
      const pooled = config?.sampleId ? (pool.get(config.sampleId) ?? null) : null;
      if (pooled !== this.pooled[p]) {
        this.pooled[p] = pooled;
        this.samples[p] = pooled ? voiceSample(pooled) : null;
      }
      for (let i = 0; i < drumPadParams.length; i++) this.settings[p * drumPadParams.length + i] = config?.params[i] ?? (drumPadParams[i]?.default as number);
    }
    const voices = this.voices.voices;
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v] as SampleVoice;
      if (voice.active && (voice.sample !== this.samples[voice.pitch - drumPadBasePitch] || voice.output !== this.outputOf[voice.pitch - drumPadBasePitch])) voice.stop();
    }
  }

  protected prepare(): void {}

  protected noteOn(params: ParamView, pitch: number, velocity: number): void {
    const index = pitch - drumPadBasePitch;
    const sample = index >= 0 && index < drumPadCount ? this.samples[index] : null;
    if (!sample) return;
    const s = this.settings;
    const o = index * drumPadParams.length;
    const choke = Math.round(s[o + pad.choke] as number);
    if (choke > 0) this.choke(choke, index);
    const voice = this.voices.take();
    const framesPerMs = this.sampleRate / 1000;
    const reverse = (s[o + pad.reverse] as number) >= 0.5;
    const semitones = (s[o + pad.pitch] as number) + (s[o + pad.cents] as number) / 100;
    ratioSlot[0] = semitones / 12;
    exp2InPlace(ratioSlot, 0, 1);
    const ratio = (ratioSlot[0] as number) * (sample.sampleRate / this.sampleRate);
    const startFrames = ((s[o + pad.startMs] as number) * sample.sampleRate) / 1000;
    voice.from = 0;
    voice.to = sample.frames;
    voice.step = reverse ? -ratio : ratio;
    voice.glideTo(voice.step, 0);
    voice.position = reverse ? sample.frames - 1 - startFrames : startFrames;
    voice.loopStart = 0;
    voice.loopEnd = 0;
    voice.crossfade = 0;
    voice.attackFrames = (s[o + pad.attackMs] as number) * framesPerMs;
    voice.decayFrames = (s[o + pad.decayMs] as number) * framesPerMs;
    voice.sustain = 0;
    voice.releaseFrames = this.cutFrames;
    gainSlot[0] = ((s[o + pad.gainDb] as number) + (params.end[params.base + kitGain] as number)) / 20;
    exp10InPlace(gainSlot, 0, 1);
    const gain = (gainSlot[0] as number) * velocity;
    const pan = s[o + pad.pan] as number;
    voice.gainLeft = gain * (pan > 0 ? 1 - pan : 1);
    voice.gainRight = gain * (pan < 0 ? 1 + pan : 1);
    voice.output = this.outputOf[index] as number;
    voice.start(sample, pitch, this.voices.nextOrder());
  }

  protected noteOff(): void {}

  /** Fades out the sounding pads of choke group `group`, but for `except`. */
  private choke(group: number, except: number): void {
    const voices = this.voices.voices;
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v] as SampleVoice;
      const other = voice.pitch - drumPadBasePitch;
      if (!voice.active || other === except || other < 0 || other >= drumPadCount) continue;
      if (Math.round(this.settings[other * drumPadParams.length + pad.choke] as number) === group) voice.fadeOut(this.cutFrames);
    }
  }
}
