/**
 * Where clips sit in sample frames. The format fixes one rule (docs/project-format.md): a beat
 * position p starts on frame round(p × 60 / tempo × sampleRate), computed in that order in
 * double precision. A clip occupies the frames [its start's frame, its end's frame), so clips that
 * touch in beats touch in frames, with no gap and no overlap. The clip's `rate` moves nothing on
 * the timeline; it changes only how fast the source is read.
 */
import { beats, beatsToSamples, bpm, hertz, samples, type Beats, type Samples } from '../std/units';
import type { Clip, Project } from './project-schema';

type Timing = Pick<Project, 'tempo' | 'sampleRate'>;

/** The frame of the clip's first sample: round(start × 60 / tempo × sampleRate). */
export function clipStartFrame(clip: Pick<Clip, 'start'>, project: Timing): Samples {
  return beatsToSamples(beats(clip.start), bpm(project.tempo), hertz(project.sampleRate));
}

/** The first frame after the clip: round((start + length) × 60 / tempo × sampleRate). */
export function clipEndFrame(clip: Pick<Clip, 'start' | 'length'>, project: Timing): Samples {
  return beatsToSamples(beats(clip.start + clip.length), bpm(project.tempo), hertz(project.sampleRate));
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
