import { useEffect, useState } from 'react';
import { useLibrary } from '../../state/library-store';
import { CollectionChip, type CollectionSummary } from './CollectionChip';
import { DeleteCollectionDialog } from './DeleteCollectionDialog';

/**
 * The user's collections as chips (filter, drop target, rename, delete) and "+" to make one.
 * Deleting asks first, in a dialog that says the samples stay.
 */
export function CollectionChips() {
  const collections = useLibrary((s) => s.collections);
  const refreshCollections = useLibrary((s) => s.refreshCollections);
  const createCollection = useLibrary((s) => s.createCollection);
  const deleteCollection = useLibrary((s) => s.deleteCollection);
  const [naming, setNaming] = useState(false);
  const [doomed, setDoomed] = useState<CollectionSummary | null>(null);
  useEffect(() => {
    void refreshCollections();
  }, [refreshCollections]);

  const finish = (name: string) => {
    setNaming(false);
    if (name.trim()) void createCollection(name.trim());
  };
  return (
    <div className="chip-row" role="group" aria-label="Collections">
      {collections.map((collection) => (
        <CollectionChip key={collection.id} collection={collection} onDelete={setDoomed} />
      ))}
      {naming ? (
        <input
          className="filter-input"
          aria-label="New collection name"
          autoFocus
          onBlur={(event) => finish(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Both end in blur, which finishes once: Escape first empties the name.
            if (event.key === 'Escape') {
              event.stopPropagation();
              event.currentTarget.value = '';
            }
            if (event.key === 'Enter' || event.key === 'Escape') event.currentTarget.blur();
          }}
        />
      ) : (
        <button type="button" className="chip" aria-label="New collection" title="New collection (then drag samples onto it)" onClick={() => setNaming(true)}>
          + Collection
        </button>
      )}
      {doomed && (
        <DeleteCollectionDialog
          name={doomed.name}
          count={doomed.count}
          onDelete={() => void deleteCollection(doomed.id)}
          onClose={() => setDoomed(null)}
        />
      )}
    </div>
  );
}
