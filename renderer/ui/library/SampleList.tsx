import type { KeyboardEvent } from 'react';
import { statusSlots } from '../../../src/protocol/engine';
import { useLibrary } from '../../state/library-store';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { useTransport } from '../../state/transport-store';
import { sampleDragType } from '../timeline/drop-target';

/**
 * The search results. Click auditions a sample on the preview channel; the arrow keys move and
 * audition at once, so a producer can run down a list of kicks by ear. Enter or double-click
 * places the sample on a new track at the bar under the playhead.
 */
export function SampleList() {
  const rows = useLibrary((s) => s.rows);
  const total = useLibrary((s) => s.total);
  const selectedPath = useLibrary((s) => s.selectedPath);
  const select = useLibrary((s) => s.select);
  const preview = useTransport((s) => s.preview);
  const addFile = useProject((s) => s.addFile);

  const audition = (path: string) => {
    select(path);
    void preview(path);
  };
  const addAtPlayhead = (path: string) => {
    const { project } = useProject.getState();
    const { audio } = runtime();
    const beat = ((audio.status[statusSlots.playheadFrame] ?? 0) / audio.context.sampleRate) * (project.tempo / 60);
    const bar = Math.floor(beat / project.timeSignature[0]);
    void addFile(path, bar * project.timeSignature[0], null);
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
    const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      audition(next.path);
      document.getElementById(optionId(next.path))?.scrollIntoView({ block: 'nearest' });
    }
  };

  if (rows.length === 0) {
    return <p className="sample-list-empty">No samples yet. Import a folder of WAV, AIFF, FLAC, MP3 or Ogg files.</p>;
  }
  return (
    <>
      <p className="sample-list-count" aria-live="polite">
        {total === rows.length ? plural(total, 'sample') : `${rows.length} of ${plural(total, 'sample')}`} · click to hear, double-click to add
      </p>
      <ul
        className="sample-list"
        role="listbox"
        aria-label="Samples"
        tabIndex={0}
        aria-activedescendant={selectedPath ? optionId(selectedPath) : undefined}
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => (
          <li
            key={row.path}
            id={optionId(row.path)}
            role="option"
            aria-selected={row.path === selectedPath}
            className="sample-row"
            title={row.path}
            onClick={() => audition(row.path)}
            onDoubleClick={() => addAtPlayhead(row.path)}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.setData(sampleDragType, row.path);
              event.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <span className="sample-name">{row.name}</span>
            <span className="sample-meta">
              {row.pack} · {row.format.toUpperCase()}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function optionId(path: string): string {
  return `sample-${encodeURIComponent(path)}`;
}
