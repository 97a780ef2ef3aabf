/**
 * The step from format v1 to v2 (docs/project-format.md, "Upgrading version 1 files"): every
 * track gets a palette colour by its index and the default lane height, every clip an empty name
 * (show the file's name) and `mute: false`, the project an empty marker list. Sources keep no
 * hash: it is computed later, from the files. A field already present is left for validation to
 * judge. Parts that are not objects are left alone, so validation names them by their path.
 */
import { defaultTrackHeight } from './project-schema';
import { trackColourAt } from './track-colours';

type Json = Record<string, unknown>;

export function upgradeV1ToV2(doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  const tracks = doc['tracks'];
  return {
    ...doc,
    ...(Array.isArray(tracks) ? { tracks: tracks.map((track: unknown, index) => (isRecord(track) ? upgradeTrack(track, index) : track)) } : {}),
    ...withDefault(doc, 'markers', []),
  };
}

function upgradeTrack(track: Json, index: number): Json {
  const clips = track['clips'];
  return {
    ...track,
    ...withDefault(track, 'colour', trackColourAt(index)),
    ...withDefault(track, 'height', defaultTrackHeight),
    ...(Array.isArray(clips) ? { clips: clips.map((clip: unknown) => (isRecord(clip) ? upgradeClip(clip) : clip)) } : {}),
  };
}

function upgradeClip(clip: Json): Json {
  return { ...clip, ...withDefault(clip, 'name', ''), ...withDefault(clip, 'mute', false) };
}

/** `{ [key]: value }` when `object` lacks `key`, else nothing to add. */
function withDefault(object: Json, key: string, value: unknown): Json {
  return Object.hasOwn(object, key) ? {} : { [key]: value };
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
