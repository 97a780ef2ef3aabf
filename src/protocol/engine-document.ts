import type { Project, Track } from '../model/project-schema';
import type { EngineCommand, EngineDocument, EngineTrack } from './engine';

/**
 * Compiles a project into what the engine plays. `sampleIdOf` names the pooled sample for a
 * source id (the hosts key their pools by resolved file path).
 */
export function compileEngineDocument(project: Project, sampleIdOf: (sourceId: string) => string): EngineDocument {
  return {
    timeline: {
      tempo: project.tempo,
      beatsPerBar: project.timeSignature[0],
      beatUnit: project.timeSignature[1],
      masterGainDb: project.master.gainDb,
    },
    tracks: project.tracks.map((track) => compileTrack(track, sampleIdOf)),
  };
}

function compileTrack(track: Track, sampleIdOf: (sourceId: string) => string): EngineTrack {
  return {
    id: track.id,
    gainDb: track.channel.gainDb,
    pan: track.channel.pan,
    mute: track.channel.mute,
    solo: track.channel.solo,
    clips: track.clips.map((clip) => ({
      id: clip.id,
      sampleId: sampleIdOf(clip.source),
      start: clip.start,
      length: clip.length,
      offset: clip.offset,
      gainDb: clip.gainDb,
      fadeIn: clip.fadeIn,
      fadeOut: clip.fadeOut,
      loop: clip.loop,
      reverse: clip.reverse,
      rate: clip.rate,
      mute: clip.mute,
    })),
  };
}

/**
 * The commands that turn the engine's `previous` document into `next`: only what changed is
 * sent — the timeline if it changed, each changed or moved track, each removed track — so an
 * edit to one clip re-sends one track, never the whole song.
 */
export function engineDocumentChanges(previous: EngineDocument | null, next: EngineDocument): EngineCommand[] {
  const commands: EngineCommand[] = [];
  if (!previous || !sameShallow(previous.timeline, next.timeline)) commands.push({ type: 'set-timeline', timeline: next.timeline });
  const nextIds = new Set(next.tracks.map((track) => track.id));
  for (const track of previous?.tracks ?? []) {
    if (!nextIds.has(track.id)) commands.push({ type: 'remove-track', trackId: track.id });
  }
  const remaining = (previous?.tracks ?? []).filter((track) => nextIds.has(track.id));
  next.tracks.forEach((track, index) => {
    const before = remaining[index];
    if (!before || before.id !== track.id || !sameTrack(before, track)) {
      commands.push({ type: 'set-track', track, index });
      const moved = remaining.findIndex((t) => t.id === track.id);
      if (moved >= 0) remaining.splice(moved, 1);
      remaining.splice(index, 0, track);
    }
  });
  return commands;
}

function sameTrack(a: EngineTrack, b: EngineTrack): boolean {
  if (a === b) return true;
  const { clips: clipsA, ...restA } = a;
  const { clips: clipsB, ...restB } = b;
  if (!sameShallow(restA, restB) || clipsA.length !== clipsB.length) return false;
  return clipsA.every((clip, i) => {
    const other = clipsB[i];
    return other !== undefined && sameShallow(clip, other);
  });
}

function sameShallow<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
