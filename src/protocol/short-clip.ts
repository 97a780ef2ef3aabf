/**
 * A 15/30/60 s clip that would run past the song's end is shortened to what is left of the song,
 * never padded with silence; the export dialog says so before the export and the report after it,
 * in the same words. Both sides import this file.
 */
import { projectEndBeats } from '../model/project-time';
import type { Project } from '../model/project-schema';
import { Clock, type TimeMap } from '../std/clock';
import { beats, seconds, type Seconds } from '../std/units';

/** How much of the song there is from `startBeats` to the end of its last clip (0 past the end). */
export function songLeftFrom(project: TimeMap & Pick<Project, 'tracks'>, startBeats: number): Seconds {
  return seconds(Math.max(0, Clock.of(project).secondsOver(beats(startBeats), beats(projectEndBeats(project) - startBeats))));
}

/** The sentence for a clip of `askedSeconds` cut to the `seconds` the song has left. */
export function shortClipNote(askedSeconds: number, left: Seconds): string {
  return `The song has only ${left.toFixed(1)} s left from the clip’s start, so the ${askedSeconds} s clip is shortened to ${left.toFixed(1)} s.`;
}

/** Why a clip that starts at or after the song's end is refused. */
export const clipAfterSongEnd = 'The clip starts where the song has already ended: choose an earlier start bar.';
