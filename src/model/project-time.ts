/**
 * Where clips sit in sample frames. The format fixes one rule (docs/project-format.md): a beat
 * position p starts on frame round(seconds(p) × sampleRate), its seconds from the song's clock
 * (`src/std/clock.ts`; at a steady tempo p × 60 / tempo, computed in that order in double precision). A clip occupies the frames [its start's frame, its end's frame), so clips that
 * touch in beats touch in frames, with no gap and no overlap. The clip's `rate` moves nothing on
 * the timeline; it changes only how fast the source is read.
 */
import { Clock, type TimeMap } from '../std/clock';
import { beats, hertz, samples, type Beats, type Samples } from '../std/units';
import type { Clip, Project } from './project-schema';

type Timing = TimeMap & Pick<Project, 'sampleRate'>;

/** The frame of the clip's first sample: the clock's frame of its start. */
export function clipStartFrame(clip: Pick<Clip, 'start'>, project: Timing): Samples {
  return Clock.of(project).frameAt(beats(clip.start), hertz(project.sampleRate));
}

/** The first frame after the clip: the clock's frame of start + length. */
export function clipEndFrame(clip: Pick<Clip, 'start' | 'length'>, project: Timing): Samples {
  return Clock.of(project).frameAt(beats(clip.start + clip.length), hertz(project.sampleRate));
}

/** How many frames the clip covers on the timeline: end frame − start frame. */
export function clipLengthFrames(clip: Pick<Clip, 'start' | 'length'>, project: Timing): Samples {
  return samples(clipEndFrame(clip, project) - clipStartFrame(clip, project));
}

/** Where the last clip ends (start + length), over every track, muted or not; 0 with no clips. */
export function projectEndBeats(project: Pick<Project, 'tracks'>): Beats {
  let end = 0;
  for (const track of project.tracks) {
    for (const clip of track.clips) end = Math.max(end, clip.start + clip.length);
  }
  return beats(end);
}
