import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { maxClips, maxSongSeconds, maxTracks } from '../../../src/model/project-limits';
import { GlowroomError } from '../../../src/std/errors';
import { baseProject } from '../../fuzz/hostile-projects';

const clip = (id: string, start: number, length: number) => ({ id, name: '', source: 's1', start, length, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: true, reverse: false, rate: 1, mute: false });
const track = (id: string, clips: unknown[]) => ({ id, name: id, colour: '#ffb347', height: 72, gainDb: 0, pan: 0, mute: false, solo: false, clips });
/** A format-2 file's text; later formats read it through their migrations. */
const text = (tracks: unknown[], tempo = 120) => JSON.stringify(baseProject(tracks, tempo));

function errorFor(fileText: string, fileName = 'Song.glowroom'): GlowroomError {
  try {
    parseProject(fileText, fileName);
  } catch (error) {
    if (error instanceof GlowroomError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('project limits, checked on open', () => {
  it('refuses a 16-hour song and a 100,000-beat loop, saying how long they are and what is allowed', () => {
    const long = errorFor(text([track('t1', [clip('c1', 115_196, 4)])]));
    expect(long.code).toBe('unsupported');
    expect(long.message).toBe('Song.glowroom: the song lasts 16 hours (its last clip ends at beat 115,200); a Glowroom song may last at most 6 hours. The file may be damaged or made by another program');
    expect(errorFor(text([track('t1', [clip('c1', 0, 100_000)])])).message).toContain('the song lasts 13 h 53 min (its last clip ends at beat 100,000)');
    expect(errorFor(text([track('t1', [clip('c1', 1e308, 1)])])).message).toContain('the song lasts more than 1,000 hours');
  });

  it('shows the seconds of a song over 6 hours by less than a minute, so the message says why it is too long', () => {
    // At 120 BPM 6 hours is beat 43,200; a beat lasts 0.5 s.
    const over = (endBeat: number) => errorFor(text([track('t1', [clip('c1', endBeat - 1, 1)])])).message;
    expect(over(43_201)).toContain('the song lasts 6 h 0 min 0.5 s (its last clip ends at beat 43,201); a Glowroom song may last at most 6 hours');
    expect(over(43_260)).toContain('the song lasts 6 h 0 min 30 s (');
    expect(over(43_200.001)).toContain('the song lasts 6 h 0 min 0.0005 s (its last clip ends at beat 43,200.001)');
    expect(over(43_320)).toContain('the song lasts 6 h 1 min (');
  });

  it('opens a song of exactly 6 hours, at the slowest and the fastest tempo', () => {
    for (const tempo of [20, 999]) {
      const beats = (maxSongSeconds * tempo) / 60;
      expect(parseProject(text([track('t1', [clip('c1', beats - 1, 1)])], tempo), 'Song.glowroom').tracks[0]?.clips[0]?.start).toBe(beats - 1);
      expect(errorFor(text([track('t1', [clip('c1', beats, 1)])], tempo)).code).toBe('unsupported');
    }
  });

  it('refuses more tracks or clips than allowed, with and without clips', () => {
    expect(parseProject(text(Array.from({ length: maxTracks }, (_, i) => track(`t${i}`, [clip(`c${i}`, 0, 1)]))), 'Song.glowroom').tracks).toHaveLength(maxTracks);
    expect(errorFor(text(Array.from({ length: maxTracks + 1 }, (_, i) => track(`t${i}`, []))), 'Many.glowroom').message).toBe(
      'Many.glowroom: it has 1,001 tracks; a Glowroom project may have at most 1,000. The file may be damaged or made by another program',
    );
    const clips = Array.from({ length: maxClips + 1 }, (_, i) => clip(`c${i}`, i % 1000, 1));
    expect(errorFor(text([track('t1', clips)])).message).toContain('it has 100,001 clips; a Glowroom project may have at most 100,000');
  });

  it('refuses to save a project past a limit, so no save writes a file that will not open', () => {
    const project = parseProject(text([track('t1', [])]), 'Song.glowroom');
    const tooMany = { ...project, tracks: Array.from({ length: maxTracks + 1 }, (_, i) => ({ ...project.tracks[0]!, id: `t${i}` })) };
    expect(() => serializeProject(tooMany)).toThrow('The project "Hostile" cannot be saved: it has 1,001 tracks; a Glowroom project may have at most 1,000');
  });
});

describe('files that are not projects', () => {
  it.each([
    ['a passwd file', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n', 'root'],
    ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE\n-----END OPENSSH PRIVATE KEY-----\n', 'b3Blbn'],
    ['an env file', 'TOKEN=s3cr3t-value\n', 'TOKEN'],
  ])('say so without repeating a word of %s', (_label, content, word) => {
    const error = errorFor(content, 'passwd');
    expect(error.code).toBe('bad-format');
    expect(error.message).toBe('passwd is not a Glowroom project: its text is not JSON');
    expect(error.message).not.toContain(word);
  });

  it('do not show the "format" of another JSON file', () => {
    expect(errorFor(JSON.stringify({ format: 'token-1f2e3d' }), 'config.json').message).toBe('config.json is not a Glowroom project (its "format" is not "glowroom")');
  });

  it('refuse a value nested deeper than the stack with a message, not a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const error = errorFor(text([]).replace('"Hostile"', deep));
    expect(error.code).toBe('bad-format');
    expect(error.message).toMatch(/^Song\.glowroom: name must be a string \(got an array of 1 item\)$/);
  });
});
