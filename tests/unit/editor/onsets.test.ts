import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectOnsets, onsetsFromPeaks } from '../../../src/analysis/onsets';
import { waveformPeaks } from '../../../src/analysis/waveform-peaks';
import { decodeAudio } from '../../../src/codecs/decode';

const rate = 44_100;

/** Decaying noise bursts (deterministic) at the given times, over a faint hum. */
function clicks(times: readonly number[], seconds: number): Float32Array {
  const pcm = new Float32Array(Math.round(seconds * rate));
  let seed = 1;
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 1_073_741_824 - 1;
  };
  for (let i = 0; i < pcm.length; i++) pcm[i] = 0.01 * Math.sin((2 * Math.PI * 110 * i) / rate);
  for (const t of times) {
    const start = Math.round(t * rate);
    for (let i = 0; i < 0.08 * rate && start + i < pcm.length; i++) pcm[start + i] = (pcm[start + i] ?? 0) + 0.8 * noise() * Math.exp(-i / (0.01 * rate));
  }
  return pcm;
}

/** The faint hum starts at 0, which a detector may or may not call an onset; drop that one. */
function withoutStart(onsets: number[]): number[] {
  expect(onsets.filter((t) => t < 0.1).length).toBeLessThanOrEqual(1);
  return onsets.filter((t) => t >= 0.1);
}

const times = [0.25, 0.5, 0.9, 1.3, 1.45, 2.0, 2.6];

describe('detectOnsets (spectral flux)', () => {
  it('finds every synthetic click within 12 ms, and nothing else', () => {
    const onsets = withoutStart(detectOnsets([clicks(times, 3)], rate));
    expect(onsets).toHaveLength(times.length);
    onsets.forEach((t, i) => expect(Math.abs(t - (times[i] ?? 0))).toBeLessThan(0.012));
  });

  it('keeps the minimum gap between onsets', () => {
    const onsets = detectOnsets([clicks([0.5, 0.52, 1], 1.5)], rate, { minGapSeconds: 0.1 });
    expect(onsets).toHaveLength(2);
  });

  it('finds nothing in silence or a steady tone', () => {
    expect(detectOnsets([new Float32Array(rate)], rate)).toEqual([]);
    expect(detectOnsets([], rate)).toEqual([]);
  });

  it('finds a plausible number of hits in the amen break (137 BPM, one bar of drums)', async () => {
    const file = path.resolve(import.meta.dirname, '../../../../shared/fixtures/sample-pack/Loops/amen_break_137bpm.wav');
    const audio = await decodeAudio(new Uint8Array(await readFile(file)), 'amen_break_137bpm.wav');
    const seconds = (audio.channels[0]?.length ?? 0) / audio.sampleRate;
    const onsets = detectOnsets(audio.channels, audio.sampleRate);
    // One bar (1.75 s): the ride on every eighth (8) plus the kicks and snares between, at most
    // one per sixteenth (16).
    expect(seconds).toBeCloseTo((4 * 60) / 137, 1);
    expect(onsets.length).toBeGreaterThanOrEqual(8);
    expect(onsets.length).toBeLessThanOrEqual(16);
    expect(onsets[0]).toBeLessThan(0.03);
    // Onsets sit near the sixteenth-note grid of 137 BPM.
    const sixteenth = 60 / 137 / 4;
    const offGrid = onsets.filter((t) => {
      const phase = (t / sixteenth) % 1;
      return Math.min(phase, 1 - phase) * sixteenth > 0.035;
    });
    expect(offGrid.length / onsets.length).toBeLessThan(0.2);
    expect(onsets.at(-1)).toBeLessThan(seconds);

    // The peaks thumbnail the renderer holds gives a similar count.
    const frames = audio.channels[0]?.length ?? 0;
    const fromPeaks = onsetsFromPeaks(waveformPeaks(audio.channels, Math.ceil(frames / 64)), seconds);
    expect(fromPeaks.length).toBeGreaterThanOrEqual(onsets.length * 0.6);
    expect(fromPeaks.length).toBeLessThanOrEqual(onsets.length * 1.5);
    console.info(`amen: ${seconds.toFixed(2)} s, ${onsets.length} onsets (PCM), ${fromPeaks.length} (peaks)`);
  });
});

describe('onsetsFromPeaks', () => {
  it('finds the synthetic clicks from a min/max thumbnail within two buckets', () => {
    const pcm = clicks(times, 3);
    const buckets = Math.ceil(pcm.length / 64);
    const onsets = withoutStart(onsetsFromPeaks(waveformPeaks([pcm], buckets), 3));
    expect(onsets).toHaveLength(times.length);
    onsets.forEach((t, i) => expect(Math.abs(t - (times[i] ?? 0))).toBeLessThan(0.006));
  });

  it('is empty for silence or nonsense input', () => {
    expect(onsetsFromPeaks(new Int8Array(100), 1)).toEqual([]);
    expect(onsetsFromPeaks(new Int8Array(0), 1)).toEqual([]);
    expect(onsetsFromPeaks(new Int8Array(10).fill(50), 0)).toEqual([]);
  });
});
