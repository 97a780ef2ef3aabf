/**
 * Factory presets: a few musical starting points per device type, as data. A preset names only
 * the parameters it changes; loading it sets every other parameter to its default, so a preset
 * sounds the same whatever the device was set to before.
 */
import type { DeviceType, deviceCatalog } from './catalog';
import { noteValueIndex } from './effects/note-values';

type ParamIds<T extends DeviceType> = (typeof deviceCatalog)[T]['params'][number]['id'];

export interface FactoryPreset<T extends DeviceType = DeviceType> {
  readonly name: string;
  readonly params: Partial<Record<ParamIds<T>, number>>;
}

export const factoryPresets: { readonly [T in DeviceType]: readonly FactoryPreset<T>[] } = {
  utility: [
    { name: 'Mono check', params: { mono: 1 } },
    { name: 'Wide', params: { width: 150 } },
    { name: 'Flip polarity', params: { invertLeft: 1, invertRight: 1 } },
  ],
  limiter: [
    { name: 'Streaming −1 dBTP', params: { ceilingDb: -1, releaseMs: 50 } },
    { name: 'Loud and fast', params: { ceilingDb: -0.3, releaseMs: 15 } },
    { name: 'Gentle safety', params: { ceilingDb: -2, releaseMs: 200 } },
  ],
  eq: [
    { name: 'Low cut 80 Hz', params: { hpOn: 1, hpHz: 80, hpSlope: 1 } },
    { name: 'Vocal presence', params: { hpOn: 1, hpHz: 100, hpSlope: 1, p2Hz: 300, p2GainDb: -2.5, p2Q: 1.2, p3Hz: 3500, p3GainDb: 3, p3Q: 0.9, hsHz: 12_000, hsGainDb: 2 } },
    { name: 'Kick punch', params: { p1Hz: 60, p1GainDb: 4, p1Q: 1.4, p2Hz: 350, p2GainDb: -5, p2Q: 1.5, p3Hz: 4000, p3GainDb: 3, p3Q: 2 } },
    { name: 'Telephone', params: { hpOn: 1, hpHz: 400, hpSlope: 2, lpOn: 1, lpHz: 3200, lpSlope: 2, p3Hz: 1500, p3GainDb: 6, p3Q: 1 } },
    { name: 'Air', params: { hsHz: 10_000, hsGainDb: 4 } },
  ],
  compressor: [
    { name: 'Drum bus glue', params: { thresholdDb: -18, ratio: 2, attackMs: 30, releaseMs: 100, kneeDb: 6, autoMakeup: 1 } },
    { name: 'Vocal', params: { thresholdDb: -22, ratio: 4, attackMs: 5, releaseMs: 80, kneeDb: 8, makeupDb: 4 } },
    { name: 'Bass even', params: { thresholdDb: -20, ratio: 5, attackMs: 10, releaseMs: 150, kneeDb: 4, autoMakeup: 1 } },
    { name: 'Sidechain pump', params: { thresholdDb: -30, ratio: 10, attackMs: 0.5, releaseMs: 180, kneeDb: 0, detectorHpOn: 1, detectorHpHz: 40 } },
  ],
  reverb: [
    { name: 'Small room', params: { size: 20, decayS: 0.6, damping: 50, preDelayMs: 5, mix: 20 } },
    { name: 'Hall', params: { size: 85, decayS: 3.2, damping: 35, preDelayMs: 25, mix: 30 } },
    { name: 'Plate', params: { size: 45, decayS: 1.8, damping: 10, preDelayMs: 10, mix: 25 } },
    { name: 'Send bus (100 % wet)', params: { size: 60, decayS: 2.2, damping: 30, preDelayMs: 15, mix: 100 } },
  ],
  delay: [
    { name: '1/8 ping-pong', params: { sync: 1, noteValue: noteValueIndex('1/8'), feedback: 40, pingPong: 1, mix: 30 } },
    { name: 'Dotted eighth', params: { sync: 1, noteValue: noteValueIndex('1/8D'), feedback: 35, mix: 25 } },
    { name: 'Slapback', params: { sync: 0, timeMs: 110, feedback: 0, filterOn: 1, highCutHz: 5000, mix: 25 } },
    { name: 'Dub quarter', params: { sync: 1, noteValue: noteValueIndex('1/4'), feedback: 70, lowCutHz: 300, highCutHz: 2500, mix: 35 } },
  ],
  saturation: [
    { name: 'Warm tape', params: { driveDb: 6, tone: -20, mix: 100 } },
    { name: 'Crunch', params: { driveDb: 18, tone: 10, mix: 100 } },
    { name: 'Parallel grit', params: { driveDb: 24, tone: 30, mix: 35 } },
  ],
  bitcrusher: [
    { name: '12-bit sampler', params: { bits: 12, downsample: 1.8, mix: 100 } },
    { name: 'Lo-fi', params: { bits: 8, downsample: 4, mix: 100 } },
    { name: 'Destroyed', params: { bits: 3, downsample: 12, mix: 70 } },
  ],
  filter: [
    { name: 'Low-pass sweep (1 bar)', params: { mode: 0, cutoffHz: 800, resonance: 40, lfoNote: noteValueIndex('1 bar'), lfoDepth: 2 } },
    { name: 'High-pass build', params: { mode: 1, cutoffHz: 300, resonance: 20 } },
    { name: 'Wah (1/4)', params: { mode: 2, cutoffHz: 1000, resonance: 70, lfoNote: noteValueIndex('1/4'), lfoDepth: 1.5 } },
  ],
  chorus: [
    { name: 'Subtle width', params: { rateHz: 0.4, depthMs: 3, voices: 1, width: 100, mix: 30 } },
    { name: 'Classic', params: { rateHz: 0.8, depthMs: 6, voices: 1, width: 80, mix: 50 } },
    { name: 'Lush four voices', params: { rateHz: 0.3, depthMs: 10, voices: 3, width: 100, feedback: 20, mix: 50 } },
  ],
};
