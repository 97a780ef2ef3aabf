import { describe, expect, it } from 'vitest';
import { sliceToSampler, type SliceToSamplerResult } from '../../../../src/model/edits/slice-to-sampler';
import { chopClipAtBeats } from '../../../../src/model/edits/chop';
import type { Project } from '../../../../src/model/project-schema';
import { durations, expectValid, project, ref } from './helpers';

function made(result: SliceToSamplerResult) {
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result;
}

function samplerOf(p: Project, trackId: string) {
  const track = p.tracks.find((t) => t.id === trackId)!;
  const clip = track.clips[0]!;
  if (track.instrument?.type !== 'sampler' || clip.kind !== 'notes') throw new Error('not a sampler track with a note clip');
  return { track, zone: track.instrument.zone!, clip, pattern: p.patterns[clip.pattern]! };
}

describe('sliceToSampler', () => {
  it('cuts one clip at the given beats: slices one per key from C1, notes at the slice onsets in beats', () => {
    // c2: [8, 10) at 120 BPM, offset 0.5 s; cuts at 8.5 and 9.25 → source 0.75 s and 1.125 s.
    const result = made(sliceToSampler(project(), [ref('t1', 'c2')], [9.25, 8.5], durations));
    const next = expectValid(result.project);
    const { track, zone, clip, pattern } = samplerOf(next, result.trackId);
    expect(track.name).toBe('loop slices');
    expect(zone).toEqual({ source: 's1', rootNote: 36, start: 0, end: 2, loopStart: 0, loopEnd: 2, slices: [0.5, 0.75, 1.125] });
    expect(clip).toMatchObject({ start: 8, length: 2, offset: 0, loop: false });
    expect(pattern.length).toBe(2);
    expect(pattern.notes).toEqual([
      { pitch: 36, start: 0, length: 0.5, velocity: 1 },
      { pitch: 37, start: 0.5, length: 0.75, velocity: 1 },
      { pitch: 38, start: 1.25, length: 0.75, velocity: 1 },
    ]);
    // The audio clip itself is not chopped: the sampler track is the only change to the tracks.
    expect(next.tracks.slice(0, 3)).toEqual(project().tracks);
  });

  it('takes the pieces of an already chopped loop, and a looped clip going round again replays the same keys', () => {
    // c4: [4, 12) looped from 0.5 s of a 2 s source; a beat is 0.5 s, so the loop of 1.5 s repeats every 3 beats.
    const chopped = chopClipAtBeats(project(), ref('t3', 'c4'), [5, 6, 7, 8], durations);
    const refs = [ref('t3', 'c4'), ...chopped.created];
    const result = made(sliceToSampler(chopped.project, refs, [], durations));
    const { zone, clip, pattern } = samplerOf(expectValid(result.project), result.trackId);
    // Pieces start at source 0.5, 1.0, 1.5, (wrap) 0.5, 1.0 s.
    expect(zone.slices).toEqual([0.5, 1, 1.5]);
    expect(clip).toMatchObject({ start: 4, length: 8 });
    expect(pattern.notes.map((n) => [n.start, n.pitch, n.length])).toEqual([
      [0, 36, 1],
      [1, 37, 1],
      [2, 38, 1],
      [3, 36, 1],
      [4, 37, 4],
    ]);
  });

  it('is one undo step away: the input document is not changed (it is frozen)', () => {
    const before = project();
    const result = made(sliceToSampler(before, [ref('t1', 'c1')], [1, 2, 3], durations));
    expect(result.project.tracks).toHaveLength(before.tracks.length + 1);
    expect(before.tracks).toHaveLength(3);
  });

  it('refuses with a message: no audio, a reversed clip, clips of two files, an unknown duration', () => {
    expect(sliceToSampler(project(), [ref('t9', 'x')], [], durations)).toEqual({ refused: expect.stringMatching(/Select an audio clip/) });
    expect(sliceToSampler(project(), [ref('t2', 'c3')], [], durations)).toEqual({ refused: expect.stringMatching(/Reversed/) });
    expect(sliceToSampler(project(), [ref('t1', 'c1'), ref('t2', 'c3')], [], durations)).toEqual({ refused: expect.stringMatching(/different files/) });
    expect(sliceToSampler(project(), [ref('t1', 'c1')], [], {})).toEqual({ refused: expect.stringMatching(/not loaded/) });
  });
});
