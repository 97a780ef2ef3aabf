import { describe, expect, it } from 'vitest';
import { setTempo } from '../../../../src/model/edits/timeline-edits';
import { applyEdit, emptyHistory, undo } from '../../../../src/model/history';
import { clipLengthFrames, clipStartFrame } from '../../../../src/model/project-time';
import { expectValid, findClip, project } from './helpers';

/** Seconds of timeline a clip lasts at the project's tempo. */
const secondsOf = (p: ReturnType<typeof project>, id: string) => (findClip(p, id).length * 60) / p.tempo;

describe('setTempo', () => {
  it('keeps every clip on its beat and playing the same stretch of its audio: lengths in beats follow the tempo', () => {
    const p = project();
    const q = expectValid(setTempo(p, 240));
    expect(q.tempo).toBe(240);
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      const before = findClip(p, id);
      const after = findClip(q, id);
      // Same beat, twice the beats long, the same seconds of source (offset, fades, rate untouched).
      expect(after).toEqual({ ...before, length: before.length * 2 });
      expect(secondsOf(q, id)).toBe(secondsOf(p, id));
      expect(clipLengthFrames(after, q)).toBe(clipLengthFrames(before, p));
    }
    // Starts stay on their beats, so in time they move with the tempo; markers stay where they were.
    expect(clipStartFrame(findClip(q, 'c2'), q)).toBe(clipStartFrame(findClip(p, 'c2'), p) / 2);
    expect(q.markers).toBe(p.markers);
  });

  it('the clip of the issue: 1.753 s at 120 BPM still covers all of it at 240 and at 97', () => {
    const p = project();
    const clip = { ...findClip(p, 'c1'), length: (1.753 * 120) / 60 };
    const one = { ...p, tracks: [{ ...p.tracks[0]!, clips: [clip] }] };
    expect(secondsOf(setTempo(one, 240), 'c1')).toBeCloseTo(1.753, 12);
    expect(secondsOf(setTempo(one, 97), 'c1')).toBeCloseTo(1.753, 12);
  });

  it('is one undo step with the tempo, and no step when the tempo is unchanged', () => {
    const p = project();
    const step = applyEdit(p, emptyHistory, 'Set Tempo', (doc) => setTempo(doc, 240));
    expect(findClip(step.document, 'c1').length).toBe(8);
    const undone = undo(step.history);
    expect(undone?.document).toBe(p);
    expect(setTempo(p, 120)).toBe(p);
    const empty = { ...p, tracks: [{ ...p.tracks[0]!, clips: [] }] };
    expect(setTempo(empty, 90).tracks[0]).toBe(empty.tracks[0]);
  });
});
