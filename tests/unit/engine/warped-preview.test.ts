import { describe, expect, it } from 'vitest';
import { nextBeat } from '../../../src/engine/preview/next-beat';
import { statusSlots, type PreviewWarp } from '../../../src/protocol/engine';
import type { TempoChange } from '../../../src/model/project-schema';
import { Clock } from '../../../src/std/clock';
import { beats, hertz } from '../../../src/std/units';
import { engineWith, rate, render, status, timeline120 } from './engine-harness';

/** A loop of `count` beats (one bar by default) at `bpm` with a 2 ms click at the start of each beat (and nothing else). */
function clickLoop(bpm: number, count = 4): Float32Array {
  const beat = Math.round((60 / bpm) * rate);
  const loop = new Float32Array(beat * count);
  for (let b = 0; b < count; b++) for (let i = 0; i < 96; i++) loop[b * beat + i] = i % 2 === 0 ? 0.9 : -0.9;
  return loop;
}

/** Frames where a click starts: the first of a run above half its level after at least 1000 quiet frames. */
function onsets(channel: Float32Array): number[] {
  const found: number[] = [];
  let quiet = Infinity;
  channel.forEach((x, i) => {
    if (Math.abs(x) > 0.4) {
      if (quiet >= 1000) found.push(i);
      quiet = 0;
    } else quiet++;
  });
  return found;
}

const beatAt120 = rate / 2;
const inTime = (mode: PreviewWarp['mode'], transpose = 0): PreviewWarp => ({ mode, sourceTempo: 100, transpose });

describe('library preview in time', () => {
  it('starts a 100 BPM loop on the next beat of a 120 BPM song while the transport plays, and stretches it to 120 BPM', () => {
    const loop = clickLoop(100);
    const engine = engineWith({ p: { planes: [loop, loop] } }, []);
    render(engine, 10_000);
    engine.command({ type: 'preview', sampleId: 'p', gainDb: 0, warp: inTime('beats') });
    const [left, right] = render(engine, 6 * beatAt120);
    // Rendering resumed at timeline frame 10,000 (after 78 whole blocks plus part of one): the next beat is frame 24,000.
    const heard = onsets(left).map((frame) => frame + 10_000);
    expect(heard).toEqual([1, 2, 3, 4].map((beat) => beat * beatAt120));
    expect(onsets(right)).toEqual(onsets(left));
    // One pass of the bar lasts one bar at 120 BPM: four beats, not the 4 × 28,800 frames it has at 100 BPM.
    const last = left.findLastIndex((x) => x !== 0) + 10_000;
    expect(last).toBeGreaterThan(4 * beatAt120);
    expect(last).toBeLessThan(5 * beatAt120);
    expect(status(engine)[statusSlots.previewing]).toBe(0);
  });

  it('waits across the loop end for the first beat after the loop start', () => {
    const loop = clickLoop(100);
    const engine = engineWith({ p: { planes: [loop] } }, []);
    engine.command({ type: 'set-loop', loop: { start: 1, end: 2.5 } });
    engine.command({ type: 'seek', frame: 2.25 * beatAt120 });
    engine.command({ type: 'preview', sampleId: 'p', gainDb: 0, warp: inTime('tonal') });
    const [left] = render(engine, 2 * beatAt120);
    // The loop ends at 2.5 beats before the 3rd beat: the preview waits for beat 1, where the loop starts again.
    expect(left.subarray(0, 0.25 * beatAt120 - 1).every((x) => x === 0)).toBe(true);
    expect(onsets(left)[0]).toBeGreaterThanOrEqual(0.25 * beatAt120 - 64);
    expect(onsets(left)[0]).toBeLessThan(0.25 * beatAt120 + 256);
  });

  // The song's tempo map, not the tempo where the preview started: each click of the loop lands on
  // the frame the song's clock gives its beat (the metronome's frame), within 1 ms.
  const followsTheMap = (tempoChanges: TempoChange[], lastBeat: number) => {
    const loop = clickLoop(100, 8);
    const engine = engineWith({ p: { planes: [loop, loop] } }, [], timeline120, rate, { tempoChanges });
    render(engine, 10_000);
    engine.command({ type: 'preview', sampleId: 'p', gainDb: 0, warp: inTime('beats') });
    const clock = Clock.of({ tempo: timeline120.tempo, tempoChanges });
    const [left] = render(engine, clock.frameAt(beats(lastBeat + 1), hertz(rate)) - 10_000);
    const heard = onsets(left).map((frame) => frame + 10_000);
    const beatFrames = [1, 2, 3, 4, 5, 6, 7, 8].map((beat) => clock.frameAt(beats(beat), hertz(rate)));
    expect(heard).toHaveLength(8);
    heard.forEach((frame, i) => expect(Math.abs(frame - (beatFrames[i] as number))).toBeLessThanOrEqual(rate / 1000));
    return { heard, beatFrames };
  };

  it('follows a tempo step after it started: clicks after the step land on the song’s beats at the new tempo', () => {
    const { heard } = followsTheMap([{ beat: 3, bpm: 90, ramp: false }], 8);
    // At 90 BPM a beat lasts 32,000 frames, not the 24,000 of the tempo the preview started at.
    expect(heard[7]! - heard[6]!).toBeGreaterThan(31_900);
  });

  it('follows a tempo ramp: every click lands on the song’s beat while the tempo slides from 120 to 80 BPM', () => {
    const { heard } = followsTheMap([{ beat: 8, bpm: 80, ramp: true }], 8);
    expect(heard[7]! - heard[6]!).toBeGreaterThan(heard[1]! - heard[0]! + 5_000);
  });

  // A transport loop with a tempo change inside it: after each wrap the song plays the loop's
  // tempo again, and the preview goes on from where it was in its own beats at that tempo, so
  // every click still lands on the beat the transport (and its metronome) plays there, within 1 ms.
  const acrossWraps = (tempoChanges: TempoChange[]) => {
    const loop = clickLoop(100, 8);
    const engine = engineWith({ p: { planes: [loop, loop] } }, [], timeline120, rate, { tempoChanges });
    engine.command({ type: 'set-loop', loop: { start: 0, end: 4 } });
    const start = 10_000;
    render(engine, start);
    engine.command({ type: 'preview', sampleId: 'p', gainDb: 0, warp: inTime('beats') });
    const clock = Clock.of({ tempo: timeline120.tempo, tempoChanges });
    const at = (beat: number) => clock.frameAt(beats(beat), hertz(rate));
    const loopFrames = at(4) - at(0);
    // Output frames (from the preview command) of the beats heard: 1, 2, 3 of the first pass, then 0–3 of each pass after a wrap.
    const passBeats = (pass: number, list: number[]) => list.map((beat) => pass * loopFrames + at(beat) - start);
    const expected = [...passBeats(0, [1, 2, 3]), ...passBeats(1, [0, 1, 2, 3]), ...passBeats(2, [0])];
    const [left] = render(engine, (expected[7] as number) + at(1));
    const heard = onsets(left);
    expect(heard).toHaveLength(8);
    heard.forEach((frame, i) => expect(Math.abs(frame - (expected[i] as number))).toBeLessThanOrEqual(rate / 1000));
    return heard;
  };

  it('keeps the loop’s beats across transport loop wraps with a tempo step inside the loop', () => {
    const heard = acrossWraps([{ beat: 2, bpm: 90, ramp: false }]);
    // After the wrap the first two beats are at 120 BPM again (24,000 frames), not the 90 BPM the song has after the loop.
    expect(heard[4]! - heard[3]!).toBe(beatAt120);
  });

  it('keeps the loop’s beats across transport loop wraps with a tempo ramp that crosses the loop end', () => {
    const heard = acrossWraps([{ beat: 8, bpm: 60, ramp: true }]);
    expect(heard[4]! - heard[3]!).toBeLessThan(heard[3]! - heard[2]!);
  });

  it('starts at once while the transport is stopped, and a one-shot starts at once whatever it does', () => {
    const loop = clickLoop(100);
    const stopped = engineWith({ p: { planes: [loop] } }, []);
    stopped.command({ type: 'stop' });
    render(stopped, 10_000);
    stopped.command({ type: 'preview', sampleId: 'p', gainDb: 0, warp: inTime('beats') });
    expect(onsets(render(stopped, beatAt120)[0])[0]).toBe(0);
    const playing = engineWith({ p: { planes: [loop] } }, []);
    render(playing, 10_000);
    playing.command({ type: 'preview', sampleId: 'p', gainDb: 0 });
    expect(onsets(render(playing, beatAt120)[0])[0]).toBe(0);
  });

  it('stops a waiting preview when told, and a new preview replaces the old', () => {
    const loop = clickLoop(100);
    const engine = engineWith({ p: { planes: [loop] } }, []);
    render(engine, 10_000);
    engine.command({ type: 'preview', sampleId: 'p', gainDb: 0, warp: inTime('beats') });
    expect(status(engine)[statusSlots.previewing]).toBe(1);
    engine.command({ type: 'preview', sampleId: null, gainDb: 0 });
    expect(status(engine)[statusSlots.previewing]).toBe(0);
    expect(render(engine, 2 * beatAt120)[0].every((x) => x === 0)).toBe(true);
  });
});

