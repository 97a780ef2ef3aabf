import { useEffect, useMemo, useRef, useState } from 'react';
import { stemsLoudnessNote, type ExportArgs } from '../../../src/protocol/ipc';
import { useExport } from '../../state/export-store';
import type { Project } from '../../../src/model/project-schema';
import type { LoopRange } from '../../../src/protocol/engine';
import { displayName, useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { extensionOf, formatChoices, loudnessChoices, type LoudnessChoice, type WhatChoice } from './export-choices';
import { DestinationField } from './DestinationField';
import { exportDestination } from './export-destination';
import { LoudnessReport } from './LoudnessReport';
import { WrittenFiles } from './WrittenFiles';
import { folderOf, joinPath } from '../../../src/std/absolute-path';
import { Clock } from '../../../src/std/clock';
import { beats } from '../../../src/std/units';
import { useSession } from '../../state/session-store';
import { ShortClipFields, type ShortClipShape } from './ShortClipFields';
import { songLeftFrom } from '../../../src/protocol/short-clip';
import '../job-progress.css';
import './export.css';

/**
 * Export for upload (Ctrl+E): what (song, loop range, a 15/30/60 s clip), format, rate,
 * loudness target, tags, stems; a progress bar with cancel; the loudness report at the end.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { running, job, report, start, cancel, clearReport } = useExport();
  const name = useProject(displayName);
  const filePath = useProject((s) => s.filePath);
  const exportsDir = useSession((s) => s.info?.exportsDir ?? '');
  const tempo = useProject((s) => s.project.tempo);
  const loop = useProject((s) => s.project.loop) ?? null;
  const selection = useTimeline((s) => s.selection);
  const project = useProject((s) => s.project);
  const selected = useMemo(() => selectionSpan(project, selection), [project, selection]);
  // The project's folder, or for an untitled project Glowroom's exports folder in the user's music folder.
  const defaultFolder = filePath ? folderOf(filePath) : exportsDir;
  const [what, setWhat] = useState<WhatChoice>('song');
  const [format, setFormat] = useState('WAV 24-bit');
  const [rate, setRate] = useState<ExportArgs['sampleRate']>(48_000);
  const [loudness, setLoudness] = useState<LoudnessChoice>('streaming');
  const [custom, setCustom] = useState({ targetLufs: -14, ceilingDbtp: -1 });
  const clock = Clock.of(project);
  const [shortClip, setShortClip] = useState<ShortClipShape>({ startBar: loop ? 1 + clock.barsAt(beats(loop.start)) : 1, fadeInMs: 50, fadeOutMs: 1000 });
  const [tail, setTail] = useState(true);
  const [stems, setStems] = useState(false);
  const [zipStems, setZipStems] = useState(false);
  const [tags, setTags] = useState({ title: name, artist: '', album: '', genre: '', year: String(new Date().getFullYear()), comment: '' });
  const chosenFormat = formatChoices[format] ?? { kind: 'wav', bits: 24 };
  const clipSeconds = what.startsWith('clip-') ? Number(what.slice(5)) : null;
  const clipLeft = songLeftFrom(project, clock.barStart(shortClip.startBar - 1));
  const loudStems = report?.stems.some((stem) => stem.peakDbfs !== null && stem.peakDbfs > 0) ?? false;
  const [outPath, setOutPath] = useState(joinPath(defaultFolder, `${name}.${extensionOf(chosenFormat)}`));
  const destination = exportDestination(outPath, stems, defaultFolder, name);

  useEffect(() => {
    clearReport();
    dialog.current?.showModal();
  }, [clearReport]);
  const extension = extensionOf(chosenFormat);
  useEffect(() => {
    setOutPath((current) => current.replace(/\.(wav|flac|mp3)$/i, `.${extension}`));
  }, [extension]);

  const submit = () => {
    const range = rangeOf(what, loop, selected, { startBeats: clock.barStart(shortClip.startBar - 1), fadeInSeconds: shortClip.fadeInMs / 1000, fadeOutSeconds: shortClip.fadeOutMs / 1000 });
    const target = loudness === 'off' ? null : loudness === 'custom' ? custom : loudnessChoices[loudness];
    void start({
      project: useProject.getState().project,
      outPath: destination.mix,
      stems: destination.stems ? { folder: destination.stems, zip: zipStems } : null,
      range,
      format: chosenFormat,
      sampleRate: rate,
      tailSeconds: tail && what === 'song' ? 10 : 0,
      normalize: target ? { targetLufs: target.targetLufs, ceilingDbtp: target.ceilingDbtp } : null,
      tags: { ...tags, bpm: tempo },
    });
  };
  const progress = job?.total ? job.done / job.total : 0;
  return (
    <dialog ref={dialog} className="export-dialog" aria-label="Export" onClose={onClose}>
      <h2>Export</h2>
      {report ? (
        <>
          <LoudnessReport report={report} />
          <WrittenFiles report={report} />
        </>
      ) : (
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label>
            What
            <select aria-label="What to export" value={what} onChange={(e) => setWhat(e.target.value as WhatChoice)} disabled={running}>
              <option value="song">The whole song</option>
              <option value="loop" disabled={!loop}>
                The loop range
              </option>
              <option value="selection" disabled={!selected}>
                The selected clips
              </option>
              <option value="clip-15">A 15 s clip</option>
              <option value="clip-30">A 30 s clip</option>
              <option value="clip-60">A 60 s clip</option>
            </select>
          </label>
          <label>
            Format
            <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value)} disabled={running}>
              {Object.keys(formatChoices).map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
          <label>
            Sample rate
            <select aria-label="Sample rate" value={rate} onChange={(e) => setRate(Number(e.target.value) as ExportArgs['sampleRate'])} disabled={running}>
              <option value={44_100}>44.1 kHz</option>
              <option value={48_000}>48 kHz</option>
              <option value={96_000}>96 kHz</option>
            </select>
          </label>
          <label>
            Loudness
            <select
              aria-label="Loudness target"
              aria-describedby={stems ? 'stems-loudness-note' : undefined}
              value={loudness}
              onChange={(e) => setLoudness(e.target.value as LoudnessChoice)}
              disabled={running}
            >
              {Object.entries(loudnessChoices).map(([key, choice]) => (
                <option key={key} value={key}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          {stems && (
            <p id="stems-loudness-note" className="stems-loudness-note" role="note">
              {stemsLoudnessNote}
            </p>
          )}
          {clipSeconds !== null && <ShortClipFields shape={shortClip} seconds={clipSeconds} left={clipLeft} onChange={setShortClip} disabled={running} />}
          {loudness === 'custom' && (
            <div className="export-field-row">
              <label>
                Target LUFS
                <input type="number" aria-label="Target loudness" step="0.5" min={-40} max={-5} value={custom.targetLufs} onChange={(e) => setCustom({ ...custom, targetLufs: Number(e.target.value) })} />
              </label>
              <label>
                Ceiling dBTP
                <input type="number" aria-label="True-peak ceiling" step="0.1" min={-12} max={0} value={custom.ceilingDbtp} onChange={(e) => setCustom({ ...custom, ceilingDbtp: Number(e.target.value) })} />
              </label>
            </div>
          )}
          <label className="check">
            <input type="checkbox" checked={tail} onChange={(e) => setTail(e.target.checked)} disabled={running || what !== 'song'} /> Let the end ring out (to −90 dBFS)
          </label>
          <label className="check">
            <input type="checkbox" checked={stems} onChange={(e) => setStems(e.target.checked)} disabled={running} /> Also stems, one file per track or bus into the master
          </label>
          {stems && (
            <label className="check">
              <input type="checkbox" checked={zipStems} onChange={(e) => setZipStems(e.target.checked)} disabled={running} /> Zip the stems
            </label>
          )}
          <fieldset className="tags" disabled={running}>
            <legend>Tags</legend>
            {(['title', 'artist', 'album', 'genre', 'year', 'comment'] as const).map((key) => (
              <label key={key}>
                {key[0]?.toUpperCase() + key.slice(1)}
                <input aria-label={key} value={tags[key]} onChange={(e) => setTags({ ...tags, [key]: e.target.value })} />
              </label>
            ))}
          </fieldset>
          <DestinationField
            outPath={outPath}
            onChange={setOutPath}
            destination={destination}
            defaultFolder={defaultFolder}
            disabled={running}
          />
          {running && (
            <div className="export-progress">
              <div role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} className="progress">
                <div className="progress-fill" style={{ transform: `scaleX(${progress})` }} />
              </div>
              <span>
                {job?.current ?? 'Starting…'}
                {job && job.etaSeconds !== null ? ` · ${Math.ceil(job.etaSeconds)} s left` : ''}
              </span>
            </div>
          )}
          <div className="dialog-buttons">
            {running ? (
              <button type="button" onClick={() => void cancel()}>
                Cancel export
              </button>
            ) : (
              <button type="button" onClick={() => dialog.current?.close()}>
                Close
              </button>
            )}
            <button type="submit" className="primary" disabled={running || (!destination.mix && !destination.stems) || (clipSeconds !== null && clipLeft <= 0)}>
              Export
            </button>
          </div>
        </form>
      )}
      {report && (
        <div className="dialog-buttons">
          <button type="button" onClick={clearReport}>
            Export again
          </button>
          {loudStems && format !== floatWav && (
            <button
              type="button"
              onClick={() => {
                setFormat(floatWav);
                clearReport();
              }}
            >
              Export again as {floatWav}
            </button>
          )}
          <button type="button" className="primary" onClick={() => dialog.current?.close()}>
            Done
          </button>
        </div>
      )}
    </dialog>
  );
}

/** The format that keeps stems' peaks over 0 dBFS, offered when a stem went over. */
const floatWav = 'WAV 32-bit float';

/** Where the selected clips start and end, in beats; null when nothing is selected. */
function selectionSpan(project: Project, selection: readonly string[]): LoopRange | null {
  if (selection.length === 0) return null;
  const chosen = new Set(selection);
  let start = Infinity;
  let end = -Infinity;
  for (const track of project.tracks) {
    for (const clip of track.clips) {
      if (!chosen.has(clip.id)) continue;
      start = Math.min(start, clip.start);
      end = Math.max(end, clip.start + clip.length);
    }
  }
  return end > start ? { start, end } : null;
}

/** The range the export service is asked for; a short clip starts where the dialog says (by default the loop range's start, else bar 1). */
function rangeOf(
  what: WhatChoice,
  loop: LoopRange | null,
  selected: LoopRange | null,
  clip: { readonly startBeats: number; readonly fadeInSeconds: number; readonly fadeOutSeconds: number },
): ExportArgs['range'] {
  if (what === 'loop' && loop) return { kind: 'beats', startBeats: loop.start, endBeats: loop.end };
  if (what === 'selection' && selected) return { kind: 'beats', startBeats: selected.start, endBeats: selected.end };
  if (what.startsWith('clip-')) return { kind: 'clip', ...clip, seconds: Number(what.slice(5)) };
  return { kind: 'song' };
}
