import { useEffect, useId, useRef, useState } from 'react';
import type { JobProgress, MissingSource } from '../../../src/protocol/ipc';
import { useShallow } from 'zustand/react/shallow';
import { missingNow, useProject } from '../../state/project-store';
import { reportError, useSession } from '../../state/session-store';
import { chooseFile } from '../choose-file';
import { JobProgressBar } from '../JobProgressBar';
import { folderOf } from '../../../src/std/absolute-path';
import { fileName } from '../../../src/std/file-name';
import { sourceUses } from '../../../src/model/source-uses';
import { matchLabel, unambiguousLinks, type RelinkCandidate, type RelinkLink } from './relink-candidates';
import { cancelFolderSearch, libraryCandidates, lostFile, searchFolder } from './relink-search';

/**
 * After opening a project whose audio moved: lists the missing files, looks each up in the
 * library (by content hash first, then by file name) and offers the best match, relinks every
 * file found by content in one click, searches a folder the producer chooses (content first,
 * then name: a job with progress and Cancel), or takes a file the producer chooses or types. Keeping them silent
 * closes it (cancelling a search under way); the clips stay marked.
 */
export function MissingAudioDialog() {
  const missing = useProject(useShallow(missingNow));
  const [dismissed, setDismissed] = useState<readonly MissingSource[]>([]);
  // Dismissed entries stay missing (and marked on the timeline); a newly opened project's are new entries.
  if (!missing.some((m) => !dismissed.includes(m))) return null;
  return <MissingAudioList missing={missing} onDismiss={() => setDismissed(missing)} />;
}

