import { useRef, type KeyboardEvent } from 'react';
import { useLibrary } from '../../state/library-store';

/**
 * The packs as a tree: "All packs" with one item per pack and its sample count; choosing an item
 * filters the search by pack. Folders inside packs are not listed: the search contract filters by
 * pack only, and a folder filter over the loaded page of rows would miss the rest of the results.
 * Arrow keys move, Home/End jump, Enter or Space chooses; one item is tabbable (roving tabindex).
 */
export function PackTree() {
  const packs = useLibrary((s) => s.packs);
  const selected = useLibrary((s) => s.query.pack);
  const search = useLibrary((s) => s.search);
  const tree = useRef<HTMLUListElement>(null);
  if (packs.length === 0) return null;
  const total = packs.reduce((sum, pack) => sum + pack.count, 0);
  const choose = (pack: string | undefined) => void search({ pack });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(tree.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      items[Math.max(0, Math.min(items.length - 1, target))]?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      (document.activeElement as HTMLElement | null)?.click();
    }
  };
  const item = (pack: string | undefined, label: string, count: number, level: number) => {
    const isSelected = selected === pack;
    return (
      <li
        key={pack ?? ''}
        role="treeitem"
        aria-level={level}
        aria-selected={isSelected}
        tabIndex={isSelected ? 0 : -1}
        className={`pack-tree-item ${isSelected ? 'is-selected' : ''}`}
        onClick={() => choose(pack)}
      >
        <span className="pack-tree-name">{label}</span>
        <span className="pack-tree-count">{count}</span>
      </li>
    );
  };
  return (
    <ul ref={tree} className="pack-tree" role="tree" aria-label="Packs" onKeyDown={onKeyDown}>
      {item(undefined, 'All packs', total, 1)}
      {packs.map((pack) => item(pack.name, pack.name, pack.count, 2))}
    </ul>
  );
}
