import './file-browser.css';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BrowseSession, FolderEntry, FolderListing } from '../../src/protocol/files';
import { folderOf, isAbsolutePath, joinPath } from '../../src/std/absolute-path';
import { runtime } from '../state/runtime';
import { useFileBrowser } from './choose-file';
import { formatBytes, formatDate } from './format';

/** Shows the in-page file browser while a browse session is open (the web host's stand-in for the system dialog). */
export function FileBrowserHost() {
  const browse = useFileBrowser((s) => s.browse);
  return browse ? <FileBrowserDialog key={browse.session} browse={browse} /> : null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A desktop-style file dialog served by the host: places and recent files beside a list of
 * folders and the files that fit the purpose, an editable location (type or paste any path and
 * press Enter), a file name for saves. Arrows move, Enter or a double-click opens a folder or
 * picks a file, Backspace goes up. Listing grants nothing; the Node side grants what is picked.
 */
function FileBrowserDialog({ browse }: { browse: BrowseSession }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [location, setLocation] = useState(browse.folder);
  const [name, setName] = useState(browse.name);
  const [selected, setSelected] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The first listing has answered; until then the location is not editable, so it cannot overwrite what the user types. */
  const [started, setStarted] = useState(false);
  const saving = browse.kind === 'save-file';

  const go = async (folder: string, select?: string) => {
    try {
      const next = await runtime().bridge.call('files.list', { session: browse.session, folder });
      setListing(next);
      setLocation(next.folder);
      setSelected(select ? next.entries.findIndex((e) => e.name === select) : -1);
      setProblem(null);
      return true;
    } catch (error) {
      setProblem(messageOf(error));
      return false;
    }
  };
  const pick = async (path: string) => {
    setBusy(true);
    try {
      const picked = await runtime().bridge.call('files.pick', { session: browse.session, path });
      useFileBrowser.getState().finish(picked.path);
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  };
  useEffect(() => {
    dialog.current?.showModal();
    void go(browse.folder).finally(() => setStarted(true));
    // Only when the session opens; `go` is recreated each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [browse.session]);

  const entries = listing?.entries ?? [];
  const current = entries[selected] ?? null;

  const open = (entry: FolderEntry) => {
    if (entry.kind === 'folder') void go(entry.path);
    else if (saving) setName(entry.name);
    else void pick(entry.path);
  };
  const typed = location.trim();
  /** The user typed a location of their own: the main button takes it, as desktop dialogs do. */
  const locationEdited = listing !== null && typed !== listing.folder;
  /** The named file in the folder shown would be replaced; a typed location names its own target instead. */
  const existing = saving && !locationEdited ? entries.find((e) => e.kind === 'file' && e.name === name.trim()) : undefined;
  /** The main button: a typed location, else the file to open or save, or the folder chosen (the selected one, else the one shown). */
  const act = () => {
    if (!listing) return;
    if (locationEdited) void submitLocation('action');
    else if (browse.kind === 'folder') void pick(current?.kind === 'folder' ? current.path : listing.folder);
    else if (saving) void pick(isAbsolutePath(name.trim()) ? name.trim() : joinPath(listing.folder, name.trim()));
    else if (current) open(current);
  };
  /** A typed location: Enter shows a folder, the main button picks it when choosing a folder; anything else is what the user picks. */
  const submitLocation = async (how: 'enter' | 'action') => {
    if (!isAbsolutePath(typed)) {
      setProblem('Type a full path, from the top of the disk (like /home/me/Music).');
      return;
    }
    if (browse.kind === 'folder' && how === 'action') return pick(typed);
    if (await go(typed)) return;
    if (browse.kind !== 'folder') await pick(typed);
  };
  const onListKey = (event: KeyboardEvent) => {
    const move = (to: number) => {
      event.preventDefault();
      const index = Math.max(0, Math.min(entries.length - 1, to));
      setSelected(index);
      list.current?.querySelectorAll('[role=option]')[index]?.scrollIntoView({ block: 'nearest' });
    };
    if (event.key === 'ArrowDown') move(selected + 1);
    else if (event.key === 'ArrowUp') move(selected - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entries.length - 1);
    else if (event.key === 'Enter' && current) {
      event.preventDefault();
      open(current);
    } else if ((event.key === 'Backspace' || (event.altKey && event.key === 'ArrowUp')) && listing?.parent) {
      event.preventDefault();
      void go(listing.parent, listing.folder.slice(listing.parent.length).replace(/^[\\/]/, ''));
    }
  };
  const ready = !busy && listing !== null && (locationEdited || browse.kind === 'folder' || (saving ? name.trim() !== '' : current?.kind === 'file'));

  return (
    <dialog ref={dialog} className="file-browser" aria-label={browse.title} onClose={() => useFileBrowser.getState().finish(null)}>
      <h2>{browse.title}</h2>
      <div className="file-browser-location">
        <button type="button" aria-label="Up one folder" title="Up one folder (Backspace)" disabled={!listing?.parent} onClick={() => listing?.parent && void go(listing.parent)}>
          ↑
        </button>
        <input
          aria-label="Location"
          title="Type or paste a full path and press Enter"
          value={location}
          disabled={!started}
          spellCheck={false}
          onChange={(event) => setLocation(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            void submitLocation('enter');
          }}
        />
      </div>
      <div className="file-browser-body">
        <nav className="file-browser-places" aria-label="Places">
          {(['folder', 'file'] as const).map((kind) => {
            const places = browse.places.filter((place) => place.kind === kind);
            if (places.length === 0) return null;
            return (
              <div key={kind} className="file-browser-place-group">
                <h3>{kind === 'folder' ? 'Places' : 'Recent'}</h3>
                {places.map((place) => (
                  <button
                    type="button"
                    key={place.path}
                    className={listing?.folder === place.path ? 'here' : ''}
                    title={place.path}
                    onClick={() => void (kind === 'folder' ? go(place.path) : go(folderOf(place.path), place.label))}
                  >
                    <EntryIcon kind={kind} /> {place.label}
                  </button>
                ))}
              </div>
            );
          })}
        </nav>
        <div className="file-browser-list" role="listbox" aria-label="Files" tabIndex={0} ref={list} onKeyDown={onListKey} aria-activedescendant={current ? `file-row-${selected}` : undefined}>
          <div className="file-browser-head" aria-hidden="true">
            <span>Name</span>
            <span>Size</span>
            <span>Modified</span>
          </div>
          {entries.map((entry, i) => (
            <div
              key={entry.path}
              id={`file-row-${i}`}
              role="option"
              aria-selected={i === selected}
              className="file-browser-row"
              onClick={() => {
                setSelected(i);
                if (saving && entry.kind === 'file') setName(entry.name);
              }}
              onDoubleClick={() => open(entry)}
            >
              <span className="file-browser-name">
                <EntryIcon kind={entry.kind} /> {entry.name}
              </span>
              <span>{entry.size === null ? '' : formatBytes(entry.size)}</span>
              <span>{entry.modified === null ? '' : formatDate(entry.modified)}</span>
            </div>
          ))}
          {listing && entries.length === 0 && <p className="file-browser-empty">No folders or {browse.filter.label.toLowerCase()} here.</p>}
          {listing && listing.leftOut > 0 && <p className="file-browser-empty">{listing.leftOut} more not shown: type the path of the one you want.</p>}
        </div>
      </div>
      {saving && (
        <label className="file-browser-name-field">
          File name
          <input
            aria-label="File name"
            autoFocus
            value={name}
            spellCheck={false}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              if (ready) act();
            }}
          />
        </label>
      )}
      <p className="file-browser-filter">{browse.kind === 'folder' ? `Choose a folder: ${current?.kind === 'folder' ? current.name : (listing?.folder ?? '')}` : `Showing ${browse.filter.label}`}</p>
      {existing && <p className="file-browser-note">{existing.name} already exists; saving replaces it.</p>}
      {problem && (
        <p className="file-browser-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!ready} onClick={act}>
          {busy ? 'Working…' : existing ? 'Replace' : browse.action}
        </button>
      </div>
    </dialog>
  );
}

/** A folder or a file, drawn as desktop file dialogs draw them. */
function EntryIcon({ kind }: { kind: 'folder' | 'file' }) {
  return kind === 'folder' ? (
    <svg className="entry-icon folder" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M1.5 3.5h4.2l1.5 1.6h7.3v7.9h-13z" />
    </svg>
  ) : (
    <svg className="entry-icon file" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3.5 1.5h6l3 3v10h-9z" />
      <path d="M9.5 1.5v3h3" />
    </svg>
  );
}
