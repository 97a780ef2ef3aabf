/**
 * The step from format v2 to v3 (docs/project-format.md, "Upgrading version 2 files"): each
 * track's `gainDb`, `pan`, `mute` and `solo` move into its `channel`, which gets no inserts, no
 * sends and the master as its output; every clip gets `kind: "audio"`; the master keeps its gain,
 * pans to the centre and gets no inserts; the project gets no buses and no automation. So an
 * upgraded project sounds exactly as before. Parts that are not objects are left alone, so
 * validation names them by their path.
 */

type Json = Record<string, unknown>;

export function upgradeV2ToV3(doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  const { tracks, master, ...rest } = doc;
  const { markers, ...head } = rest;
  return present({
    ...head,
    tracks: Array.isArray(tracks) ? tracks.map((track: unknown) => (isRecord(track) ? upgradeTrack(track) : track)) : tracks,
    buses: [],
    markers,
    master: isRecord(master) ? { ...master, pan: 0, inserts: [] } : master,
    automation: [],
  });
}

function upgradeTrack(track: Json): Json {
  const { gainDb, pan, mute, solo, clips, ...lane } = track;
  return present({
    ...lane,
    channel: present({ gainDb, pan, mute, solo, inserts: [], sends: [], output: 'master' }),
    clips: Array.isArray(clips) ? clips.map((clip: unknown) => (isRecord(clip) ? { kind: 'audio', ...clip } : clip)) : clips,
  });
}

/** The fields that hold something: a field missing from the old file stays missing, for validation to name. */
function present(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
