import { describe, expect, it } from 'vitest';
import { LiveNotes } from '../../../renderer/state/live-notes';

function setUp() {
  const sent: [string, number, number][] = [];
  const live = new LiveNotes();
  live.listen((event) => sent.push([event.trackId, event.pitch, event.velocity]));
  live.setTrack('t1');
  return { live, sent };
}

describe('live notes', () => {
  it('sends ons and offs to the armed track; nothing without one', () => {
    const { live, sent } = setUp();
    live.noteOn('keys', 60, 0.8);
    live.noteOff('keys', 60);
    live.setTrack(null);
    live.noteOn('keys', 62, 0.8);
    expect(sent).toEqual([
      ['t1', 60, 0.8],
      ['t1', 60, 0],
    ]);
  });

  it('the sustain pedal holds released keys until it comes up; a key struck again retriggers', () => {
    const { live, sent } = setUp();
    live.pedal('dev', true);
    live.noteOn('dev', 60, 0.5);
    live.noteOff('dev', 60);
    live.noteOn('dev', 64, 0.5);
    live.noteOff('dev', 64);
    live.noteOn('dev', 60, 0.7);
    expect(sent).toEqual([
      ['t1', 60, 0.5],
      ['t1', 64, 0.5],
      ['t1', 60, 0],
      ['t1', 60, 0.7],
    ]);
    sent.length = 0;
    live.pedal('dev', false);
    // 64 was released under the pedal and stops; 60 is still held by its key.
    expect(sent).toEqual([['t1', 64, 0]]);
    live.noteOff('dev', 60);
    expect(sent).toEqual([
      ['t1', 64, 0],
      ['t1', 60, 0],
    ]);
  });

  it('a device that goes away lets go of its keys and its pedal, and leaves the others sounding', () => {
    const { live, sent } = setUp();
    live.noteOn('keys', 48, 1);
    live.pedal('dev', true);
    live.noteOn('dev', 60, 1);
    live.noteOn('dev', 67, 1);
    live.noteOff('dev', 67);
    sent.length = 0;
    live.releaseSource('dev');
    expect(sent.sort()).toEqual([
      ['t1', 60, 0],
      ['t1', 67, 0],
    ]);
  });

  it('all notes off stops everything held or sustained; changing track stops the old track’s notes', () => {
    const { live, sent } = setUp();
    live.pedal('dev', true);
    live.noteOn('dev', 60, 1);
    live.noteOff('dev', 60);
    live.noteOn('keys', 62, 1);
    sent.length = 0;
    live.setTrack('t2');
    expect(sent.sort()).toEqual([
      ['t1', 60, 0],
      ['t1', 62, 0],
    ]);
    sent.length = 0;
    live.noteOn('keys', 65, 1);
    live.allNotesOff();
    expect(sent).toEqual([
      ['t2', 65, 1],
      ['t2', 65, 0],
    ]);
    // The pedal was let go by all notes off: a released key now stops at once.
    live.noteOn('keys', 67, 1);
    live.noteOff('keys', 67);
    expect(sent.slice(-1)).toEqual([['t2', 67, 0]]);
  });
});
