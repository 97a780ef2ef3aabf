/**
 * The step from format v3 to v4 (docs/project-format.md, "Upgrading version 3 files"): the
 * project gets no tempo or meter changes, straight swing (50), no patterns and no key; every
 * channel (tracks' and buses') is not solo-safe; every audio clip gets no transpose and no detune
 * (and no warp, no take); no track gets an instrument. So an upgraded project sounds exactly as
 * before. Parts that are not objects are left alone, so validation names them by their path.
 */

type Json = Record<string, unknown>;

export function upgradeV3ToV4(doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  const { tracks, buses } = doc;
  return {
    ...doc,
    tracks: Array.isArray(tracks) ? tracks.map((track: unknown) => (isRecord(track) ? upgradeTrack(track) : track)) : tracks,
    buses: Array.isArray(buses) ? buses.map((bus: unknown) => (isRecord(bus) ? withChannel(bus) : bus)) : buses,
    tempoChanges: [],
    meterChanges: [],
    swing: 50,
    patterns: {},
    key: null,
  };
}

function upgradeTrack(track: Json): Json {
  const { clips } = track;
  return {
    ...withChannel(track),
    clips: Array.isArray(clips) ? clips.map((clip: unknown) => (isRecord(clip) ? { ...clip, transpose: 0, detune: 0 } : clip)) : clips,
  };
}

/** A track or bus whose channel (when it is an object) is not solo-safe. */
function withChannel(owner: Json): Json {
  const { channel } = owner;
  return isRecord(channel) ? { ...owner, channel: { ...channel, soloSafe: false } } : owner;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
