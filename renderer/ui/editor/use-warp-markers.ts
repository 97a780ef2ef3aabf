import { useCallback, useEffect, useState } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type RegionsPlugin from 'wavesurfer.js/plugins/regions';
import type { Region } from 'wavesurfer.js/plugins/regions';
import { addWarpMarker, deleteWarpMarker, moveWarpMarker } from '../../../src/model/edits/warp-edits';
import type { ClipRef } from '../../../src/model/edits/selection';
import type { AudioClip } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { useSession } from '../../state/session-store';
import { isTyping } from '../is-typing';

/** A double-click this close (pixels) to a transient lands on it; this close to a marker selects it instead. */
const snapPixels = 8;
const markerId = 'warp-';
const transientId = 'transient-';

/** The context menu of a marker: where it opens (client pixels) and which marker it is for. */
export interface MarkerMenu {
  readonly x: number;
  readonly y: number;
  readonly index: number;
}

/**
 * Warp markers and transients in the waveform editor, drawn as zero-length regions of
 * wavesurfer's regions plugin over the source (seconds as read): transients as faint ticks,
 * markers as handles labelled with their beat. Double-click adds a marker (on a transient when
 * one is near); dragging a marker moves the audio that lands on its beat (one undo step on
 * release), so the audio between its neighbours stretches; click selects, ← → nudge, Delete or
 * Backspace or the context menu removes. Only warped clips have markers.
 */
export function useWarpMarkers(plugin: ReturnType<typeof RegionsPlugin.create> | null, surfer: WaveSurfer | null, ready: boolean, clip: AudioClip, ref: ClipRef, transients: readonly number[], pxPerSec: number) {
  const [selected, setSelected] = useState<number | null>(null);
  const [menu, setMenu] = useState<MarkerMenu | null>(null);
  /** Bumped when a drag changed nothing in the document, so the markers are drawn back where they are. */
  const [redraw, setRedraw] = useState(0);
  const markers = clip.warp?.markers;
  const warped = clip.warp !== undefined;

  const remove = useCallback(
    (index: number) => {
      useProject.getState().edit('Delete Warp Marker', (p) => deleteWarpMarker(p, ref, index));
      setSelected(null);
      setMenu(null);
    },
    [ref],
  );

  // Transient ticks.
  useEffect(() => {
    if (!plugin || !ready) return;
    const colour = cssColour('--text-muted');
    const ticks = transients.map((seconds, i) => plugin.addRegion({ id: `${transientId}${i}`, start: seconds, end: seconds, color: colour, drag: false, resize: false }));
    for (const tick of ticks) tick.element?.classList.add('editor-transient');
    return () => ticks.forEach((tick) => tick.remove());
  }, [plugin, ready, transients]);

  // Markers, redrawn whenever the document's markers change.
  useEffect(() => {
    if (!plugin || !ready || !markers) return;
    const drawn = markers.map((marker, i) => {
      const region = plugin.addRegion({
        id: `${markerId}${i}`,
        start: marker.source,
        end: marker.source,
        color: cssColour(i === selected ? '--select' : '--level-warn'),
        content: marker.beat.toFixed(2),
        drag: true,
        resize: false,
      });
      const element = region.element;
      if (element) {
        element.setAttribute('role', 'button');
        element.setAttribute('aria-label', `Warp marker ${i + 1}: ${marker.source.toFixed(3)} s on beat ${marker.beat.toFixed(2)}`);
        element.setAttribute('aria-pressed', String(i === selected));
        element.title = 'Drag to move the audio that plays on this beat; Delete or right-click to remove';
        element.addEventListener('contextmenu', (event) => {
          event.preventDefault();
          setSelected(i);
          setMenu({ x: event.clientX, y: event.clientY, index: i });
        });
      }
      return region;
    });
    return () => drawn.forEach((region) => region.remove());
  }, [plugin, ready, markers, selected, redraw]);

  // Drag, click and double-click.
  useEffect(() => {
    if (!plugin || !surfer || !ready) return;
    const indexOf = (region: Region) => (region.id.startsWith(markerId) ? Number(region.id.slice(markerId.length)) : -1);
    const offs = [
      plugin.on('region-updated', (region: Region) => {
        const index = indexOf(region);
        if (index < 0) return;
        const before = useProject.getState().project;
        useProject.getState().edit('Move Warp Marker', (p) => moveWarpMarker(p, ref, index, region.start));
        setSelected(index);
        if (useProject.getState().project === before) setRedraw((n) => n + 1);
      }),
      plugin.on('region-clicked', (region: Region, event: MouseEvent) => {
        const index = indexOf(region);
        if (index < 0) return;
        event.stopPropagation();
        setSelected(index);
      }),
      surfer.on('dblclick', (relativeX: number) => {
        const duration = surfer.getDuration();
        const at = relativeX * duration;
        const near = (seconds: number) => Math.abs(seconds - at) * pxPerSec <= snapPixels;
        const existing = markers?.findIndex((marker) => near(marker.source)) ?? -1;
        if (existing >= 0) {
          setSelected(existing);
          return;
        }
        if (!warped) {
          useSession.getState().notify('info', 'Warp markers belong to warped clips: set Timing to Beats, Tonal or Repitch first.');
          return;
        }
        const onTransient = transients.filter(near).sort((a, b) => Math.abs(a - at) - Math.abs(b - at))[0];
        useProject.getState().edit('Add Warp Marker', (p) => addWarpMarker(p, ref, onTransient ?? at));
        setSelected(null);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [plugin, surfer, ready, ref, markers, warped, transients, pxPerSec]);

  // Delete or Backspace removes the selected marker, ← → nudge it by 1 ms (Shift: 10 ms), before the app's shortcuts (which would delete or move the clip).
  useEffect(() => {
    if (selected === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const nudge = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
      if (nudge === 0 && event.key !== 'Delete' && event.key !== 'Backspace') return;
      const marker = markers?.[selected];
      if (isTyping(event.target) || !marker || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      event.stopPropagation();
      if (nudge === 0) remove(selected);
      else useProject.getState().edit('Nudge Warp Marker', (p) => moveWarpMarker(p, ref, selected, marker.source + nudge * (event.shiftKey ? 0.01 : 0.001)));
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [selected, markers, remove, ref]);

  return { selected, menu, closeMenu: useCallback(() => setMenu(null), []), remove };
}

function cssColour(variable: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
}
