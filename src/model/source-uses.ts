/**
 * What plays a source, in words, for the missing-audio list: clips (counted per track), drum pads
 * (by number and name) and samplers, each naming its track, in track order.
 */
import type { Project } from './project-schema';

export function sourceUses(project: Pick<Project, 'tracks'>, sourceId: string): string[] {
  const uses: string[] = [];
  for (const track of project.tracks) {
    const clips = track.clips.filter((clip) => clip.kind === 'audio' && clip.source === sourceId).length;
    if (clips > 0) uses.push(`${clips === 1 ? '1 clip' : `${clips} clips`} on ${track.name}`);
    const instrument = track.instrument;
    if (instrument?.type === 'sampler' && instrument.zone?.source === sourceId) uses.push(`the sampler on ${track.name}`);
    if (instrument?.type === 'drums') {
      instrument.pads.forEach((pad, i) => {
        if (pad.source === sourceId) uses.push(`pad ${i + 1}${pad.name ? ` “${pad.name}”` : ''} on ${track.name}`);
      });
    }
  }
  return uses;
}
