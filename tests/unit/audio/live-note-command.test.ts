import { describe, expect, it } from 'vitest';
import { liveNoteCommand } from '../../../renderer/audio/live-note-command';

describe('liveNoteCommand (what playLiveNote sends)', () => {
  it('is a live-note with velocity kept within 0–1, and nothing for what is not a note', () => {
    expect(liveNoteCommand('t1', 60, 0.8)).toEqual({ type: 'live-note', track: 't1', pitch: 60, velocity: 0.8 });
    expect(liveNoteCommand('t1', 60, 0)).toEqual({ type: 'live-note', track: 't1', pitch: 60, velocity: 0 });
    expect(liveNoteCommand('t1', 61, 7)).toEqual({ type: 'live-note', track: 't1', pitch: 61, velocity: 1 });
    expect(liveNoteCommand('t1', 128, 1)).toBeNull();
    expect(liveNoteCommand('t1', 60.5, 1)).toBeNull();
    expect(liveNoteCommand('t1', 62, Number.NaN)).toBeNull();
  });
});
