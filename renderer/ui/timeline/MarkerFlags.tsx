import { memo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { deleteMarkerLabel, moveMarkerLabel, renameMarkerLabel } from '../../../src/model/edits/labels';
import { deleteMarker, moveMarker, renameMarker } from '../../../src/model/edits/marker-edits';
import type { Marker } from '../../../src/model/project-schema';
import { beats } from '../../../src/std/units';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { useTransport } from '../../state/transport-store';
import { gridBeats, snapBeats } from './snap';

/** A drag shorter than this (px) is a click: it moves the playhead to the marker. */
const clickSlop = 3;

/**
 * The project's markers as flags in the ruler: click one to move the playhead there, drag it to
 * move it (snapped; Alt: free; Escape cancels), double-click to rename, Delete to remove it.
 */
export const MarkerFlags = memo(function MarkerFlags({ pixelsPerBeat }: { pixelsPerBeat: number }) {
  const markers = useProject((s) => s.project.markers);
  return (
    <>
      {markers.map((marker) => (
        <MarkerFlag key={marker.id} marker={marker} pixelsPerBeat={pixelsPerBeat} />
      ))}
    </>
  );
});

function MarkerFlag({ marker, pixelsPerBeat }: { marker: Marker; pixelsPerBeat: number }) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(marker.name);
  const { edit } = useProject.getState();

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || renaming) return;
    event.stopPropagation();
    const element = event.currentTarget;
    element.setPointerCapture(event.pointerId);
    const originX = event.clientX;
    let moved = false;
    const onMove = (move: globalThis.PointerEvent) => {
      const dx = move.clientX - originX;
      if (!moved && Math.abs(dx) < clickSlop) return;
      moved = true;
      const { snap } = useTimeline.getState();
      const grid = move.altKey ? null : gridBeats(snap, useProject.getState().project.timeSignature[0]);
      useProject.getState().previewGesture((p) => moveMarker(p, marker.id, beats(snapBeats(marker.beat + dx / pixelsPerBeat, grid))));
    };
    const finish = (label: string | null) => {
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerup', onUp);
      window.removeEventListener('keydown', onKey);
      useProject.getState().endGesture(label);
    };
    const onUp = () => {
      if (!moved) useTransport.getState().seekToBeat(marker.beat);
      finish(moved ? moveMarkerLabel() : null);
    };
    const onKey = (key: globalThis.KeyboardEvent) => {
      if (key.key === 'Escape') finish(null);
    };
    element.addEventListener('pointermove', onMove);
    element.addEventListener('pointerup', onUp);
    window.addEventListener('keydown', onKey);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      event.stopPropagation();
      edit(deleteMarkerLabel(), (p) => deleteMarker(p, marker.id));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      useTransport.getState().seekToBeat(marker.beat);
    }
  };

  const commit = () => {
    setRenaming(false);
    const name = draft.trim();
    if (name && name !== marker.name) edit(renameMarkerLabel(), (p) => renameMarker(p, marker.id, name));
  };

  return (
    <div
      className="marker-flag"
      style={{ left: marker.beat * pixelsPerBeat }}
      role="button"
      tabIndex={0}
      aria-label={`Marker ${marker.name}`}
      title={`${marker.name} — click to go there, drag to move, double-click to rename, Delete to remove`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={(event) => {
        event.stopPropagation();
        setDraft(marker.name);
        setRenaming(true);
      }}
    >
      {renaming ? (
        <input
          className="marker-name-input"
          aria-label="Marker name"
          autoFocus
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            event.stopPropagation();
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') setRenaming(false);
          }}
        />
      ) : (
        marker.name
      )}
    </div>
  );
}
