/**
 * Pure edits of tracks (their channels' fader, pan, mute and solo are in channel-edits.ts), with
 * the same contract as the clip edits: a new document, untouched parts keep their identity, the same document when nothing changes (missing ids, equal values), and
 * out-of-range numbers are clamped to the format's ranges (non-finite ones change nothing).
 * Deleting tracks keeps their sources: unused sources are allowed, and that keeps undo trivial.
 */
import { createTrack } from '../new-track';
import { maxTrackHeight, minTrackHeight, trackColourPattern, type Project, type Track } from '../project-schema';
import { clamp, isFiniteNumber, maxNameLength } from './clip-math';
import { idAllocator, mixerIdsOf } from './ids';

/** One track id or several. */
export type TrackIds = string | readonly string[];

function idSet(ids: TrackIds): Set<string> {
  return new Set(typeof ids === 'string' ? [ids] : ids);
}

/** Applies `update` to the named tracks; the project itself when no track changed. */
function mapTracks(project: Project, ids: TrackIds, update: (track: Track) => Track): Project {
  const wanted = idSet(ids);
  let changed = false;
  const tracks = project.tracks.map((track) => {
    if (!wanted.has(track.id)) return track;
    const next = update(track);
    if (next !== track) changed = true;
    return next;
  });
  return changed ? { ...project, tracks } : project;
}

function patchTrack(track: Track, patch: Partial<Omit<Track, 'id' | 'clips' | 'channel'>>): Track {
  for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
    if (patch[key] !== track[key]) return { ...track, ...patch };
  }
  return track;
}

/**
 * Adds an empty track at `index` (clamped; default: at the bottom), named `name` (default
 * "Track N", N being the new track count), coloured from the palette by the track count before
 * it (`createTrack`), and returns its id too.
 */
export function addTrackWithId(project: Project, options: { readonly name?: string; readonly index?: number } = {}): { project: Project; trackId: string } {
  const trackId = idAllocator('t', mixerIdsOf(project))();
  const name = (options.name ?? `Track ${project.tracks.length + 1}`).slice(0, maxNameLength);
  const index = isFiniteNumber(options.index) ? clamp(Math.trunc(options.index), 0, project.tracks.length) : project.tracks.length;
  const track = createTrack(trackId, name, project.tracks.length);
  return { project: { ...project, tracks: [...project.tracks.slice(0, index), track, ...project.tracks.slice(index)] }, trackId };
}

export function addTrack(project: Project, options: { readonly name?: string; readonly index?: number } = {}): Project {
  return addTrackWithId(project, options).project;
}

/** Renames a track; names longer than the format's 200 characters are cut. */
export function renameTrack(project: Project, trackId: string, name: string): Project {
  return mapTracks(project, trackId, (track) => patchTrack(track, { name: name.slice(0, maxNameLength) }));
}

/** Removes the named tracks with their clips, and the automation of their channels, sends and inserts. */
export function deleteTracks(project: Project, trackIds: TrackIds): Project {
  const doomed = idSet(trackIds);
  const tracks = project.tracks.filter((track) => !doomed.has(track.id));
  if (tracks.length === project.tracks.length) return project;
  const gone = new Set<string>();
  for (const track of project.tracks) {
    if (!doomed.has(track.id)) continue;
    gone.add(track.id);
    for (const device of track.channel.inserts) gone.add(device.id);
    for (const send of track.channel.sends) gone.add(send.id);
  }
  const automation = project.automation.filter((lane) => !gone.has(lane.target));
  return { ...project, tracks, automation: automation.length === project.automation.length ? project.automation : automation };
}

/** Moves a track to position `toIndex` (clamped to the track list) among the tracks. */
export function moveTrack(project: Project, trackId: string, toIndex: number): Project {
  const from = project.tracks.findIndex((track) => track.id === trackId);
  const track = project.tracks[from];
  if (!track || !isFiniteNumber(toIndex)) return project;
  const to = clamp(Math.trunc(toIndex), 0, project.tracks.length - 1);
  if (to === from) return project;
  const tracks = project.tracks.filter((t) => t !== track);
  tracks.splice(to, 0, track);
  return { ...project, tracks };
}

/** Colours the named tracks; `colour` is "#rrggbb" in either case (stored lowercase), anything else changes nothing. */
export function setTrackColour(project: Project, trackIds: TrackIds, colour: string): Project {
  const value = colour.toLowerCase();
  if (!trackColourPattern.test(value)) return project;
  return mapTracks(project, trackIds, (track) => patchTrack(track, { colour: value }));
}

/** Sets the lane height of the named tracks in CSS pixels, rounded and clamped to 40…240. */
export function setTrackHeight(project: Project, trackIds: TrackIds, heightPx: number): Project {
  if (!isFiniteNumber(heightPx)) return project;
  const height = clamp(Math.round(heightPx), minTrackHeight, maxTrackHeight);
  return mapTracks(project, trackIds, (track) => patchTrack(track, { height }));
}
