import { describe, expect, it } from 'vitest';
import { clipEndFrame, clipLengthFrames, clipStartFrame, projectEndBeats } from '../../../src/model/project-time';
import { createEmptyProject } from '../../../src/model/new-project';
import { createChannel, createTrack } from '../../../src/model/new-track';
import type { Clip, Project } from '../../../src/model/project-schema';
import type { Beats, Samples } from '../../../src/std/units';
import { richProject } from './fixtures';

function clipAt(start: number, length = 1, rate = 1): Clip {
  return { kind: 'audio', id: 'c', name: '', source: 's', start, length, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate, mute: false, transpose: 0, detune: 0 };
}

function timing(tempo: number, sampleRate: Project['sampleRate']): Project {
  return { ...createEmptyProject(), tempo, sampleRate };
}

describe('clipStartFrame', () => {
  // Expected frames computed exactly (rational arithmetic), then rounded half up.
  it.each([
    [1, 137, 44_100, 19_314], // 19313.868…
    [0, 120, 48_000, 0],
    [4, 120, 48_000, 96_000],
    [2.5, 90, 96_000, 160_000],
    [7, 133.7, 88_200, 277_068], // 277068.062…
    [0.1, 93, 44_100, 2_845], // 2845.161…
    [0.5, 137, 44_100, 9_657], // 9656.934…
    [0.75, 137, 44_100, 14_485], // 14485.401…
    [1000.25, 174, 48_000, 16_555_862], // 16555862.068…
    [16, 61.5, 44_100, 688_390], // 688390.243…
    [3, 999, 96_000, 17_297], // 17297.297…
    [1, 96, 44_100, 27_563], // exactly 27562.5: halves round up
    [3, 96, 44_100, 82_688], // exactly 82687.5
  ] as const)('start %d beats at %d BPM and %d Hz is frame %d', (start, tempo, sampleRate, expected) => {
    const frame: Samples = clipStartFrame(clipAt(start), timing(tempo, sampleRate));
    expect(frame).toBe(expected);
  });

  it('does not depend on the clip rate, length or offset', () => {
    const project = timing(137, 44_100);
    for (const rate of [0.125, 0.5, 1, 1.5, 8]) {
      const clip: Clip = { ...clipAt(1, 3, rate), offset: 2.5 };
      expect(clipStartFrame(clip, project)).toBe(19_314);
    }
  });
});

describe('clipEndFrame and clipLengthFrames', () => {
  it('end at round((start + length) × 60 / tempo × rate)', () => {
    const project = timing(137, 44_100);
    expect(clipEndFrame(clipAt(0.5, 1), project)).toBe(28_971);
    expect(clipLengthFrames(clipAt(0.5, 1), project)).toBe(28_971 - 9_657);
    expect(clipLengthFrames(clipAt(0, 4), timing(120, 48_000))).toBe(96_000);
    expect(clipLengthFrames(clipAt(1, 1), project)).toBe(38_628 - 19_314);
  });

  it('the same length in beats may cover different frame counts, so that touching clips tile exactly', () => {
    const project = timing(137, 44_100);
    // 0.5 beat at 137 BPM is 9656.93 frames: the two halves get 9657 and 9657 frames, a whole beat 19314.
    const first = clipAt(0, 0.5);
    const second = clipAt(0.5, 0.5);
    expect(clipEndFrame(first, project)).toBe(clipStartFrame(second, project));
    expect(clipLengthFrames(first, project) + clipLengthFrames(second, project)).toBe(clipLengthFrames(clipAt(0, 1), project));
    // A run of touching clips covers exactly the frames of one clip as long as all of them.
    const run = [clipAt(0.75, 1.25), clipAt(2, 0.125), clipAt(2.125, 3.875)];
    let frames = 0;
    for (let i = 0; i < run.length; i++) {
      const clip = run[i] as Clip;
      const next = run[i + 1];
      if (next) expect(clipEndFrame(clip, project)).toBe(clipStartFrame(next, project));
      frames += clipLengthFrames(clip, project);
    }
    expect(frames).toBe(clipLengthFrames(clipAt(0.75, 5.25), project));
  });
});

describe('projectEndBeats', () => {
  it('is 0 without clips', () => {
    const end: Beats = projectEndBeats(createEmptyProject());
    expect(end).toBe(0);
  });

  it('is the latest clip end over every track and clip, muted or not, whatever the clip order', () => {
    const project = richProject();
    // c4 on the muted track t2 ends last: 12345.6789 + 0.001.
    expect(projectEndBeats(project)).toBe(12_345.6789 + 0.001);
    const small = timing(120, 48_000);
    small.tracks = [
      { ...createTrack('a', '', 0), clips: [clipAt(8, 4), clipAt(0, 2)] },
      { ...createTrack('b', '', 1), channel: { ...createChannel(), mute: true }, clips: [clipAt(10, 2.5)] },
      { ...createTrack('c', '', 2), clips: [{ ...clipAt(12, 1), mute: true }] },
    ];
    expect(projectEndBeats(small)).toBe(13);
  });
});
