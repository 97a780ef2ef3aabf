import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SampleRow } from '../../../src/protocol/ipc';
import { Clock } from '../../../src/std/clock';
import { beats } from '../../../src/std/units';
import { useLibrary } from '../../state/library-store';
import { useProject } from '../../state/project-store';
import { useTransport } from '../../state/transport-store';
import { placeLibrarySample } from '../../state/loop-placement';
import { auditionRow } from '../../state/library-audition';
import { playheadBeats } from '../../state/playhead';
import { sampleDragType } from '../timeline';
import { SampleThumbnail } from './SampleThumbnail';

/** Fixed row height: the list only renders the rows in view, so 100,000 rows scroll like 10. */
const rowHeight = 46;
const overscan = 8;

/**
 * The search results. Click auditions a sample on the preview channel (a loop of known tempo in
 * time with the song, from the next beat while it plays); the arrow keys move and audition at once, so a producer can run down a list of kicks by ear. Enter or double-click
 * places the sample on a new track at the bar under the playhead; rows drag onto the timeline.
 */
export function SampleList() {
  const rows = useLibrary((s) => s.rows);
  const total = useLibrary((s) => s.total);
  const selectedPath = useLibrary((s) => s.selectedPath);
  const select = useLibrary((s) => s.select);
  const loadMore = useLibrary((s) => s.loadMore);
  const upgrading = useLibrary((s) => s.upgrade !== null);
  const preview = useTransport((s) => s.preview);
  const addFile = useProject((s) => s.addFile);
  const list = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const hasRows = rows.length > 0;

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setView((v) => ({ ...v, height: element.clientHeight })));
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasRows]);

  const audition = (path: string) => {
    select(path);
    const row = rows.find((candidate) => candidate.path === path);
    void (row ? auditionRow(row) : preview(path));
  };
  const addAtPlayhead = (path: string) => {
    const clock = Clock.of(useProject.getState().project);
    const row = rows.find((candidate) => candidate.path === path);
    const at = clock.barStart(clock.barAt(beats(playheadBeats())));
    void (row ? placeLibrarySample(row, at, null) : addFile(path, at, null));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Enter' && selectedPath) {
      event.preventDefault();
      event.stopPropagation();
      addAtPlayhead(selectedPath);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = rows.findIndex((row) => row.path === selectedPath);
    const nextIndex = Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
    const next = rows[nextIndex];
    if (!next) return;
    audition(next.path);
    const element = list.current;
    if (element) {
      const top = nextIndex * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
    }
  };

  if (rows.length === 0 && upgrading) return <p className="sample-list-empty">The samples show once the library is upgraded.</p>;
  if (rows.length === 0) {
    return <p className="sample-list-empty">No samples match. Import a folder of WAV, AIFF, FLAC, MP3 or Ogg files, or change the filters.</p>;
  }
  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return (
    <>
      <p className="sample-list-count" aria-live="polite">
        {plural(total, 'sample')} · click to hear, double-click or drag to add
      </p>
      <ul
        ref={list}
        className="sample-list"
        role="listbox"
        aria-label="Samples"
        tabIndex={0}
        aria-activedescendant={selectedPath ? optionId(selectedPath) : undefined}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          const element = event.currentTarget;
          setView({ top: element.scrollTop, height: element.clientHeight });
          if (element.scrollTop + element.clientHeight > (rows.length - 50) * rowHeight) void loadMore();
        }}
      >
        <li className="sample-list-spacer" style={{ height: rows.length * rowHeight }} aria-hidden="true" />
        {rows.slice(first, last).map((row, i) => (
          <SampleRowView
            key={row.path}
            row={row}
            top={(first + i) * rowHeight}
            selected={row.path === selectedPath}
            onAudition={audition}
            onAdd={addAtPlayhead}
          />
        ))}
      </ul>
    </>
  );
}

function SampleRowView({ row, top, selected, onAudition, onAdd }: { row: SampleRow; top: number; selected: boolean; onAudition: (path: string) => void; onAdd: (path: string) => void }) {
  const toggleFavourite = useLibrary((s) => s.toggleFavourite);
  const analysing = useLibrary((s) => s.job !== null);
  const facts = [formatDuration(row.duration), row.bpm ? `${Math.round(row.bpm * 10) / 10} BPM` : '', row.key ?? '', row.kind].filter(Boolean).join(' · ');
  return (
    <li
      id={optionId(row.path)}
      role="option"
      aria-selected={selected}
      className={`sample-row ${row.missing ? 'is-missing' : ''}`}
      style={{ top, height: rowHeight }}
      title={row.path}
      onClick={() => onAudition(row.path)}
      onDoubleClick={() => onAdd(row.path)}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(sampleDragType, row.path);
        event.dataTransfer.effectAllowed = 'copy';
      }}
    >
      {row.analysed ? (
        <SampleThumbnail peaks={row.peaks} />
      ) : (
        <span
          className="sample-thumbnail is-pending"
          title={analysing ? 'Being analysed: its waveform, levels and detected tempo and key follow' : 'Not analysed yet: that happens at the next start or import'}
        >
          {analysing ? 'analysing…' : 'waiting'}
        </span>
      )}
      <span className="sample-text">
        <span className="sample-name">{row.name}</span>
        <span className="sample-meta">
          {facts}
          {tagsBesides(row)}
        </span>
      </span>
      <button
        type="button"
        className={`favourite ${row.favourite ? 'is-on' : ''}`}
        aria-label={`${row.favourite ? 'Unfavourite' : 'Favourite'} ${row.name}`}
        aria-pressed={row.favourite}
        onClick={(event) => {
          event.stopPropagation();
          void toggleFavourite(row);
        }}
      >
        ★
      </button>
    </li>
  );
}

/** Up to three tags, leaving out the kind, which the facts already say. */
function tagsBesides(row: SampleRow): string {
  const tags = row.tags.filter((tag) => tag !== row.kind).slice(0, 3);
  return tags.length > 0 ? ` · ${tags.join(', ')}` : '';
}

function formatDuration(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(2)} s` : `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function optionId(path: string): string {
  return `sample-${encodeURIComponent(path)}`;
}
