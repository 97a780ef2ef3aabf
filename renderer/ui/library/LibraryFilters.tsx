import { useEffect, useState } from 'react';
import { useLibrary } from '../../state/library-store';
import { CollectionChips } from './CollectionChips';
import { PackTree } from './PackTree';

/**
 * Filter chips: kind, tempo range (matches half and double time too), key with its relative
 * major/minor, favourites; and the pack tree, each pack with its count.
 */
export function LibraryFilters() {
  const query = useLibrary((s) => s.query);
  const search = useLibrary((s) => s.search);
  const [bpm, setBpm] = useState('');
  const [key, setKey] = useState('');
  useEffect(() => {
    if (query.bpmMin === undefined && query.bpmMax === undefined) setBpm('');
  }, [query.bpmMin, query.bpmMax]);

  const applyBpm = () => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(?:[-–]\s*(\d+(?:\.\d+)?))?\s*$/.exec(bpm);
    if (!bpm.trim()) void search({ bpmMin: undefined, bpmMax: undefined });
    else if (match) {
      const low = Number(match[1]);
      const high = match[2] ? Number(match[2]) : low;
      void search({ bpmMin: Math.min(low, high), bpmMax: Math.max(low, high) });
    }
  };
  const chip = (pressed: boolean, label: string, onClick: () => void) => (
    <button type="button" className={`chip ${pressed ? 'is-on' : ''}`} aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div className="library-filters">
      <div className="chip-row" role="group" aria-label="Kind">
        {chip(query.kind === undefined, 'All', () => void search({ kind: undefined }))}
        {chip(query.kind === 'one-shot', 'One-shots', () => void search({ kind: 'one-shot' }))}
        {chip(query.kind === 'loop', 'Loops', () => void search({ kind: 'loop' }))}
        {chip(query.favouritesOnly === true, '★', () => void search({ favouritesOnly: !query.favouritesOnly }))}
      </div>
      <div className="chip-row">
        <input
          className="filter-input"
          aria-label="Tempo range"
          placeholder="BPM 90-100"
          value={bpm}
          onChange={(event) => setBpm(event.target.value)}
          onBlur={applyBpm}
          onKeyDown={(event) => event.key === 'Enter' && applyBpm()}
        />
        <input
          className="filter-input"
          aria-label="Key"
          placeholder="Key Am"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          onBlur={() => void search({ key: key.trim() || undefined })}
          onKeyDown={(event) => event.key === 'Enter' && void search({ key: key.trim() || undefined })}
        />
        {chip(query.compatibleKeys === true, 'Compatible', () => void search({ compatibleKeys: !query.compatibleKeys }))}
      </div>
      <CollectionChips />
      <PackTree />
    </div>
  );
}