function MissingAudioList({ missing, onDismiss }: { missing: readonly MissingSource[]; onDismiss: () => void }) {
  const relink = useProject((s) => s.relink);
  const project = useProject((s) => s.project);
  const uses = new Map(missing.map((m) => [m.sourceId, sourceUses(project, m.sourceId).join(', ')]));
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [found, setFound] = useState<ReadonlyMap<MissingSource, readonly RelinkCandidate[]>>(new Map());
  const [typed, setTyped] = useState<ReadonlyMap<MissingSource, string>>(new Map());
  /** What runs now: a relink, or a folder search (which hashes files and may take a while). */
  const [busy, setBusy] = useState<'relinking' | 'searching' | null>(null);
  /** The folder search's latest progress; null before its first report. */
  const [searchJob, setSearchJob] = useState<JobProgress | null>(null);
  const [searchNote, setSearchNote] = useState<string | null>(null);
  const searchJobId = useRef<string | null>(null);
  const asked = useRef(new Set<MissingSource>());

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  // Closing the dialog mid-search cancels the search, so nothing is relinked behind the user's back.
  useEffect(
    () => () => {
      if (searchJobId.current) void cancelFolderSearch(searchJobId.current).catch(reportError);
    },
    [],
  );
  useEffect(() => {
    const unasked = missing.filter((m) => !asked.current.has(m));
    if (unasked.length === 0) return;
    for (const m of unasked) asked.current.add(m);
    const offer = (candidates: readonly (readonly RelinkCandidate[])[]) => setFound((before) => new Map([...before, ...unasked.map((m, i) => [m, candidates[i] ?? []] as const)]));
    libraryCandidates(unasked.map(lostFile))
      .then(offer)
      .catch((error: unknown) => {
        // Say why, and offer nothing rather than look forever: a folder or a path still works.
        reportError(error);
        offer([]);
      });
  }, [missing]);

  const run = async (links: readonly RelinkLink[], done: (count: number) => string) => {
    setBusy('relinking');
    try {
      const count = await relink(links);
      // A file that would not load was reported by relink; that notice stays up.
      if (count === links.length) useSession.getState().notify('info', done(count));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };
  const bySource = new Map(missing.flatMap((m) => (found.has(m) ? [[m.sourceId, found.get(m) ?? []] as const] : [])));
  const byContent = unambiguousLinks(bySource, 'content');
  const byName = unambiguousLinks(bySource, 'name');
  const searchUnder = async () => {
    const folder = await chooseFile('relink-folder', { defaultPath: folderOf(missing[0]?.path ?? '') || null });
    if (!folder) return;
    setBusy('searching');
    setSearchNote(null);
    try {
      const lost = missingNow(useProject.getState()).map(lostFile);
      const result = await searchFolder(folder, lost, (progress) => {
        searchJobId.current = progress.jobId;
        setSearchJob(progress);
      });
      if (result.cancelled) {
        setSearchNote('Search cancelled: nothing was relinked.');
        return;
      }
      if (result.links.length === 0) {
        useSession.getState().notify('error', `None of the ${lost.length} missing file(s) is under ${folder}, by content or by name. Try a folder higher up.`);
        return;
      }
      const count = await relink(result.links);
      if (count === result.links.length) useSession.getState().notify('info', `Relinked ${count} of ${lost.length} missing file(s) from ${folder}: ${result.byContent} found by content, ${result.byName} by name.`);
    } catch (error) {
      reportError(error);
    } finally {
      searchJobId.current = null;
      setSearchJob(null);
      setBusy(null);
    }
  };
  const cancelSearch = () => {
    if (searchJob) void cancelFolderSearch(searchJob.jobId).catch(reportError);
  };

  return (
    <dialog ref={dialog} className="path-dialog missing-dialog" aria-label="Missing audio" onClose={onDismiss}>
      <h2>Missing audio</h2>
      <p>These files were not found. The clips, drum pads and samplers that play them stay in the project, silent, until you relink them.</p>
      <ul className="missing-list">
        {missing.map((source, i) => {
          const name = fileName(source.path);
          const candidates = found.get(source);
          const value = typed.get(source) ?? candidates?.[0]?.path ?? '';
          const offered = candidates?.find((c) => c.path === value);
          return (
            <li key={source.sourceId}>
              <span className="missing-name" title={source.path}>
                {name}
                {uses.get(source.sourceId) && <small className="missing-uses">{uses.get(source.sourceId)}</small>}
              </span>
              <span className={`match-badge${offered?.match === 'content' ? ' content' : ''}`}>
                {candidates === undefined ? 'Looking…' : offered ? matchLabel(offered.match) : candidates.length === 0 && !value ? 'Not in the library' : ''}
              </span>
              <input
                aria-label={`New path for ${name}`}
                placeholder="/new/path/to/the/file"
                list={`${listId}-${i}`}
                value={value}
                onChange={(event) => setTyped(new Map([...typed, [source, event.target.value]]))}
              />
              <datalist id={`${listId}-${i}`}>
                {candidates?.map((c) => (
                  <option key={c.path} value={c.path} label={matchLabel(c.match)} />
                ))}
              </datalist>
              <button
                type="button"
                aria-label={`Choose the file for ${name}`}
                title="Find the file yourself"
                disabled={busy !== null}
                onClick={() =>
                  void chooseFile('relink-file', { defaultPath: folderOf(value.trim() || source.path) || null }).then((path) => {
                    if (path) void run([{ sourceId: source.sourceId, path }], () => `Relinked ${name}.`);
                  })
                }
              >
                Choose…
              </button>
              <button type="button" aria-label={`Relink ${name}`} disabled={busy !== null || !value.trim()} onClick={() => void run([{ sourceId: source.sourceId, path: value.trim() }], () => `Relinked ${name}.`)}>
                Relink
              </button>
            </li>
          );
        })}
      </ul>
      <div className="dialog-buttons relink-actions">
        {byContent.length > 0 && (
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void run(byContent, (n) => `Relinked ${n} file(s) found by content in the library.`)}>
            Relink {byContent.length} found by content
          </button>
        )}
        {byName.length > 0 && (
          <button type="button" disabled={busy !== null} onClick={() => void run(byName, (n) => `Relinked ${n} file(s) found by name in the library.`)}>
            Relink {byName.length} found by name
          </button>
        )}
      </div>
      <div className="dialog-buttons relink-actions">
        <button type="button" disabled={busy !== null} onClick={() => void searchUnder()} title="Choose a folder; Glowroom looks in it and below it, by content and by name">
          {busy === 'searching' ? 'Searching…' : 'Search folder…'}
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Keep them silent
        </button>
      </div>
      {busy === 'searching' && <JobProgressBar job={searchJob} noun="Search" waiting="Looking for audio files…" onCancel={cancelSearch} />}
      {searchNote && (
        <p className="search-note" role="status">
          {searchNote}
        </p>
      )}
    </dialog>
  );
}
