import { memo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { deleteMarkerLabel, moveMarkerLabel, renameMarkerLabel } from '../../../src/model/edits/labels';
import { deleteMarker, moveMarker, renameMarker } from '../../../src/model/edits/marker-edits';
import type { Marker } from '../../../src/model/project-schema';
import { beats } from '../../../src/std/units';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { useTransport } from '../../state/transport-store';
import { InlineNameInput } from '../InlineNameInput';
import { startSlopDrag } from './preview-drag';
import { snapToGrid } from '../../../src/model/snap';

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
  const { edit } = useProject.getState();

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || renaming) return;
    startSlopDrag(event, {
      travel: 'x',
      to: (dx, _dy, move) => {
        const snap = move.altKey ? 'off' : useTimeline.getState().snap;
        return (p) => moveMarker(p, marker.id, beats(snapToGrid(marker.beat + dx / pixelsPerBeat, snap, p)));
      },
      release: (moved) => {
        if (!moved) useTransport.getState().seekToBeat(marker.beat);
        return moved ? moveMarkerLabel() : null;
      },
    });
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

  const rename = (name: string | null) => {
    setRenaming(false);
    if (name) edit(renameMarkerLabel(), (p) => renameMarker(p, marker.id, name));
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
        setRenaming(true);
      }}
    >
      {renaming ? (
        <InlineNameInput className="marker-name-input" label="Marker name" initial={marker.name} onDone={rename} />
      ) : (
        marker.name
      )}
    </div>
  );
}
