import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteAudition, auditionMs, auditionVelocity } from '../../../renderer/audio/note-audition';
import { liveNoteCommand } from '../../../renderer/audio/live-note-command';
import { engineWith, rate, render, timeline120 } from '../engine/engine-harness';
import { drumTrack, noteClip, pattern, sourcesOf } from '../instruments/instrument-tracks';

describe('NoteAudition', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('strikes the note, releases it after a moment, and releases it before striking it again', () => {
    const sent: [string, number, number][] = [];
    const audition = new NoteAudition((trackId, pitch, velocity) => sent.push([trackId, pitch, velocity]));
    audition.note('t1', 60);
    audition.note('t1', 64);
    expect(sent).toEqual([
      ['t1', 60, auditionVelocity],
      ['t1', 64, auditionVelocity],
    ]);
    vi.advanceTimersByTime(auditionMs / 2);
    audition.note('t1', 60);
    expect(sent.slice(2)).toEqual([
      ['t1', 60, 0],
      ['t1', 60, auditionVelocity],
    ]);
    vi.advanceTimersByTime(auditionMs / 2);
    expect(sent.slice(4)).toEqual([['t1', 64, 0]]);
    vi.advanceTimersByTime(auditionMs);
    expect(sent.slice(5)).toEqual([['t1', 60, 0]]);
    audition.note('t2', 36);
    audition.releaseAll();
    vi.advanceTimersByTime(auditionMs);
    expect(sent.slice(6)).toEqual([
      ['t2', 36, auditionVelocity],
      ['t2', 36, 0],
    ]);
  });
});

describe('a pad auditioned through the engine', () => {
  it('sounds exactly as the pattern plays it: the pad’s pitch, start, decay and reverse, the track’s insert and fader', () => {
    const hit = Float32Array.from({ length: 9600 }, (_, i) => Math.sin(i / 5) * (1 - i / 9600));
    const pad = { 2: { pitch: 7, cents: -20, startMs: 12, decayMs: 80, reverse: 1, gainDb: -3 } };
    const utility = { id: 'u1', type: 'utility' as const, bypass: false, params: { gainDb: 4, pan: 0.3, width: 100, mono: 0, invertLeft: 0, invertRight: 0 } };
    const channel = (track: ReturnType<typeof drumTrack>) => ({ ...track, channel: { ...track.channel, gainDb: -7, pan: -0.4, inserts: [utility] } });
    const extra = { sources: sourcesOf('hit'), patterns: { p1: pattern(1, [{ pitch: 38, start: 0, length: 0.25, velocity: auditionVelocity }]) } };

    // The pattern's note at frame 0 of a playing song…
    const played = engineWith({ hit: { planes: [hit] } }, [channel(drumTrack('t1', { 2: 'hit' }, [noteClip('n1', 'p1', 0, 1)], pad))], timeline120, rate, extra);
    const [songLeft, songRight] = render(played, rate / 4);
    // …and the same pad auditioned while stopped, through playLiveNote's command.
    const stopped = engineWith({ hit: { planes: [hit] } }, [channel(drumTrack('t1', { 2: 'hit' }, [], pad))], timeline120, rate, extra);
    stopped.command({ type: 'stop' });
    const audition = new NoteAudition((trackId, pitch, velocity) => {
      const command = liveNoteCommand(trackId, pitch, velocity);
      if (command) stopped.command(command);
    });
    audition.note('t1', 38);
    const [left, right] = render(stopped, rate / 4);
    audition.releaseAll();

    expect(Math.max(...left.map(Math.abs))).toBeGreaterThan(0.02);
    expect(left).toEqual(songLeft);
    expect(right).toEqual(songRight);
  });
});
