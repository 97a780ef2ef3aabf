import { describe, expect, it } from 'vitest';
import { polyphonyChoices, synthPresets } from '../../../src/devices/instruments/synth';
import { SynthPatch } from '../../../src/dsp/synth/synth-patch';
import { VoiceScratch } from '../../../src/dsp/synth/synth-voice';
import { MAX_POLYPHONY, VoiceAllocator, voiceModeIndex } from '../../../src/dsp/synth/voice-allocator';
import { sharedWavetables } from '../../../src/dsp/synth/wavetable';
import { createSynthInstrument, STEAL_FADE_MS } from '../../../src/engine/instruments/synth-instrument';
import { RATE, renderNotes, synthParams, type TestNote } from './synth-harness';

const sine = 3;
const FADE_FRAMES = (STEAL_FADE_MS * RATE) / 1000;

/** The largest sample-to-sample step in `signal[from, to)`. */
function largestStep(signal: Float32Array, from: number, to: number): number {
  let step = 0;
  for (let i = Math.max(1, from); i < to; i++) step = Math.max(step, Math.abs((signal[i] as number) - (signal[i - 1] as number)));
  return step;
}

/** Runs an allocator's voices for `frames` (block by block), as the instrument does. */
function run(allocator: VoiceAllocator, patch: SynthPatch, frames: number): void {
  const scratch = new VoiceScratch(128);
  const left = new Float32Array(128);
  const right = new Float32Array(128);
  const lfo = new Float64Array(16);
  for (let done = 0; done < frames; done += 128) for (const voice of allocator.voices) if (voice.active) voice.render(patch, sharedWavetables(), lfo, scratch, left, right, 0, 128);
}

describe('voice stealing', () => {
  it('never clicks: a note stolen mid-cycle fades out over 3 ms (no step above 0.01 on a 0.5 sine; a hard cut steps ~0.35)', () => {
    // A 55 Hz sine steps at most 2π·55/48000·0.5 ≈ 0.0036 per sample by itself.
    const params = synthParams({ osc1Wave: sine, polyphony: polyphonyChoices.indexOf(1), attackMs: 5, sustain: 100, velocity: 0, gainDb: -6 });
    const stealAt = 24_000 + 91;
    const notes: TestNote[] = [
      { pitch: 33, on: 0 },
      { pitch: 40, on: stealAt },
    ];
    const [left] = renderNotes(createSynthInstrument(RATE), notes, 36_000, params);
    expect(largestStep(left, 200, 36_000)).toBeLessThan(0.01);
    // The stolen note sits near a peak at the steal (so a cut would click)…
    expect(Math.abs(left[stealAt - 1] as number)).toBeGreaterThan(0.3);
    // …and is gone after the fade: from then on the output is the new note alone.
    const [alone] = renderNotes(createSynthInstrument(RATE), [{ pitch: 40, on: stealAt }], 36_000, params);
    for (let i = stealAt + FADE_FRAMES + 1; i < 36_000; i++) expect(left[i]).toBe(alone[i]);
  });

  it('never clicks under pressure: 200 held notes through 32 voices (168 steals at full level), no step beyond the notes’ own slopes', () => {
    const params = synthParams({ osc1Wave: sine, attackMs: 5, sustain: 100, releaseMs: 400, velocity: 0, gainDb: -36 });
    const notes: TestNote[] = Array.from({ length: 200 }, (_, n) => ({ pitch: 24 + ((n * 7) % 24), on: 100 + n * 331 }));
    const [left] = renderNotes(createSynthInstrument(RATE), notes, 70_000, params);
    // 32 sines of amplitude a at ≤ 98 Hz step at most 32·2π·98/fs·a per frame; one attack (a/240) and one fade of at least 2 ms (a/96) at a time.
    const amplitude = 10 ** (-36 / 20);
    const bound = amplitude * (32 * ((2 * Math.PI * 98) / RATE) + 1 / 240 + 1 / 96);
    expect(largestStep(left, 1, 70_000)).toBeLessThan(bound);
  });
});

