import { useRef, useState, type KeyboardEvent } from 'react';
import { useLibrary } from '../../state/library-store';
import { allPacksKey, nodeKey, visibleNodes, type PackTreeNode } from './pack-tree-nodes';

/**
 * The packs as a tree: "All packs", each pack, and the folders inside it, each with its sample
 * count; choosing a row filters the search to that pack, or to that folder and everything below
 * it. A row with folders opens when chosen, or with its arrow. Keys: Up/Down move, Home/End jump,
 * Right opens (then steps in), Left closes (then steps out), Enter or Space chooses; one row is
 * tabbable (roving tabindex).
 */
export function PackTree() {
  const packs = useLibrary((s) => s.packs);
  const selectedPack = useLibrary((s) => s.query.pack);
  const selectedFolder = useLibrary((s) => s.query.folder);
  const search = useLibrary((s) => s.search);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const tree = useRef<HTMLUListElement>(null);
  if (packs.length === 0) return null;
  const nodes = visibleNodes(packs, expanded);
  const selectedKey = selectedPack === undefined ? allPacksKey : nodeKey(selectedPack, selectedFolder || undefined);
  // The chosen row may sit in a closed folder: then "All packs" takes the tab stop.
  const tabKey = nodes.some((node) => node.key === selectedKey) ? selectedKey : allPacksKey;

  const setOpen = (node: PackTreeNode, open: boolean) => {
    if (!node.expandable || node.expanded === open) return;
    const next = new Set(expanded);
    if (open) next.add(node.key);
    else next.delete(node.key);
    setExpanded(next);
  };
  const choose = (node: PackTreeNode) => {
    setOpen(node, true);
    void search({ pack: node.pack, folder: node.folder });
  };
  const focusRow = (key: string | undefined) => tree.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key ?? '')}"]`)?.focus();

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = nodes.findIndex((node) => node.key === (document.activeElement as HTMLElement | null)?.dataset['key']);
    const node = nodes[index];
    if (!node) return;
    const move = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: nodes.length - 1 }[event.key];
    if (move !== undefined) focusRow(nodes[Math.max(0, Math.min(nodes.length - 1, move))]?.key);
    else if (event.key === 'ArrowRight') {
      if (node.expandable && !node.expanded) setOpen(node, true);
      else if (node.expanded) focusRow(nodes[index + 1]?.key);
    } else if (event.key === 'ArrowLeft') {
      if (node.expanded) setOpen(node, false);
      else if (node.parentKey) focusRow(node.parentKey);
    } else if (event.key === 'Enter' || event.key === ' ') choose(node);
    else return;
    event.preventDefault();
  };
  return (
    <ul ref={tree} className="pack-tree" role="tree" aria-label="Packs" onKeyDown={onKeyDown}>
      {nodes.map((node) => {
        const isSelected = node.key === selectedKey;
        return (
          <li
            key={node.key}
            data-key={node.key}
            role="treeitem"
            aria-label={`${node.label}, ${node.count === 1 ? '1 sample' : `${node.count} samples`}`}
            aria-level={node.level}
            aria-selected={isSelected}
            aria-expanded={node.expandable ? node.expanded : undefined}
            tabIndex={node.key === tabKey ? 0 : -1}
            className={`pack-tree-item ${isSelected ? 'is-selected' : ''}`}
            style={{ paddingLeft: `calc(var(--space-1) + ${Math.max(0, node.level - 2)} * var(--space-3))` }}
            title={node.folder === undefined ? node.label : `${node.pack}/${node.folder}`}
            onClick={() => choose(node)}
          >
            <span
              className={`pack-tree-toggle ${node.expandable ? '' : 'is-leaf'}`}
              aria-hidden="true"
              onClick={
                node.expandable
                  ? (event) => {
                      event.stopPropagation();
                      setOpen(node, !node.expanded);
                    }
                  : undefined
              }
            >
              {node.expanded ? '▾' : '▸'}
            </span>
            <span className="pack-tree-name">{node.label}</span>
            <span className="pack-tree-count">{node.count}</span>
          </li>
        );
      })}
    </ul>
  );
}
