import type { Clip, Project } from '../project-schema';

/**
 * A tempo change, as a DAW does it: every position stays on its beat (clip starts, markers), and
 * audio clips that are not warped keep playing the same stretch of their audio, so their length
 * in beats follows the tempo (× new / old: twice the tempo, twice the beats). Offsets and fades
 * are seconds of source time and need no change. Without this, a faster tempo would silently cut
 * the end off every clip (the format keeps `length` in beats).
 */
export function setTempo(project: Project, tempo: number): Project {
  if (tempo === project.tempo) return project;
  const ratio = tempo / project.tempo;
  // Every kind of clip decides here: unwarped audio keeps its seconds; warped audio follows the
  // tempo and notes are in beats, so both keep their beats.
  const rescale = (clip: Clip): Clip => {
    switch (clip.kind) {
      case 'audio':
        return clip.warp ? clip : { ...clip, length: clip.length * ratio };
      case 'notes':
        return clip;
    }
  };
  return {
    ...project,
    tempo,
    tracks: project.tracks.map((track) => (track.clips.length === 0 ? track : { ...track, clips: track.clips.map(rescale) })),
  };
}

/** Meter changes move nothing: positions are in quarter notes, bars are only drawn differently. */
export function setTimeSignature(project: Project, timeSignature: Project['timeSignature']): Project {
  const [beats, unit] = timeSignature;
  return beats === project.timeSignature[0] && unit === project.timeSignature[1] ? project : { ...project, timeSignature: [beats, unit] };
}
