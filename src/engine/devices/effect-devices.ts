/**
 * The stock effects from src/dsp as devices: each hands its catalog parameters (in their units:
 * percent, ms, dB) to the kernel's setters (fractions, seconds, dB). Tempo-synced ones read the
 * transport from the block context every block; the compressor reads its sidechain from it.
 */
import { noteValueBeats } from '../../devices/effects/note-values';
import { filterModes } from '../../devices/effects/modulation';
import { Chorus } from '../../dsp/chorus/chorus';
import { Bitcrusher } from '../../dsp/distortion/bitcrusher';
import { Saturation } from '../../dsp/distortion/saturation';
import { Compressor } from '../../dsp/dynamics/compressor';
import { Delay } from '../../dsp/delay/delay';
import { InsertLimiter } from '../../dsp/limiter/insert-limiter';
import { FilterEffect } from '../../dsp/filter/filter-effect';
import { Reverb } from '../../dsp/reverb/reverb';
import { beats, bpm, seconds } from '../../std/units';
import { kernelDevice, paramIndices, type DeviceProcessor } from './device-processor';

const limiter = paramIndices('limiter');
const compressor = paramIndices('compressor');
const reverb = paramIndices('reverb');
const delay = paramIndices('delay');
const saturation = paramIndices('saturation');
const bitcrusher = paramIndices('bitcrusher');
const filter = paramIndices('filter');
const chorus = paramIndices('chorus');

/** A statement, not an expression: an arrow returning the assignment would return (and box) the double. */
function copyGainReduction(kernel: { gainReductionDb(): number }, out: Float64Array): void {
  out[0] = kernel.gainReductionDb();
}

export function createLimiterDevice(sampleRate: number): DeviceProcessor {
  return kernelDevice(
    new InsertLimiter(sampleRate),
    (kernel, { end, base }) => {
      kernel.setCeilingDbtp(end[base + limiter.ceilingDb] as number);
      kernel.setReleaseMs(end[base + limiter.releaseMs] as number);
    },
    { gainReductionDb: copyGainReduction },
  );
}

export function createCompressorDevice(sampleRate: number): DeviceProcessor {
  return kernelDevice(
    new Compressor(sampleRate),
    (kernel, { end, base }) => {
      kernel.setThresholdDb(end[base + compressor.thresholdDb] as number);
      kernel.setRatio(end[base + compressor.ratio] as number);
      kernel.setAttackMs(end[base + compressor.attackMs] as number);
      kernel.setReleaseMs(end[base + compressor.releaseMs] as number);
      kernel.setKneeDb(end[base + compressor.kneeDb] as number);
      kernel.setMakeupDb(end[base + compressor.makeupDb] as number);
      kernel.setAutoMakeup((end[base + compressor.autoMakeup] as number) >= 0.5);
      kernel.setDetectorHighPassEnabled((end[base + compressor.detectorHpOn] as number) >= 0.5);
      kernel.setDetectorHighPassHz(end[base + compressor.detectorHpHz] as number);
    },
    {
      // Its setters only store: the derivations run in process, every block.
      applyEveryBlock: true,
      run: (kernel, left, right, frames, context) => kernel.process(left, right, frames, context.sidechainLeft ?? undefined, context.sidechainRight ?? undefined),
      gainReductionDb: copyGainReduction,
    },
  );
}

export function createReverbDevice(sampleRate: number): DeviceProcessor {
  return kernelDevice(new Reverb(sampleRate), (kernel, { end, base }) => {
    kernel.setSize((end[base + reverb.size] as number) / 100);
    kernel.setDecaySeconds(end[base + reverb.decayS] as number);
    kernel.setDamping((end[base + reverb.damping] as number) / 100);
    kernel.setPreDelayMs(end[base + reverb.preDelayMs] as number);
    kernel.setWidth((end[base + reverb.width] as number) / 100);
    kernel.setMix((end[base + reverb.mix] as number) / 100);
  });
}

export function createDelayDevice(sampleRate: number): DeviceProcessor {
  return kernelDevice(
    new Delay(sampleRate),
    (kernel, { end, base }) => {
      kernel.setSynced((end[base + delay.sync] as number) >= 0.5);
      kernel.setTimeBeats(beats(noteValueBeats(end[base + delay.noteValue] as number)));
      kernel.setTimeMs(end[base + delay.timeMs] as number);
      kernel.setFeedback((end[base + delay.feedback] as number) / 100);
      kernel.setPingPong((end[base + delay.pingPong] as number) >= 0.5);
      kernel.setLoopFilterEnabled((end[base + delay.filterOn] as number) >= 0.5);
      kernel.setLowCutHz(end[base + delay.lowCutHz] as number);
      kernel.setHighCutHz(end[base + delay.highCutHz] as number);
      kernel.setMix((end[base + delay.mix] as number) / 100);
    },
    // Its setters store, or work a cut out only when it moved: applied every block, apply is optimized code.
    { applyEveryBlock: true, eachBlock: (kernel, _params, context) => kernel.setTempoBpm(bpm(context.tempo)) },
  );
}

export function createSaturationDevice(sampleRate: number): DeviceProcessor {
  return kernelDevice(new Saturation(sampleRate), (kernel, { end, base }) => {
    kernel.setDriveDb(end[base + saturation.driveDb] as number);
    kernel.setTone((end[base + saturation.tone] as number) / 100);
    kernel.setMix((end[base + saturation.mix] as number) / 100);
  });
}

export function createBitcrusherDevice(sampleRate: number): DeviceProcessor {
  return kernelDevice(new Bitcrusher(sampleRate), (kernel, { end, base }) => {
    kernel.setBits(end[base + bitcrusher.bits] as number);
    kernel.setDownsampleFactor(end[base + bitcrusher.downsample] as number);
    kernel.setMix((end[base + bitcrusher.mix] as number) / 100);
  });
}

export function createFilterDevice(sampleRate: number): DeviceProcessor {
  return kernelDevice(
    new FilterEffect(sampleRate),
    (kernel, { end, base }) => {
      kernel.setMode(filterModes[Math.round(end[base + filter.mode] as number)] ?? 'low-pass');
      kernel.setCutoffHz(end[base + filter.cutoffHz] as number);
      kernel.setResonance((end[base + filter.resonance] as number) / 100);
      kernel.setLfoPeriodBeats(beats(noteValueBeats(end[base + filter.lfoNote] as number)));
      kernel.setLfoDepthOctaves(end[base + filter.lfoDepth] as number);
    },
    { eachBlock: (kernel, _params, context) => kernel.setTransport(beats(context.beat), bpm(context.tempo)) },
  );
}

export function createChorusDevice(sampleRate: number): DeviceProcessor {
  return kernelDevice(
    new Chorus(sampleRate),
    (kernel, { end, base }) => {
      kernel.setRateHz(end[base + chorus.rateHz] as number);
      kernel.setDepthMs(end[base + chorus.depthMs] as number);
      kernel.setVoices((end[base + chorus.voices] as number) + 1);
      kernel.setWidth((end[base + chorus.width] as number) / 100);
      kernel.setFeedback((end[base + chorus.feedback] as number) / 100);
      kernel.setMix((end[base + chorus.mix] as number) / 100);
    },
    { eachBlock: (kernel, _params, context) => kernel.setTransport(seconds(context.seconds)) },
  );
}
