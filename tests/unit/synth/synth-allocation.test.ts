import { describe, expect, it } from 'vitest';
import { polyphonyChoices } from '../../../src/devices/instruments/synth';
import { BlockContext } from '../../../src/engine/devices/device-processor';
import { NoteEvents, noteEventKind } from '../../../src/engine/instruments/instrument-processor';
import { createSynthInstrument } from '../../../src/engine/instruments/synth-instrument';
import { scavengesDuring } from '../../support/garbage-collections';
import { BLOCK, RATE, synthParams, type SynthParams } from './synth-harness';

/** Every path at once: a stereo unison stack, a pulse, sub, noise, a driven 24 dB filter with its envelope, all four LFO targets, glide. */
const busy: SynthParams = {
  osc1Wave: 0,
  osc2Wave: 1,
  osc2Level: 60,
  unisonVoices: 2,
  unisonWidth: 100,
  subLevel: 40,
  subWave: 1,
  noiseLevel: 10,
  driveDb: 6,
  resonance: 50,
  cutoffHz: 900,
  filterEnvAmount: 3,
  keyTracking: 50,
  lfoPitch: 0.3,
  lfoFilter: 1,
  lfoPulseWidth: 20,
  lfoVolume: 30,
  glideMs: 40,
  attackMs: 3,
  decayMs: 80,
  sustain: 50,
  releaseMs: 60,
};

describe.each([
  ['poly, stealing (1 voice)', { ...busy, polyphony: polyphonyChoices.indexOf(1) }],
  ['legato, free LFO', { ...busy, voiceMode: 2, lfoSync: 0, lfoShape: 3 }],
])('synth instrument, %s', (_name, overrides) => {
  it('renders 100,000 blocks with notes starting and ending on odd frames without a young-generation garbage collection', async () => {
    const synth = createSynthInstrument(RATE);
    const params = synthParams(overrides);
    // The volume ramps inside every block (start ≠ end), as a smoothed knob would.
    params.start[params.count - 1] = -8;
    const events = new NoteEvents(16);
    const context = new BlockContext();
    const left = new Float32Array(BLOCK);
    const right = new Float32Array(BLOCK);
    const block = (i: number): void => {
      events.clear();
      if (i % 3 === 0) events.push((i * 37) % BLOCK, noteEventKind.on, 36 + ((i * 7) % 40), 0.5 + (i % 5) / 10);
      if (i % 3 === 1) events.push((i * 53) % BLOCK, noteEventKind.off, 36 + (((i - 31) * 7) % 40), 0);
      context.beat = i * (BLOCK / RATE) * 2;
      synth.process(left, right, params, events, BLOCK, context);
    };
    for (let i = 0; i < 10_000; i++) block(i);
    const runs: number[] = [];
    while (runs.length < 3 && !runs.includes(0)) {
      runs.push(
        await scavengesDuring(() => {
          for (let i = 0; i < 100_000; i++) block(i);
        }),
      );
    }
    expect(left.some((v) => v !== 0)).toBe(true);
    expect(runs).toContain(0);
  }, 300_000);
});
