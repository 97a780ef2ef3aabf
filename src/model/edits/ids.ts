/**
 * Ids for new tracks, clips, sources and markers. Deterministic and collision-free: the next id of a kind is
 * the prefix followed by one more than the largest number any existing id of that form carries
 * (`c1`, `c7`, `x` → `c8`), so an id is never reused within a document, whatever else it holds.
 */
import type { Project } from '../project-schema';

/** `prefix` + (largest n over ids of the exact form prefix + digits) + 1; `prefix1` when none. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  return idAllocator(prefix, taken)();
}

/**
 * Hands out successive fresh ids for one edit that creates several things at once. The suffix is
 * a bigint, so even absurd existing ids (`c99999999999999999999`) cannot make two ids collide.
 */
export function idAllocator(prefix: string, taken: Iterable<string>): () => string {
  let max = 0n;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const digits = id.slice(prefix.length);
    if (!/^\d+$/.test(digits)) continue;
    const n = BigInt(digits);
    if (n > max) max = n;
  }
  return () => {
    max += 1n;
    return `${prefix}${max}`;
  };
}

export function clipIdsOf(project: Project): string[] {
  return project.tracks.flatMap((track) => track.clips.map((clip) => clip.id));
}

/**
 * Every id in the mixer's shared id space (tracks, buses, sends, devices): a new track, bus,
 * send or device takes its id from here, so it never collides with another of them.
 */
export function mixerIdsOf(project: Project): string[] {
  const ids: string[] = [];
  const channel = (owner: { readonly id: string; readonly channel: Project['tracks'][number]['channel'] }) => {
    ids.push(owner.id);
    for (const device of owner.channel.inserts) ids.push(device.id);
    for (const send of owner.channel.sends) ids.push(send.id);
  };
  project.tracks.forEach(channel);
  project.buses.forEach(channel);
  for (const device of project.master.inserts) ids.push(device.id);
  return ids;
}

export function sourceIdsOf(project: Project): string[] {
  return Object.keys(project.sources);
}

export function markerIdsOf(project: Project): string[] {
  return project.markers.map((marker) => marker.id);
}
