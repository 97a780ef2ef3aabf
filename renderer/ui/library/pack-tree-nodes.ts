import type { PacksResult } from '../../../src/protocol/ipc';

type PackFolder = PacksResult['packs'][number]['folders'][number];

/** One row of the pack tree as shown: "All packs", a pack, or a folder inside a pack. */
export interface PackTreeNode {
  /** Unique among the rows; stable across refreshes. */
  readonly key: string;
  /** Undefined for "All packs". */
  readonly pack: string | undefined;
  /** '/'-separated inside the pack; undefined for "All packs" and for a pack itself. */
  readonly folder: string | undefined;
  readonly label: string;
  readonly count: number;
  /** 1 for "All packs", 2 for packs, 3 and deeper for folders. */
  readonly level: number;
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** The key of the row this one sits under; null for the top rows. */
  readonly parentKey: string | null;
}

export const allPacksKey = 'all';

export function nodeKey(pack: string, folder?: string): string {
  // A pack name is one folder or zip name, so it holds no "/".
  return folder === undefined ? `pack:${pack}` : `folder:${pack}/${folder}`;
}

/** The rows to show: every pack, and the folders of each expanded pack or folder, depth first. */
export function visibleNodes(packs: PacksResult['packs'], expanded: ReadonlySet<string>): PackTreeNode[] {
  const total = packs.reduce((sum, pack) => sum + pack.count, 0);
  const rows: PackTreeNode[] = [
    { key: allPacksKey, pack: undefined, folder: undefined, label: 'All packs', count: total, level: 1, expandable: false, expanded: false, parentKey: null },
  ];
  for (const pack of packs) {
    const children = childrenByParent(pack.folders);
    const add = (folder: string | undefined, label: string, count: number, level: number, parentKey: string | null) => {
      const key = nodeKey(pack.name, folder);
      const kids = children.get(folder ?? '') ?? [];
      const open = kids.length > 0 && expanded.has(key);
      rows.push({ key, pack: pack.name, folder, label, count, level, expandable: kids.length > 0, expanded: open, parentKey });
      if (open) for (const kid of kids) add(kid.path, kid.path.slice(kid.path.lastIndexOf('/') + 1), kid.count, level + 1, key);
    };
    add(undefined, pack.name, pack.count, 2, null);
  }
  return rows;
}

/** Folders by the path of the folder holding them ('' for the pack's top), in the given order. */
function childrenByParent(folders: readonly PackFolder[]): Map<string, PackFolder[]> {
  const byParent = new Map<string, PackFolder[]>();
  for (const folder of folders) {
    const parent = folder.path.includes('/') ? folder.path.slice(0, folder.path.lastIndexOf('/')) : '';
    const siblings = byParent.get(parent) ?? [];
    siblings.push(folder);
    byParent.set(parent, siblings);
  }
  return byParent;
}
