import { Clock } from '../../std/clock';
import { beats, seconds } from '../../std/units';
import type { AudioClip, Project, Source, WarpMode } from '../project-schema';
import { clipIdsOf, idAllocator, sourceIdsOf } from './ids';
import type { ClipRef } from './selection';
import { addTrackWithId } from './track-edits';

/** An audio file as it is dropped in: where it is, what it is called, how long it lasts, its content hash when read. */
export interface SourceFile {
  readonly path: string;
  readonly name: string;
  readonly durationSeconds: number;
  readonly sha256?: string | undefined;
}

/** A source for the file at `path` whose bytes hash to `sha256` (left out when not known). */
function sourceOf(path: string, sha256: string | undefined): Source {
  return sha256 === undefined ? { path } : { path, sha256 };
}

/**
 * Places a whole file as a clip at `startBeats` (clamped to ≥ 0) on the track `trackId`, or on a
 * new track named after the file when `trackId` is null or names no audio track (an instrument track holds notes). A file already in the
 * project reuses its source, which takes the file's hash when it is given (the file may have
 * changed since). The clip lasts the file's duration on the song's clock from where it starts;
 * with `warp` it follows the song's tempo from the source's own (a one-bar loop lasts one bar).
 */
export function addSourceClip(
  project: Project,
  file: SourceFile,
  startBeats: number,
  trackId: string | null,
  warp?: { readonly mode: WarpMode; readonly sourceTempo: number },
): { project: Project; created: ClipRef[] } {
  const existing = Object.entries(project.sources).find(([, source]) => source.path === file.path)?.[0];
  const sourceId = existing ?? idAllocator('s', sourceIdsOf(project))();
  const writeSource = existing === undefined || (file.sha256 !== undefined && project.sources[existing]?.sha256 !== file.sha256);
  let next: Project = writeSource ? { ...project, sources: { ...project.sources, [sourceId]: sourceOf(file.path, file.sha256) } } : project;
  let target = trackId !== null && next.tracks.some((track) => track.id === trackId && track.instrument === undefined) ? trackId : null;
  if (target === null) {
    const added = addTrackWithId(next, { name: file.name.replace(/\.[^.]+$/, '') });
    next = added.project;
    target = added.trackId;
  }
  const start = Number.isFinite(startBeats) ? Math.max(0, startBeats) : 0;
  const clip: AudioClip = {
    kind: 'audio',
    id: idAllocator('c', clipIdsOf(next))(),
    name: '',
    source: sourceId,
    start,
    length: Math.max(warp ? (file.durationSeconds * warp.sourceTempo) / 60 : Clock.of(next).beatsOver(beats(start), seconds(file.durationSeconds)), 1 / 64),
    offset: 0,
    gainDb: 0,
    fadeIn: 0,
    fadeOut: 0,
    loop: false,
    reverse: false,
    rate: 1,
    mute: false,
    transpose: 0,
    detune: 0,
    ...(warp ? { warp: { mode: warp.mode, sourceTempo: warp.sourceTempo, markers: [] } } : {}),
  };
  const trackIdFinal = target;
  return {
    project: { ...next, tracks: next.tracks.map((track) => (track.id === trackIdFinal ? { ...track, clips: [...track.clips, clip] } : track)) },
    created: [{ trackId: trackIdFinal, clipId: clip.id }],
  };
}

/**
 * Points a source at another file (relinking moved audio); every clip of it follows. The source
 * takes the new file's hash, whatever the old one was; without a hash it keeps none, since the
 * old hash need not describe the new file.
 */
export function relinkSource(project: Project, sourceId: string, file: { readonly path: string; readonly sha256?: string | undefined }): Project {
  const source = project.sources[sourceId];
  if (!source || (source.path === file.path && source.sha256 === file.sha256)) return project;
  return { ...project, sources: { ...project.sources, [sourceId]: sourceOf(file.path, file.sha256) } };
}
