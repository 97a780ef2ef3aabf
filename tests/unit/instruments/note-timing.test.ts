import { describe, expect, it } from 'vitest';
import { type Engine } from '../../../src/engine/engine';
import { ProjectSchema } from '../../../src/model/project-schema';
import { engineWith, nonZero, projectOf, render, type Song } from '../engine/engine-harness';
import { drumTrack, hits, noteClip, pattern, sourcesOf } from './instrument-tracks';

const rate = 48_000;
const impulse = { planes: [Float32Array.of(1)] };
const song = (tempo: number): Song => ({ tempo, beatsPerBar: 4, beatUnit: 4, masterGainDb: 0 });
const frameAt = (beat: number, tempo: number) => Math.round(((beat * 60) / tempo) * rate);

/** A one-sample kick on pad 0 (pitch 36) playing `notes` in one clip; the engine playing from 0. */
function kickEngine(tempo: number, beats: readonly number[], patternFields = {}, clipFields = {}, patternLength = 4, clipLength = 4, extra = {}): Engine {
  const tracks = [drumTrack('t1', { 0: 'kick' }, [noteClip('n1', 'p1', 0, clipLength, clipFields)])];
  const fields = { sources: sourcesOf('kick'), patterns: { p1: pattern(patternLength, hits(36, beats), patternFields) }, ...extra };
  expect(ProjectSchema.safeParse(projectOf(tracks, song(tempo), fields)).success).toBe(true);
  return engineWith({ kick: impulse }, tracks, song(tempo), rate, fields);
}

describe('note clips play on the exact sample', () => {
  for (const tempo of [120, 137, 93.7, 174]) {
    it(`at ${tempo} BPM`, () => {
      const beats = [0, 1, 1.75, 2.5, 3.125];
      const [left, right] = render(kickEngine(tempo, beats), frameAt(4, tempo));
      expect(nonZero(left)).toEqual(beats.map((beat) => frameAt(beat, tempo)));
      expect(nonZero(right)).toEqual(nonZero(left));
    });
  }

  it('in any block sizes, bit for bit', () => {
    const beats = [0, 0.5, 1.25, 2, 3.75];
    const whole = render(kickEngine(131, beats), frameAt(4, 131));
    let n = 0;
    const sizes = [1, 7, 128, 64, 33, 100, 3];
    const odd = render(kickEngine(131, beats), frameAt(4, 131), () => sizes[n++ % sizes.length] as number);
    expect(odd[0]).toEqual(whole[0]);
  });

  it('moves odd sixteenths by exactly the swing, and leaves the rest (and triplet grids) alone', () => {
    const tempo = 120;
    const beats = [0, 0.25, 0.5, 0.75, 1.5];
    const [swung] = render(kickEngine(tempo, beats, { swing: 66 }), frameAt(4, tempo));
    const late = (66 - 50) / 50 / 4;
    expect(nonZero(swung)).toEqual([0, 0.25 + late, 0.5, 0.75 + late, 1.5].map((beat) => frameAt(beat, tempo)));
    // The song's swing applies when the pattern has none; 1/8 steps swing eighths only.
    const [songSwing] = render(kickEngine(tempo, [0, 0.25, 0.5, 1.5], { stepGrid: { division: '1/8', rowSteps: {} } }, {}, 4, 4, { swing: 75 }), frameAt(4, tempo));
    expect(nonZero(songSwing)).toEqual([0, 0.25, 0.5 + 0.25, 1.5 + 0.25].map((beat) => frameAt(beat, tempo)));
    const [triplets] = render(kickEngine(tempo, [0, 1 / 3, 2 / 3], { swing: 75, stepGrid: { division: '1/8T', rowSteps: {} } }), frameAt(4, tempo));
    expect(nonZero(triplets)).toEqual([0, 1 / 3, 2 / 3].map((beat) => frameAt(beat, tempo)));
  });

  it('loops the pattern from its offset to fill the clip, and plays a one-shot clip once', () => {
    const tempo = 120;
    const [looped] = render(kickEngine(tempo, [0, 1, 3], {}, { loop: true, offset: 1 }, 4, 10), frameAt(11, tempo));
    // From pattern beat 1: 1→0, 3→2, then each pass 4 beats later; the clip ends at beat 10.
    expect(nonZero(looped)).toEqual([0, 2, 3, 4, 6, 7, 8].map((beat) => frameAt(beat, tempo)));
    const [once] = render(kickEngine(tempo, [0, 1, 3], {}, {}, 4, 10), frameAt(11, tempo));
    expect(nonZero(once)).toEqual([0, 1, 3].map((beat) => frameAt(beat, tempo)));
  });

  it('ratchets a note evenly over its length', () => {
    const tempo = 100;
    const tracks = [drumTrack('t1', { 0: 'kick' }, [noteClip('n1', 'p1', 0, 4)])];
    const extra = { sources: sourcesOf('kick'), patterns: { p1: pattern(4, [{ pitch: 36, start: 1, length: 0.75, velocity: 1, ratchet: 3 }]) } };
    const [left] = render(engineWith({ kick: impulse }, tracks, song(tempo), rate, extra), frameAt(4, tempo));
    expect(nonZero(left)).toEqual([1, 1.25, 1.5].map((beat) => frameAt(beat, tempo)));
  });

  it('decides probability by a hash of clip, note and pass: the same every time, about as often as asked', () => {
    const tempo = 120;
    const beats = Array.from({ length: 16 }, (_, i) => i / 4);
    const tracks = [drumTrack('t1', { 0: 'kick' }, [noteClip('n1', 'p1', 0, 64, { loop: true })])];
    const notes = hits(36, beats).map((note) => ({ ...note, probability: 0.5 }));
    const extra = { sources: sourcesOf('kick'), patterns: { p1: pattern(4, notes) } };
    const once = nonZero(render(engineWith({ kick: impulse }, tracks, song(tempo), rate, extra), frameAt(64, tempo))[0]);
    const again = nonZero(render(engineWith({ kick: impulse }, tracks, song(tempo), rate, extra), frameAt(64, tempo))[0]);
    expect(again).toEqual(once);
    // 256 chances of one half.
    expect(once.length).toBeGreaterThan(100);
    expect(once.length).toBeLessThan(156);
  });
});
