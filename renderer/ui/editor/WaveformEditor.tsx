import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions';
import { onsetsFromPeaks } from '../../../src/analysis/onsets';
import { chopClipAtBeats, chopLabel, gridChopPositions, transientChopPositions, type ChopDivision } from '../../../src/model/edits/chop';
import { setClipFades, setClipGain, setClipMute, toggleClipReverse } from '../../../src/model/edits/clip-edits';
import { clipGainLabel, clipMuteLabel, fadeLabel, reverseLabel } from '../../../src/model/edits/labels';
import { resolveClip, type ClipRef } from '../../../src/model/edits/selection';
import type { AudioClip, Project } from '../../../src/model/project-schema';
import { useEditor } from '../../state/editor-store';
import { useProject } from '../../state/project-store';
import { sourceDurationsOf, useSamples, type SampleInfo } from '../../state/samples-store';
import { useSession } from '../../state/session-store';
import { useTimeline } from '../../state/timeline-store';
import { useTransport } from '../../state/transport-store';
import { clipDisplayName, refsOf, sliceToSamplerFrom } from '../timeline';
import {
  clipSourceRange,
  peakDbfsInRange,
  peaksAsRead,
  peaksForDisplay,
  setClipToSourceRange,
  sourceSecondsToTimeline,
  type SourceRange,
} from './clip-source';
import { formatDb } from '../format';
import { ClipNameField } from './ClipNameField';
import { NormalizeControl } from './NormalizeControl';
import { useWarpMarkers } from './use-warp-markers';
import { WarpControls } from './WarpControls';
import { WarpMarkerMenu } from './WarpMarkerMenu';
import './editor.css';

const waveHeight = 168;
const maxPxPerSec = 4000;

/** The editor for the clip chosen by double-click, or nothing while none is. */
export function WaveformEditor() {
  const target = useEditor((s) => s.target);
  const project = useProject((s) => s.project);
  const found = target ? resolveClip(project, target)?.clip : undefined;
  // The waveform editor edits audio; a note clip has no source to show.
  const clip = found?.kind === 'audio' ? found : null;
  const path = clip ? (project.sources[clip.source]?.path ?? '') : '';
  const info = useSamples((s) => s.byPath[path]);
  // A note clip opens in the beat editor instead.
  if (!target || found?.kind === 'notes') return null;
  return <EditorDialog target={target} project={project} clip={clip} info={info ?? null} />;
}

