/**
 * How big a song may be: the one place these limits are written. They are far above real music
 * and low enough that opening, drawing, playing and exporting any project that passes them stays
 * bounded — a file from a stranger cannot hang the app or the render with a 16-hour song, a
 * 100,000-beat loop or 100,000 tracks. Checked when a project file is parsed (parse-project.ts):
 * the counts before the document is migrated and validated, the length after, and again before a
 * project is written; the length also when a MIDI file becomes a song (src/protocol/midi-import.ts),
 * before the song is built. Only what every format version has is read: tracks, their clips, the tempo.
 */
import { Clock, type TimeMap } from '../std/clock';
import type { Project } from './project-schema';
import { projectEndBeats } from './project-time';
import type { Beats } from '../std/units';

/**
 * Longest song, to the end of its last clip: 6 hours. Longer than any release (a double album,
 * a five-hour DJ set or live recording), and a 6-hour 16-bit stereo export at 48 kHz (3.9 GB)
 * still fits the 4 GB a WAV file can hold.
 */
export const maxSongSeconds = 6 * 3600;
/** Most tracks: big orchestral templates reach a few hundred; ten times a busy session. */
export const maxTracks = 1000;
/** Most clips in all tracks together: a clip on every sixteenth note of 3 tracks for an hour at 120 BPM is 86,400. */
export const maxClips = 100_000;

/**
 * The first limit `project` breaks, as a clause to follow the file's name and a colon (`it has
 * 1,200 tracks; a Glowroom project may have at most 1,000`); undefined within every limit.
 */
export function projectLimitProblem(project: TimeMap & Pick<Project, 'tracks'>): string | undefined {
  const tooMany = sizeProblem(project.tracks.length, project.tracks.reduce((sum, track) => sum + track.clips.length, 0));
  if (tooMany) return tooMany;
  return songLengthProblem(project, projectEndBeats(project), 'clip');
}

/**
 * The length limit on a song that ends at `endBeats` on `map`'s tempo map, as a clause like
 * `projectLimitProblem`'s; `last` names what ends there ('clip', or 'note' for a MIDI file's song).
 */
export function songLengthProblem(map: TimeMap, endBeats: Beats, last: 'clip' | 'note'): string | undefined {
  const seconds = Clock.of(map).secondsAt(endBeats);
  if (seconds > maxSongSeconds) {
    return `the song lasts ${duration(seconds)} (its last ${last} ends at beat ${count(endBeats)}); a Glowroom song may last at most ${duration(maxSongSeconds)}`;
  }
  return undefined;
}

/**
 * The track and clip limits on a document before it is migrated and validated, so a file of
 * 100,000 tracks is refused in milliseconds, not after seconds of validation. Counts `tracks` and
 * each track's `clips` only where they are arrays; the schema judges everything else.
 */
export function rawSizeProblem(document: object): string | undefined {
  const tracks: unknown = (document as { tracks?: unknown }).tracks;
  if (!Array.isArray(tracks)) return undefined;
  const clipsOf = (track: unknown): number => {
    const clips: unknown = typeof track === 'object' && track !== null ? (track as { clips?: unknown }).clips : undefined;
    return Array.isArray(clips) ? clips.length : 0;
  };
  return sizeProblem(tracks.length, tracks.reduce((sum: number, track: unknown) => sum + clipsOf(track), 0));
}

function sizeProblem(tracks: number, clips: number): string | undefined {
  if (tracks > maxTracks) return `it has ${count(tracks)} tracks; a Glowroom project may have at most ${count(maxTracks)}`;
  if (clips > maxClips) return `it has ${count(clips)} clips; a Glowroom project may have at most ${count(maxClips)}`;
  return undefined;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * `16 h 40 min`, `6 hours`, `more than 1,000 hours`; over the song limit by less than a minute,
 * with the seconds it takes to show that it is over (`6 h 0 min 0.5 s`), never rounded up to it.
 */
function duration(seconds: number): string {
  if (!(seconds < 1000 * 3600)) return 'more than 1,000 hours';
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (seconds > maxSongSeconds && seconds - maxSongSeconds < 60) return `${count(hours)} h ${minutes % 60} min ${secondsOver(seconds - minutes * 60, maxSongSeconds - minutes * 60)} s`;
  if (minutes % 60 === 0) return hours === 1 ? '1 hour' : `${count(hours)} hours`;
  return `${count(hours)} h ${minutes % 60} min`;
}

/**
 * `seconds` cut (not rounded up) to the fewest decimals, up to microseconds, that still show it
 * above `limit`; a hair of slack absorbs the binary error of a decimal length (0.0005 s read as 0.000499…).
 */
function secondsOver(seconds: number, limit: number): string {
  for (const [digits, scale] of [1, 10, 100, 1000, 10_000, 100_000, 1_000_000].entries()) {
    const shown = Math.floor(seconds * scale + 1e-6) / scale;
    if (shown > limit) return shown.toFixed(digits);
  }
  return seconds.toFixed(6);
}
