import { useEffect, useState } from 'react';
import { useLibrary } from '../../state/library-store';
import { sampleDragType } from '../timeline/drop-target';

/**
 * The user's collections as chips: click one to show only its samples, drop a sample row on one
 * to add it, and make new ones with "+".
 */
export function CollectionChips() {
  const collections = useLibrary((s) => s.collections);
  const current = useLibrary((s) => s.query.collectionId);
  const search = useLibrary((s) => s.search);
  const refreshCollections = useLibrary((s) => s.refreshCollections);
  const createCollection = useLibrary((s) => s.createCollection);
  const addToCollection = useLibrary((s) => s.addToCollection);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  useEffect(() => {
    void refreshCollections();
  }, [refreshCollections]);

  const finish = () => {
    if (name.trim()) void createCollection(name.trim());
    setName('');
    setNaming(false);
  };
  return (
    <div className="chip-row" role="group" aria-label="Collections">
      {collections.map((collection) => (
        <button
          key={collection.id}
          type="button"
          className={`chip ${current === collection.id ? 'is-on' : ''}`}
          aria-pressed={current === collection.id}
          aria-label={`Collection ${collection.name} (${collection.count})`}
          onClick={() => void search({ collectionId: current === collection.id ? undefined : collection.id })}
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
      ))}
      {naming ? (
        <input
          className="filter-input"
          aria-label="New collection name"
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={finish}
          onKeyDown={(event) => {
            if (event.key === 'Enter') finish();
            if (event.key === 'Escape') setNaming(false);
          }}
        />
      ) : (
        <button type="button" className="chip" aria-label="New collection" title="New collection (then drag samples onto it)" onClick={() => setNaming(true)}>
          + Collection
        </button>
      )}
    </div>
  );
}