function EditorDialog({ target, project, clip, info }: { target: ClipRef; project: Project; clip: AudioClip | null; info: SampleInfo | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const name = clip && info ? clipDisplayName(clip, info.path) : 'clip';
  return (
    <dialog ref={dialog} className="waveform-editor" aria-label="Waveform editor" onClose={() => stopSelection(() => useEditor.getState().close())}>
      <header className="editor-header">
        <h2>{clip ? name : 'Clip removed'}</h2>
        <form method="dialog">
          <button type="submit" aria-label="Close editor">
            Close
          </button>
        </form>
      </header>
      {clip && info ? (
        <EditorBody target={target} project={project} clip={clip} info={info} />
      ) : (
        <p className="editor-note">{clip ? 'The audio of this clip is not loaded yet.' : 'This clip no longer exists (deleted or undone).'}</p>
      )}
    </dialog>
  );
}

function EditorBody({ target, project, clip, info }: { target: ClipRef; project: Project; clip: AudioClip; info: SampleInfo }) {
  const duration = info.frames / info.sampleRate;
  const host = useRef<HTMLDivElement>(null);
  const surfer = useRef<WaveSurfer | null>(null);
  const regions = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const [ready, setReady] = useState(false);
  const [fitPxPerSec, setFitPxPerSec] = useState(1);
  const [pxPerSec, setPxPerSec] = useState(0);
  const [selection, setSelection] = useState<SourceRange | null>(null);
  const [playing, setPlaying] = useState(false);
  const range = clipSourceRange(project, clip, duration);
  const readPeaks = useMemo(() => peaksAsRead(info.peaks, clip.reverse), [info.peaks, clip.reverse]);
  const onsets = useMemo(() => onsetsFromPeaks(readPeaks, duration), [readPeaks, duration]);
  const durations = () => ({ sourceDurations: sourceDurationsOf(useProject.getState().project, useSamples.getState().byPath) });

  // One wavesurfer per source and direction, drawn from the stored peaks: no URL, no media, no
  // decoding (wavesurfer builds its buffer from `peaks` + `duration` and never fetches).
  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const style = getComputedStyle(parent);
    const plugin = RegionsPlugin.create();
    // wavesurfer builds its DOM into a detached element first, so its shadow <style> can be moved
    // to a constructed style sheet before the page sees it: the app's CSP (style-src 'self')
    // refuses inline <style> elements.
    const container = document.createElement('div');
    const ws = WaveSurfer.create({
      container,
      height: waveHeight,
      peaks: [peaksForDisplay(info.peaks, clip.reverse)],
      duration,
      waveColor: style.getPropertyValue('--accent').trim(),
      progressColor: style.getPropertyValue('--accent').trim(),
      cursorWidth: 0,
      interact: false,
      autoScroll: false,
      normalize: false,
      plugins: [plugin],
    });
    adoptShadowStyles(container);
    parent.appendChild(container);
    surfer.current = ws;
    regions.current = plugin;
    const unsubscribe = [
      ws.on('ready', () => {
        const fit = container.clientWidth / duration;
        setFitPxPerSec(fit);
        setPxPerSec(fit);
        setReady(true);
      }),
      plugin.on('region-created', (region: Region) => {
        if (!region.id.startsWith('selection')) return;
        for (const other of plugin.getRegions()) if (other !== region && other.id.startsWith('selection')) other.remove();
        setSelection({ start: region.start, end: region.end });
      }),
      plugin.on('region-updated', (region: Region) => {
        if (region.id.startsWith('selection')) setSelection({ start: region.start, end: region.end });
      }),
    ];
    const stopDragSelection = plugin.enableDragSelection({ id: 'selection', color: style.getPropertyValue('--select-soft').trim() });
    return () => {
      stopDragSelection();
      for (const off of unsubscribe) off();
      ws.destroy();
      container.remove();
      surfer.current = null;
      regions.current = null;
      setReady(false);
      setSelection(null);
    };
  }, [info.peaks, clip.reverse, duration]);

  // The clip's bounds and fades as regions over the source.
  useEffect(() => {
    const plugin = regions.current;
    if (!plugin || !ready) return;
    const style = getComputedStyle(host.current ?? document.documentElement);
    const fixed = { drag: false, resize: false };
    const drawn = [plugin.addRegion({ id: 'clip', start: range.start, end: Math.max(range.end, range.start + 1e-3), color: 'transparent', content: 'clip', ...fixed })];
    if (clip.fadeIn > 0) drawn.push(plugin.addRegion({ id: 'fade-in', start: range.start, end: Math.min(range.end, range.start + clip.fadeIn), color: style.getPropertyValue('--surface-4').trim(), ...fixed }));
    if (clip.fadeOut > 0) drawn.push(plugin.addRegion({ id: 'fade-out', start: Math.max(range.start, range.end - clip.fadeOut), end: range.end, color: style.getPropertyValue('--surface-4').trim(), ...fixed }));
    return () => drawn.forEach((region) => region.remove());
  }, [ready, range.start, range.end, clip.fadeIn, clip.fadeOut]);

  useEffect(() => {
    if (ready && pxPerSec > 0) surfer.current?.zoom(pxPerSec);
  }, [ready, pxPerSec]);

  const zoomBy = (factor: number) => setPxPerSec((px) => Math.min(maxPxPerSec, Math.max(fitPxPerSec, px * factor)));
  const onWheel = (event: React.WheelEvent) => {
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return;
    zoomBy(event.deltaY < 0 ? 1.25 : 0.8);
  };

  const ref = target;
  const markers = useWarpMarkers(regions.current, surfer.current, ready, clip, ref, onsets, pxPerSec);
  const edit = useProject.getState().edit;
  const setToSelection = () => {
    if (selection) edit('Set Clip to Selection', (p) => setClipToSourceRange(p, ref, selection, durations()));
  };
  const chop = (positions: number[]) => {
    let created: string[] = [];
    const pieces = positions.length + 1;
    edit(chopLabel(pieces), (p) => {
      const result = chopClipAtBeats(p, ref, positions, durations());
      created = result.created.map((r) => r.clipId);
      return result.project;
    });
    if (created.length > 0) useTimeline.getState().select([clip.id, ...created]);
  };
  const chopGrid = (division: ChopDivision) => chop(gridChopPositions(clip, division));
  const transientPositions = transientChopPositions(clip, onsets, project);
  // The chop's slices when the selection is the chopped pieces of this clip, else its transients.
  const sliceToSampler = () => {
    const chopped = refsOf(project, useTimeline.getState().selection);
    if (chopped.length > 1 && chopped.some((r) => r.clipId === clip.id)) sliceToSamplerFrom(chopped);
    else sliceToSamplerFrom([ref], transientPositions);
  };

  const playSelection = async () => {
    const span = selection ?? range;
    const from = Math.max(clip.start, sourceSecondsToTimeline(project, clip, span.start));
    const to = Math.min(clip.start + clip.length, sourceSecondsToTimeline(project, clip, span.end));
    if (!(to > from)) {
      useSession.getState().notify('info', 'The selection lies outside the clip, so it is silent on the timeline.');
      return;
    }
    const transport = useTransport.getState();
    transport.borrowLoop({ start: from, end: to });
    transport.seekToBeat(from);
    await transport.play();
    setPlaying(true);
  };

  const clearSelection = () => {
    for (const region of regions.current?.getRegions() ?? []) if (region.id.startsWith('selection')) region.remove();
    setSelection(null);
  };

  const peak = peakDbfsInRange(readPeaks, duration, range);

  return (
    <div className="editor-body">
      <div className="editor-toolbar" role="toolbar" aria-label="Editor view">
        <button type="button" onClick={() => zoomBy(0.5)} disabled={!ready || pxPerSec <= fitPxPerSec} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => zoomBy(2)} disabled={!ready || pxPerSec >= maxPxPerSec} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => setPxPerSec(fitPxPerSec)} disabled={!ready}>
          Fit
        </button>
        <output className="editor-readout" aria-label="Zoom level">
          {ready ? `${Math.round((pxPerSec / fitPxPerSec) * 100)} %` : 'loading'}
        </output>
        <span className="editor-spacer" />
        <output className="editor-readout" aria-label="Selection">
          {selection ? `Selection ${formatSeconds(selection.start)}–${formatSeconds(selection.end)}` : 'Drag on the waveform to select'}
        </output>
      </div>
      <div className="editor-wave" ref={host} onWheel={onWheel} aria-label={`Waveform of ${info.name}`} role="img" />
      {markers.menu && <WarpMarkerMenu menu={markers.menu} onDelete={markers.remove} onClose={markers.closeMenu} />}
      <div className="editor-toolbar" role="toolbar" aria-label="Selection">
        <button type="button" onClick={() => void playSelection()} title="Loops the selection's place on the timeline (other tracks play too)">
          {selection ? 'Play selection' : 'Play clip'}
        </button>
        <button type="button" onClick={() => stopSelection(() => setPlaying(false))} disabled={!playing}>
          Stop
        </button>
        <button type="button" className="primary" onClick={setToSelection} disabled={!selection}>
          Set clip to selection
        </button>
        <button type="button" onClick={clearSelection} disabled={!selection}>
          Clear selection
        </button>
        <span className="editor-spacer" />
        <span className="editor-readout">
          Clip {formatSeconds(range.start)}–{formatSeconds(range.end)} of {formatSeconds(duration)}
          {clip.loop ? ' · loops' : ''}
        </span>
      </div>
      <div className="editor-controls">
        <fieldset>
          <legend>Fades</legend>
          <MillisecondsField label="Fade in" seconds={clip.fadeIn} onCommit={(s) => edit(fadeLabel(1), (p) => setClipFades(p, [ref], { fadeIn: s }))} />
          <MillisecondsField label="Fade out" seconds={clip.fadeOut} onCommit={(s) => edit(fadeLabel(1), (p) => setClipFades(p, [ref], { fadeOut: s }))} />
        </fieldset>
        <fieldset>
          <legend>Level</legend>
          <GainSlider gainDb={clip.gainDb} refs={ref} />
          <NormalizeControl info={info} range={range} peakDbfs={peak} onGain={(gain) => edit('Normalize Clip', (p) => setClipGain(p, [ref], gain))} />
        </fieldset>
        <fieldset>
          <legend>Clip</legend>
          <ClipNameField name={clip.name} placeholder={info.name} clipRef={ref} />
          <label className="editor-check">
            <input type="checkbox" checked={clip.mute} onChange={() => edit(clipMuteLabel(1, !clip.mute), (p) => setClipMute(p, [ref], !clip.mute))} />
            Mute
          </label>
          <label className="editor-check">
            <input type="checkbox" checked={clip.reverse} onChange={() => edit(reverseLabel(1, !clip.reverse), (p) => toggleClipReverse(p, [ref], durations()))} />
            Reverse
          </label>
        </fieldset>
        {clip.kind === 'audio' ? <WarpControls clip={clip} clipRef={ref} source={info} /> : null}
        <fieldset>
          <legend>Chop</legend>
          <div className="editor-row">
            {([4, 8, 16] as const).map((division) => (
              <button key={division} type="button" onClick={() => chopGrid(division)} disabled={gridChopPositions(clip, division).length === 0} aria-label={`Chop every 1/${division} note`}>
                1/{division}
              </button>
            ))}
            <button type="button" onClick={() => chop(transientPositions)} disabled={transientPositions.length === 0} title="Onsets found in the stored waveform peaks (≈1.5 ms buckets), not in the PCM">
              At transients ({transientPositions.length})
            </button>
            <button type="button" onClick={sliceToSampler} disabled={clip.reverse} title="A new sampler track playing the chopped slices (or the transients) one per key, and a note clip that replays them">
              Slice to sampler
            </button>
          </div>
        </fieldset>
      </div>
    </div>
  );
}

