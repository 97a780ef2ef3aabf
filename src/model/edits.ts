import type { Project } from './project-schema';

/**
 * Pure edits of the project document: each returns a new document and leaves the old one intact,
 * so history can keep both. (The undoable, labelled entry point wraps these.)
 */

/** Places a whole source on a new track at `startBeats`; the clip lasts the source's duration. */
export function addSourceAsTrack(
  project: Project,
  source: { path: string; name: string; durationSeconds: number },
  startBeats: number,
): Project {
  const sourceId = existingSourceId(project, source.path) ?? uniqueId('s', Object.keys(project.sources));
  const trackId = uniqueId('t', project.tracks.map((t) => t.id));
  const clipId = uniqueId('c', project.tracks.flatMap((t) => t.clips.map((c) => c.id)));
  const lengthBeats = (source.durationSeconds * project.tempo) / 60;
  return {
    ...project,
    sources: { ...project.sources, [sourceId]: { path: source.path } },
    tracks: [
      ...project.tracks,
      {
        id: trackId,
        name: source.name.replace(/\.[^.]+$/, ''),
        gainDb: 0,
        pan: 0,
        mute: false,
        solo: false,
        clips: [
          {
            id: clipId,
            source: sourceId,
            start: Math.max(0, startBeats),
            length: Math.max(lengthBeats, 1e-6),
            offset: 0,
            gainDb: 0,
            fadeIn: 0,
            fadeOut: 0,
            loop: false,
            reverse: false,
            rate: 1,
          },
        ],
      },
    ],
  };
}

export function setTempo(project: Project, tempo: number): Project {
  return { ...project, tempo };
}

function existingSourceId(project: Project, path: string): string | undefined {
  return Object.entries(project.sources).find(([, source]) => source.path === path)?.[0];
}

function uniqueId(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  let n = used.size + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
