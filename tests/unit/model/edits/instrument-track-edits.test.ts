import { describe, expect, it } from 'vitest';
import { addInstrumentTrack } from '../../../../src/model/edits/instrument-track-edits';
import { deepFreeze, expectValid, project } from './helpers';

describe('adding an instrument track', () => {
  it('adds a drum machine of 16 empty pads with an empty bar of 1/16 steps to open, and leaves the rest as it was', () => {
    const before = deepFreeze(project());
    const { project: after, trackId, clipId } = addInstrumentTrack(before, 'drums');
    expectValid(after);
    expect(after.tracks.slice(0, -1)).toEqual(before.tracks);
    const track = after.tracks.at(-1);
    expect(track?.id).toBe(trackId);
    expect(track?.name).toBe('Drums 1');
    expect(track?.instrument?.type).toBe('drums');
    expect(track?.instrument?.type === 'drums' && track.instrument.pads.every((pad) => pad.source === null)).toBe(true);
    expect(track?.clips).toEqual([{ kind: 'notes', id: clipId, name: 'Drums 1', pattern: expect.any(String) as string, start: 0, length: 4, offset: 0, loop: false, mute: false }]);
    const clip = track?.clips[0];
    const pattern = clip?.kind === 'notes' ? after.patterns[clip.pattern] : undefined;
    expect(pattern).toEqual({ name: 'Drums 1', length: 4, notes: [], stepGrid: { division: '1/16', rowSteps: {} } });
  });

  it('gives each new instrument track, instrument, clip and pattern ids of its own', () => {
    const once = addInstrumentTrack(project(), 'synth').project;
    const twice = addInstrumentTrack(once, 'synth').project;
    const thrice = addInstrumentTrack(twice, 'sampler').project;
    expectValid(thrice);
    expect(thrice.tracks.slice(-3).map((track) => [track.name, track.instrument?.type])).toEqual([
      ['Synth 1', 'synth'],
      ['Synth 2', 'synth'],
      ['Sampler 1', 'sampler'],
    ]);
    expect(Object.keys(thrice.patterns)).toHaveLength(3);
  });
});
