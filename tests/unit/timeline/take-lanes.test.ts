import { describe, expect, it } from 'vitest';
import { laneClips, takePassesOf } from '../../../renderer/ui/timeline/take-lanes';
import { createTrack } from '../../../src/model/new-track';
import type { AudioClip } from '../../../src/model/project-schema';

const clip = (id: string, fields: Partial<AudioClip> = {}): AudioClip => ({ kind: 'audio', id, name: '', source: 's1', start: 0, length: 4, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...fields });

describe('a track\'s lane and its take lanes', () => {
  it('the lane shows the comp: takes not chosen are left out, other clips (muted or not) stay', () => {
    const clips = [
      clip('a', { mute: true }),
      clip('t1', { mute: true, take: { group: 'g1', pass: 1 } }),
      clip('t2', { take: { group: 'g1', pass: 2 } }),
      clip('t3', { mute: true, take: { group: 'g1', pass: 3 } }),
      clip('u1', { start: 8, mute: true, take: { group: 'g2', pass: 1 } }),
      clip('u2', { start: 8, mute: true, take: { group: 'g2', pass: 2 } }),
    ];
    // g2 has no take chosen: both show, as muted clips do.
    expect(laneClips(clips).map((c) => c.id)).toEqual(['a', 't2', 'u1', 'u2']);
    expect(laneClips(clips)).toBe(laneClips(clips));
    const plain = [clip('a'), clip('b', { mute: true })];
    expect(laneClips(plain)).toBe(plain);
  });

  it('one take lane per pass found in any group, in order', () => {
    const track = { ...createTrack('t', 'Vox', 0), clips: [clip('x', { take: { group: 'g2', pass: 3 } }), clip('y', { take: { group: 'g1', pass: 1 } }), clip('z')] };
    expect(takePassesOf(track)).toEqual([1, 3]);
  });
});
