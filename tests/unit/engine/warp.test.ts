import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import type { EngineClip, EngineWarp } from '../../../src/protocol/engine';
import { Clock } from '../../../src/std/clock';
import { beats, hertz } from '../../../src/std/units';
import { fitSine, peakFrequency, sine } from '../dsp/signal-analysis';
import { clip, engineWith, rate, render, track } from './engine-harness';

const cents = (measured: number, expected: number) => 1200 * Math.log2(measured / expected);

/** An engine at 120 BPM playing `clips` (engine clips, so format v4 fields can be set) on one track. */
function playing(planes: Float32Array[], clips: EngineClip[], sampleRate = rate): Engine {
  const engine = engineWith({ s: { sampleRate, planes } }, [track('t', [clip('s')])]);
  engine.command({ type: 'set-clips', trackId: 't', clips });
  return engine;
}

function warped(warp: Partial<EngineWarp> & Pick<EngineWarp, 'mode'>, fields: Partial<EngineClip> = {}): EngineClip {
  return { id: 'w', sampleId: 's', start: 0, length: 8, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, ...fields, warp: { sourceTempo: 120, markers: [], ...warp } };
}

/** Frames of a beat at 120 BPM. */
const beatFrames = rate / 2;

/**
 * Where to measure a pitch: tonal mode, over 65,536 frames from `from`; beats mode, inside one
 * sixteenth-note slice (from the one at or after `from`), where a slice plays its source
 * unbroken (the cross-fades between slices are not pitch).
 */
function window(mode: 'tonal' | 'beats', from: number): [number, number] {
  if (mode === 'tonal') return [from, 65_536];
  const slot = beatFrames / 4;
  return [Math.ceil(from / slot) * slot + 600, 4096];
}