describe('nextBeat', () => {
  const clock = Clock.of({ tempo: timeline120.tempo });

  it('counts to the next beat, and is 0 on a beat', () => {
    expect(nextBeat(clock, 10_000, 0, null, rate).wait).toBe(14_000);
    expect(nextBeat(clock, 24_000, 0, null, rate).wait).toBe(0);
    expect(nextBeat(clock, 24_001, 0, null, rate).wait).toBe(23_999);
  });

  it('counts from the frame heard now, behind the lookahead', () => {
    expect(nextBeat(clock, 24_100, 300, null, rate).wait).toBe(200);
  });

  it('follows the meter: in 6/8 a beat is an eighth note', () => {
    const sixEight = Clock.of({ tempo: 120, timeSignature: [6, 8] });
    // Eighth notes every 12,000 frames at 120 BPM: from 13,000 the next is 24,000.
    expect(nextBeat(sixEight, 13_000, 0, null, rate).wait).toBe(11_000);
  });

  it('runs across the loop end to the first beat after the loop start', () => {
    const loop = { start: 0.5 * beatAt120, end: 3.5 * beatAt120 };
    expect(nextBeat(clock, 3.25 * beatAt120, 0, loop, rate).wait).toBe(0.25 * beatAt120 + 0.5 * beatAt120);
    expect(nextBeat(clock, 3.25 * beatAt120, 0, loop, rate).frame).toBe(beatAt120);
    // Past the loop's end the transport does not wrap: the next beat as usual.
    expect(nextBeat(clock, 3.75 * beatAt120, 0, loop, rate).wait).toBe(0.25 * beatAt120);
  });
});
