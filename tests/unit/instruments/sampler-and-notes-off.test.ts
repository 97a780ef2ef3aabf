import { describe, expect, it } from 'vitest';
import { engineWith, render, type Song } from '../engine/engine-harness';
import { drumTrack, hits, noteClip, pattern, samplerTrack, sourcesOf } from './instrument-tracks';

const rate = 48_000;
const song: Song = { tempo: 120, beatsPerBar: 4, beatUnit: 4, masterGainDb: 0 };
const sine = (hz: number, seconds: number) => Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));

/** Frequency from the first to the last rising zero crossing in [from, to), crossings placed by linear interpolation. */
function frequency(signal: Float32Array, from: number, to: number): number {
  const crossings: number[] = [];
  for (let i = from + 1; i < to; i++) {
    const a = signal[i - 1] as number;
    const b = signal[i] as number;
    if (a < 0 && b >= 0) crossings.push(i - 1 + a / (a - b));
  }
  const first = crossings[0] as number;
  const last = crossings[crossings.length - 1] as number;
  return ((crossings.length - 1) * rate) / (last - first);
}

const cents = (measured: number, expected: number) => 1200 * Math.log2(measured / expected);

/** A sampler on a 2 s, 440 Hz sine (root A4 = 69) playing `pitch` for the first two beats. */
function samplerPlaying(pitch: number, params: Record<string, number> = {}) {
  const zone = { source: 'a440', rootNote: 69, start: 0, end: 2, loopStart: 0.5, loopEnd: 1.5, slices: [] };
  const tracks = [samplerTrack('t1', zone, [noteClip('n1', 'p1', 0, 4)], params)];
  const extra = { sources: sourcesOf('a440'), patterns: { p1: pattern(4, [{ pitch, start: 0, length: 2, velocity: 1 }]) } };
  return engineWith({ a440: { planes: [sine(440, 2)] } }, tracks, song, rate, extra);
}

describe('the sampler', () => {
  it('plays A4 at 440 Hz and A5 at 880 Hz from an A4 root, within 0.1 cent', () => {
    const [a4] = render(samplerPlaying(69), rate);
    expect(Math.abs(cents(frequency(a4, 4800, 43_200), 440))).toBeLessThan(0.1);
    const [a5] = render(samplerPlaying(81), rate);
    expect(Math.abs(cents(frequency(a5, 4800, 43_200), 880))).toBeLessThan(0.1);
    const [e5] = render(samplerPlaying(76), rate);
    expect(Math.abs(cents(frequency(e5, 4800, 43_200), 440 * Math.pow(2, 7 / 12)))).toBeLessThan(0.1);
  });

  it('fine-tunes in cents', () => {
    const [tuned] = render(samplerPlaying(69, { fineTuneCents: 25 }), rate);
    expect(cents(frequency(tuned, 4800, 43_200), 440)).toBeCloseTo(25, 1);
  });

  it('releases at the note end and on stop: nothing keeps sounding', () => {
    // A looped zone would sound forever if a note hung.
    const engine = samplerPlaying(69, { loop: 1, ampReleaseMs: 10 });
    const [playing] = render(engine, rate / 2);
    expect(Math.max(...playing.subarray(rate / 4, rate / 2).map(Math.abs))).toBeGreaterThan(0.3);
    engine.command({ type: 'stop' });
    const [after] = render(engine, rate / 10);
    expect(Math.max(...after.subarray(rate / 50).map(Math.abs))).toBe(0);
    // The note's own end (beat 2 = 1 s) releases it while playing on.
    const ended = samplerPlaying(69, { loop: 1, ampReleaseMs: 10 });
    const [whole] = render(ended, Math.round(1.2 * rate));
    expect(Math.max(...whole.subarray(Math.round(1.05 * rate)).map(Math.abs))).toBe(0);
  });

  it('releases everything on a seek', () => {
    const engine = samplerPlaying(69, { loop: 1, ampReleaseMs: 10 });
    render(engine, rate / 2);
    engine.command({ type: 'seek', frame: 3 * rate });
    const [after] = render(engine, rate / 10);
    expect(Math.max(...after.subarray(rate / 50).map(Math.abs))).toBe(0);
  });
});

describe('live notes', () => {
  it('play on the next block, stopped or playing, until released with velocity 0', () => {
    const tracks = [drumTrack('t1', { 0: 'kick' }, [])];
    const engine = engineWith({ kick: { planes: [Float32Array.of(1, 1, 1, 1)] } }, tracks, song, rate, { sources: sourcesOf('kick') });
    engine.command({ type: 'stop' });
    render(engine, 256);
    engine.command({ type: 'live-note', track: 't1', pitch: 36, velocity: 0.5 });
    const [left] = render(engine, 128);
    expect(left[0]).toBeCloseTo(0.5, 3);
    engine.command({ type: 'live-note', track: 'nope', pitch: 36, velocity: 1 });
    const [none] = render(engine, 128);
    expect(Math.max(...none.map(Math.abs))).toBe(0);
  });

  it('the drum machine chokes a pad by another of its group, and plays pads reversed and pitched', () => {
    const open = Float32Array.from({ length: 4800 }, () => 1);
    const tracks = [drumTrack('t1', { 0: 'hat', 1: 'hat', 2: 'click' }, [noteClip('n1', 'p1', 0, 4)], { 0: { choke: 1 }, 1: { choke: 1, gainDb: -6 }, 2: { reverse: 1, pitch: 12 } })];
    const extra = { sources: sourcesOf('hat', 'click'), patterns: { p1: pattern(4, [...hits(36, [0]), ...hits(37, [0.05])]) } };
    const engine = engineWith({ hat: { planes: [open] }, click: { planes: [Float32Array.of(0.25, 0, 0, 0, 0, 0, 0, 0.75)] } }, tracks, song, rate, extra);
    const [left] = render(engine, 4800);
    const choked = Math.round(0.05 * 0.5 * rate);
    // Before the second hat: the first at full level; well after it: only the second (−6 dB).
    expect(left[choked - 10]).toBeCloseTo(1, 2);
    expect(left[choked + 1000]).toBeCloseTo(Math.pow(10, -6 / 20), 2);
    engine.command({ type: 'live-note', track: 't1', pitch: 38, velocity: 1 });
    const [reversed] = render(engine, 8);
    // Reversed and an octave up: the last sample first, then every second one (7, 5, 3, 1), over the second hat's 0.5.
    expect(Array.from(reversed.subarray(0, 5), (x) => Math.round((x - 0.5) * 100) / 100 + 0)).toEqual([0.75, 0, 0, 0, 0]);
  });
});
