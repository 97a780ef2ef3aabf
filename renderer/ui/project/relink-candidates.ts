/**
 * What the missing-audio dialog offers for each lost file, and what one click may relink. Pure:
 * the lookups themselves are in relink-search.ts.
 */
import type { FoundFile } from '../../../src/protocol/ipc';

/** A lost file as the dialog looks for it: its source, its file name, its content hash when known. */
export interface LostFile {
  readonly sourceId: string;
  readonly name: string;
  readonly sha256: string | undefined;
}

/** A file offered for a lost one: 'content' has the very bytes the source was saved with, 'name' only the same file name. */
export interface RelinkCandidate {
  readonly path: string;
  readonly match: 'content' | 'name';
}

/** A source and the file it should play from now on. */
export interface RelinkLink {
  readonly sourceId: string;
  readonly path: string;
}

/** Content matches first, then name matches, each path once (a file found both ways counts as content). */
export function rankCandidates(byContent: readonly string[], byName: readonly string[]): RelinkCandidate[] {
  const content = [...new Set(byContent)];
  const name = [...new Set(byName)].filter((path) => !content.includes(path));
  return [...content.map((path) => ({ path, match: 'content' as const })), ...name.map((path) => ({ path, match: 'name' as const }))];
}

/**
 * The sources one click may relink by `match`: those with exactly one candidate of that kind, and
 * for name matches only those without any content match, since a file name alone is a weaker
 * clue. Sources with several equal candidates are left for the user to choose.
 */
export function unambiguousLinks(candidates: ReadonlyMap<string, readonly RelinkCandidate[]>, match: RelinkCandidate['match']): RelinkLink[] {
  const links: RelinkLink[] = [];
  for (const [sourceId, offered] of candidates) {
    if (match === 'name' && offered.some((c) => c.match === 'content')) continue;
    const ofKind = offered.filter((c) => c.match === match);
    const only = ofKind.length === 1 ? ofKind[0] : undefined;
    if (only) links.push({ sourceId, path: only.path });
  }
  return links;
}

/** What a folder search relinks: for each lost file, the file with its bytes, else the one with its name. */
export function folderLinks(lost: readonly LostFile[], found: readonly FoundFile[]): { links: RelinkLink[]; byContent: number; byName: number } {
  const links: RelinkLink[] = [];
  let byContent = 0;
  let byName = 0;
  lost.forEach((file, i) => {
    const answer = found[i];
    const path = answer?.byContent ?? answer?.byName ?? null;
    if (path === null) return;
    if (answer?.byContent) byContent++;
    else byName++;
    links.push({ sourceId: file.sourceId, path });
  });
  return { links, byContent, byName };
}

/** How the dialog labels a file standing in for a lost one. */
export function matchLabel(match: RelinkCandidate['match']): string {
  return match === 'content' ? 'Same content' : 'Same name';
}