/** Moves the inline <style> of every shadow root under `element` into a constructed sheet. */
function adoptShadowStyles(element: HTMLElement): void {
  for (const node of element.querySelectorAll('*')) {
    const root = node.shadowRoot;
    if (!root) continue;
    const sheets: CSSStyleSheet[] = [];
    for (const inline of root.querySelectorAll('style')) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(inline.textContent);
      sheets.push(sheet);
      inline.remove();
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }
}

/** "Play selection" borrows the loop (the song's is untouched); Stop and close give it back. */
function stopSelection(then: () => void): void {
  const transport = useTransport.getState();
  if (transport.borrowedLoop) {
    if (transport.playing) transport.stop();
    transport.borrowLoop(null);
  }
  then();
}

function MillisecondsField({ label, seconds, onCommit }: { label: string; seconds: number; onCommit: (seconds: number) => void }) {
  const shown = Math.round(seconds * 1000);
  const commit = (text: string) => {
    const ms = Number(text);
    if (text.trim() !== '' && Number.isFinite(ms) && Math.round(ms) !== shown) onCommit(Math.max(0, ms) / 1000);
  };
  return (
    <label className="editor-field">
      {label}
      <input
        key={shown}
        type="number"
        min={0}
        step={1}
        defaultValue={shown}
        aria-label={`${label} (ms)`}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
      <span className="editor-unit">ms</span>
    </label>
  );
}

/** Clip gain: dragging previews live and records one step on release. */
function GainSlider({ gainDb, refs }: { gainDb: number; refs: ClipRef }) {
  const end = () => useProject.getState().endGesture(clipGainLabel(1));
  const shown = Math.max(-48, Math.min(24, gainDb));
  return (
    <label className="editor-field">
      Gain
      <input
        type="range"
        min={-48}
        max={24}
        step={0.1}
        value={shown}
        aria-label="Clip gain"
        aria-valuetext={formatDb(gainDb)}
        onChange={(e) => {
          const value = Number(e.currentTarget.value);
          useProject.getState().previewGesture((p) => setClipGain(p, [refs], value));
        }}
        onPointerUp={end}
        onKeyUp={end}
        onBlur={end}
      />
      <span className="editor-unit">{formatDb(gainDb)}</span>
    </label>
  );
}

function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(3)} s`;
}