describe('warped clips', () => {
  // Source tempo 120 × factor played at 120 BPM: the clip lasts `factor` times its source.
  describe.each(['tonal', 'beats'] as const)('%s mode', (mode) => {
    it.each([0.5, 0.8, 1.25, 2])('keeps a 440 Hz sine at 440 Hz within 1 cent when warped %s× and ends on its exact frame', (factor) => {
      const tone = sine(440, 44_100, 44_100 * 3);
      const length = 5.3;
      const engine = playing([tone, tone], [warped({ mode, sourceTempo: 120 * factor }, { start: 0.5, length, loop: true })], 44_100);
      const end = Math.round((0.5 + length) * beatFrames);
      const [left] = render(engine, end + 2000);
      expect(Math.abs(cents(peakFrequency(left, rate, ...window(mode, 0.5 * beatFrames + 14_000)), 440))).toBeLessThan(1);
      expect(left[0.5 * beatFrames - 1]).toBe(0);
      expect(left[end - 1]).not.toBe(0);
      expect(left.subarray(end).every((x) => x === 0)).toBe(true);
    });

    it('transposes +7 semitones to 659.26 Hz within 1 cent, tempo unchanged', () => {
      const tone = sine(440, rate, rate * 3);
      const engine = playing([tone, tone], [warped({ mode, sourceTempo: 100 }, { length: 8, transpose: 7 })]);
      const [left] = render(engine, 8 * beatFrames);
      expect(Math.abs(cents(peakFrequency(left, rate, ...window(mode, 16_384)), 659.2551))).toBeLessThan(1);
    });

    it('renders the same samples across a transport loop wrap, seeks and ragged blocks as an uninterrupted play', () => {
      let state = 11;
      const source = Float32Array.from({ length: rate * 2 }, (_, i) => {
        state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
        return 0.4 * Math.sin(i / 13) * (i % 9000 < 300 ? 2 : 1) + 0.1 * (state / 2 ** 32 - 0.5);
      });
      const clips = [warped({ mode, sourceTempo: 93, markers: [{ source: 0.5, beat: 0.9 }, { source: 1.2, beat: 1.5 }] }, { start: 0.25, length: 12, loop: true, offset: 0.1, transpose: -2, detune: 30 })];
      const [whole] = render(playing([source, source.map((x) => x * 0.5)], clips), 10 * beatFrames);
      let seed = 5;
      const [raggedly] = render(playing([source, source.map((x) => x * 0.5)], clips), 10 * beatFrames, () => {
        seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
        return 1 + (seed % 128);
      });
      expect(raggedly).toEqual(whole);
      const looped = playing([source, source.map((x) => x * 0.5)], clips);
      looped.command({ type: 'set-loop', loop: { start: 3, end: 7.3 } });
      looped.command({ type: 'seek', frame: 5 * beatFrames });
      const loopStart = 3 * beatFrames;
      const loopEnd = Math.round(7.3 * beatFrames);
      const [wrapped] = render(looped, loopEnd - 5 * beatFrames + (loopEnd - loopStart) + 500);
      expect(wrapped.subarray(0, loopEnd - 5 * beatFrames)).toEqual(whole.subarray(5 * beatFrames, loopEnd));
      const afterWrap = wrapped.subarray(loopEnd - 5 * beatFrames);
      expect(afterWrap.subarray(0, 20_000)).toEqual(whole.subarray(loopStart, loopStart + 20_000));
    });
  });

  it('beats mode puts every click of a 137 BPM click track warped to 120 BPM within 1 ms of the grid over 32 bars', () => {
    const sourceBeat = (60 / 137) * rate;
    const clicks = new Float32Array(Math.ceil(128 * sourceBeat) + 100);
    for (let k = 0; k < 128; k++) {
      const at = Math.round(k * sourceBeat);
      for (let i = 0; i < 48; i++) clicks[at + i] = 0.8 * Math.exp(-i / 8) * (i % 2 ? -1 : 1);
    }
    const engine = playing([clicks], [warped({ mode: 'beats', sourceTempo: 137 }, { length: 128 })]);
    const [left] = render(engine, 128 * beatFrames + 1000);
    const heard: number[] = [];
    for (let i = 0; i < left.length; i++) if (Math.abs(left[i] as number) > 0.3 && i - (heard.at(-1) ?? -1e9) > 2000) heard.push(i);
    expect(heard).toHaveLength(128);
    const worstMs = Math.max(...heard.map((frame, k) => (Math.abs(frame - k * beatFrames) / rate) * 1000));
    expect(worstMs).toBeLessThan(1);
  });

  it('follows the tempo map: a beats-mode click track lands on each beat of a song with a tempo jump and a ramp, within 1 ms', () => {
    const sourceBeat = (60 / 137) * rate;
    const clicks = new Float32Array(Math.ceil(40 * sourceBeat) + 100);
    for (let k = 0; k < 40; k++) {
      const at = Math.round(k * sourceBeat);
      for (let i = 0; i < 48; i++) clicks[at + i] = 0.8 * Math.exp(-i / 8) * (i % 2 ? -1 : 1);
    }
    const timeline = { tempo: 120, timeSignature: [4, 4] as const, meterChanges: [], tempoChanges: [{ beat: 8, bpm: 90, ramp: false }, { beat: 24, bpm: 150, ramp: true }] };
    const engine = playing([clicks], [warped({ mode: 'beats', sourceTempo: 137 }, { length: 36 })]);
    engine.command({ type: 'set-timeline', timeline });
    engine.command({ type: 'seek', frame: 0 });
    const clock = Clock.of(timeline);
    const end = clock.frameAt(beats(36), hertz(rate));
    const [left] = render(engine, end);
    const heard: number[] = [];
    for (let i = 0; i < left.length; i++) if (Math.abs(left[i] as number) > 0.3 && i - (heard.at(-1) ?? -1e9) > 2000) heard.push(i);
    expect(heard).toHaveLength(36);
    const worstMs = Math.max(...heard.map((frame, k) => (Math.abs(frame - clock.frameAt(beats(k), hertz(rate))) / rate) * 1000));
    expect(worstMs).toBeLessThan(1);
  });

  it('repitch mode plays at tempo ÷ source tempo, pitch and all', () => {
    const tone = sine(440, rate, rate * 4);
    const engine = playing([tone, tone], [warped({ mode: 'repitch', sourceTempo: 100 })]);
    const [left] = render(engine, 8 * beatFrames);
    expect(Math.abs(cents(peakFrequency(left, rate, 4096, 65_536), 440 * 1.2))).toBeLessThan(1);
    expect(fitSine(left, 528, rate, 4096, 70_000).thdPlusNoiseDb).toBeLessThan(-90);
  });
});
