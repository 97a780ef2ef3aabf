import type { KeyboardEvent } from 'react';
import { useLibrary } from '../../state/library-store';
import { useTransport } from '../../state/transport-store';

/**
 * The search results. Click or Enter cues a sample at bar 1; the arrow keys move and cue at
 * once, so a producer can run down a list of kicks by ear.
 */
export function SampleList() {
  const rows = useLibrary((s) => s.rows);
  const total = useLibrary((s) => s.total);
  const selectedPath = useLibrary((s) => s.selectedPath);
  const select = useLibrary((s) => s.select);
  const cue = useTransport((s) => s.cue);

  const choose = (path: string) => {
    select(path);
    void cue(path);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = rows.findIndex((row) => row.path === selectedPath);
    const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      choose(next.path);
      document.getElementById(optionId(next.path))?.scrollIntoView({ block: 'nearest' });
    }
  };

  if (rows.length === 0) {
    return <p className="sample-list-empty">No samples yet. Import a folder of WAV, AIFF, FLAC, MP3 or Ogg files.</p>;
  }
  return (
    <>
      <p className="sample-list-count" aria-live="polite">
        {total === rows.length ? `${total} samples` : `${rows.length} of ${total} samples`}
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
            onClick={() => choose(row.path)}
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

function optionId(path: string): string {
  return `sample-${encodeURIComponent(path)}`;
}
