import { useState } from 'react';
import { useLibrary } from '../../state/library-store';
import { CollectionChips } from './CollectionChips';
import { compatibleTitle, readKeyFilter, readTempoFilter, type FieldNote } from './filter-fields';
import { PackTree } from './PackTree';

/**
 * Filter chips: kind, tempo range (matches half and double time too), key with its relative
 * major/minor, favourites; and the pack tree, each pack with its count. The tempo and key fields
 * search as the user types, like the search box; a note under them says what they search, what
 * was clamped, or why a value is not used.
 */
export function LibraryFilters() {
  const query = useLibrary((s) => s.query);
  const search = useLibrary((s) => s.search);
  const [bpm, setBpm] = useState('');
  const [key, setKey] = useState('');
  const compatible = query.compatibleKeys === true;
  const tempo = readTempoFilter(bpm);
  const keyFilter = readKeyFilter(key, compatible);

  const typeTempo = (text: string) => {
    setBpm(text);
    const filter = readTempoFilter(text);
    const [bpmMin, bpmMax] = filter.kind === 'range' ? [filter.min, filter.max] : [undefined, undefined];
    if (bpmMin !== query.bpmMin || bpmMax !== query.bpmMax) void search({ bpmMin, bpmMax });
  };
  const typeKey = (text: string) => {
    setKey(text);
    const filter = readKeyFilter(text, compatible);
    const wanted = filter.kind === 'key' ? filter.key : undefined;
    if (wanted !== query.key) void search({ key: wanted });
  };
  const chip = (pressed: boolean, label: string, onClick: () => void, title?: string) => (
    <button type="button" className={`chip ${pressed ? 'is-on' : ''}`} aria-pressed={pressed} onClick={onClick} title={title}>
      {label}
    </button>
  );
  const note = (id: string, fieldNote: FieldNote | null) =>
    fieldNote && (
      <p id={id} className={`filter-note ${fieldNote.warn ? 'is-warning' : ''}`} role="status">
        {fieldNote.text}
      </p>
    );
  const tempoNote = tempo.kind === 'none' ? null : tempo.note;
  const keyNote = keyFilter.kind === 'none' ? null : keyFilter.note;
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
          aria-describedby={tempoNote ? 'tempo-filter-note' : undefined}
          placeholder="BPM 90-100"
          value={bpm}
          onChange={(event) => typeTempo(event.target.value)}
        />
        <input
          className="filter-input"
          aria-label="Key"
          aria-describedby={keyNote ? 'key-filter-note' : undefined}
          placeholder="Key Am"
          value={key}
          onChange={(event) => typeKey(event.target.value)}
        />
        {chip(compatible, 'Compatible', () => void search({ compatibleKeys: !compatible }), compatibleTitle(key))}
      </div>
      {note('tempo-filter-note', tempoNote)}
      {note('key-filter-note', keyNote)}
      <CollectionChips />
      <PackTree />
    </div>
  );
}