describe('voice allocation', () => {
  const patch = new SynthPatch();
  patch.ampEnvelope.sustain = 1;
  const full = Float32Array.of(1);

  it.each([
    [32, 64, 32],
    [64, 64, 64],
    [128, 128, 128],
  ])('polyphony %i, %i notes requested: %i sound, the newest', (polyphony, requested, sounding) => {
    const allocator = new VoiceAllocator(RATE, FADE_FRAMES, patch);
    for (let n = 0; n < requested; n++) allocator.noteOn(n, full, 0, polyphony, voiceModeIndex.poly, patch);
    run(allocator, patch, 1024);
    const pitches = allocator.voices.filter((voice) => voice.active).map((voice) => voice.pitch);
    expect(pitches.length).toBe(sounding);
    expect(Math.min(...pitches)).toBe(requested - sounding);
  });

  it('steals a released note before a held one, the quietest first', () => {
    const allocator = new VoiceAllocator(RATE, FADE_FRAMES, patch);
    patch.ampEnvelope.releaseFrames = RATE;
    for (let n = 0; n < 4; n++) allocator.noteOn(60 + n, full, 0, 4, voiceModeIndex.poly, patch);
    run(allocator, patch, 256);
    allocator.noteOff(62, voiceModeIndex.poly, patch);
    run(allocator, patch, 256);
    allocator.noteOn(70, full, 0, 4, voiceModeIndex.poly, patch);
    run(allocator, patch, 512);
    expect(allocator.voices.filter((voice) => voice.active).map((voice) => voice.pitch).sort()).toEqual([60, 61, 63, 70]);
  });

  it('frees a held note whose envelope has decayed to a sustain of 0 (a held pluck costs nothing once silent)', () => {
    const pluck = new SynthPatch();
    pluck.ampEnvelope.attackFrames = 48;
    pluck.ampEnvelope.decayFrames = 480;
    pluck.ampEnvelope.sustain = 0;
    const allocator = new VoiceAllocator(RATE, FADE_FRAMES, pluck);
    for (let n = 0; n < 8; n++) allocator.noteOn(60 + n, full, 0, 32, voiceModeIndex.poly, pluck);
    run(allocator, pluck, 256);
    expect(allocator.activeCount()).toBe(8);
    run(allocator, pluck, 512);
    expect(allocator.activeCount()).toBe(0);
  });

  it('offers 128 voices at most, and 64 requested of a 128-voice synth all sound', () => {
    expect(MAX_POLYPHONY).toBe(128);
    const allocator = new VoiceAllocator(RATE, FADE_FRAMES, patch);
    for (let n = 0; n < 64; n++) allocator.noteOn(n, full, 0, 128, voiceModeIndex.poly, patch);
    expect(allocator.activeCount()).toBe(64);
  });

  it('mono play returns to the key still held when the last one is released (legato, no retrigger)', () => {
    const [left] = renderNotes(
      createSynthInstrument(RATE),
      [
        { pitch: 57, on: 0, off: 40_000 },
        { pitch: 69, on: 10_000, off: 20_000 },
      ],
      40_000,
      synthParams({ osc1Wave: sine, voiceMode: 2 }),
    );
    const zeroCrossings = (from: number, to: number) => {
      let count = 0;
      for (let i = from + 1; i < to; i++) if ((left[i - 1] as number) < 0 && (left[i] as number) >= 0) count++;
      return count;
    };
    // 0.1 s of A3 (220 Hz) ≈ 22 cycles; of A4 ≈ 44; back to A3 after the A4 key is released.
    expect(zeroCrossings(4800, 9600)).toBeCloseTo(22, -0.5);
    expect(zeroCrossings(14_400, 19_200)).toBeCloseTo(44, -0.5);
    expect(zeroCrossings(28_800, 33_600)).toBeCloseTo(22, -0.5);
  });
});

describe('determinism', () => {
  const notes: TestNote[] = Array.from({ length: 40 }, (_, n) => ({ pitch: 40 + ((n * 5) % 30), on: n * 977, off: n * 977 + 7000, velocity: 0.3 + (n % 7) / 10 }));

  it.each(synthPresets.map((preset) => [preset.name, preset.params] as const))('%s: two synths, and one after reset(), render the same bits', (_name, preset) => {
    const params = synthParams({ ...preset, noiseLevel: 20, lfoVolume: 30 });
    const first = createSynthInstrument(RATE);
    const [l1, r1] = renderNotes(first, notes, 60_000, params);
    const [l2, r2] = renderNotes(createSynthInstrument(RATE), notes, 60_000, params);
    first.reset();
    const [l3, r3] = renderNotes(first, notes, 60_000, params);
    expect(l1.some((v) => v !== 0)).toBe(true);
    for (const [l, r] of [
      [l2, r2],
      [l3, r3],
    ] as const) {
      expect(Buffer.from(l.buffer).equals(Buffer.from(l1.buffer))).toBe(true);
      expect(Buffer.from(r.buffer).equals(Buffer.from(r1.buffer))).toBe(true);
    }
  });
});
