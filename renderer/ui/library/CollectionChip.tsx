import { useRef, useState, type KeyboardEvent } from 'react';
import { useLibrary } from '../../state/library-store';
import { sampleDragType } from '../timeline';

export interface CollectionSummary {
  readonly id: number;
  readonly name: string;
  readonly count: number;
}

/**
 * One collection: click to filter by it, drop a sample row on it to add the sample. The pencil
 * (or F2) renames it in place, Enter keeps the new name and Escape the old one; the cross (or
 * Delete) asks `onDelete` to confirm deleting it.
 */
export function CollectionChip({ collection, onDelete }: { collection: CollectionSummary; onDelete: (collection: CollectionSummary) => void }) {
  const current = useLibrary((s) => s.query.collectionId);
  const search = useLibrary((s) => s.search);
  const addToCollection = useLibrary((s) => s.addToCollection);
  const renameCollection = useLibrary((s) => s.renameCollection);
  const [renaming, setRenaming] = useState(false);
  // Finishing with Enter or Escape hands the focus back to the chip; clicking elsewhere does not.
  const refocus = useRef(false);
  const on = current === collection.id;

  const finishRename = (name: string) => {
    setRenaming(false);
    const clean = name.trim();
    if (clean !== '' && clean !== collection.name) void renameCollection(collection.id, clean);
  };
  const onFilterKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'F2') {
      event.preventDefault();
      setRenaming(true);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      onDelete(collection);
    }
  };
  return (
    <span className={`collection-chip ${on ? 'is-on' : ''}`}>
      {renaming ? (
        <input
          className="collection-rename"
          aria-label={`New name for collection ${collection.name}`}
          defaultValue={collection.name}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          onBlur={(event) => finishRename(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Both end in blur, which finishes once: Escape first puts the old name back.
            if (event.key === 'Escape') {
              event.stopPropagation();
              event.currentTarget.value = collection.name;
            }
            if (event.key === 'Enter' || event.key === 'Escape') {
              // Else the key, once the chip has the focus back, would press it too.
              event.preventDefault();
              refocus.current = true;
              event.currentTarget.blur();
            }
          }}
        />
      ) : (
        <button
          ref={(element) => {
            if (element && refocus.current) element.focus();
            refocus.current = false;
          }}
          type="button"
          className="collection-filter"
          aria-pressed={on}
          aria-label={`Collection ${collection.name} (${collection.count})`}
          title="Show only this collection · F2 renames · Delete deletes"
          onClick={() => void search({ collectionId: on ? undefined : collection.id })}
          onKeyDown={onFilterKey}
          onDragOver={(event) => {
            if (event.dataTransfer.types.includes(sampleDragType)) event.preventDefault();
          }}
          onDrop={(event) => {
            const path = event.dataTransfer.getData(sampleDragType);
            if (path) void addToCollection(collection.id, path);
          }}
        >
          {collection.name} · {collection.count}
        </button>
      )}
      <button type="button" className="collection-action" aria-label={`Rename collection ${collection.name}`} title="Rename" disabled={renaming} onClick={() => setRenaming(true)}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M11.5 2.5l2 2-8 8H3.5v-2z" />
        </svg>
      </button>
      <button type="button" className="collection-action" aria-label={`Delete collection ${collection.name}`} title="Delete (its samples stay in the library)" onClick={() => onDelete(collection)}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </span>
  );
}
