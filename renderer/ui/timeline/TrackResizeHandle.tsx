import type { KeyboardEvent, PointerEvent } from 'react';
import { trackHeightLabel } from '../../../src/model/edits/labels';
import { setTrackHeight } from '../../../src/model/edits/track-edits';
import { defaultTrackHeight, maxTrackHeight, minTrackHeight, type Track } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { startPreviewDrag } from './preview-drag';

/** Arrow keys change the height by this much (px). */
const keyStep = 8;

/**
 * The bottom edge of a track header: drag it to make the lane taller or shorter (live, one undo
 * step on release, Escape cancels), arrow keys step it, double-click puts the default back.
 */
export function TrackResizeHandle({ track }: { track: Track }) {
  const { edit } = useProject.getState();
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const originY = event.clientY;
    startPreviewDrag(event, {
      move: (move) => (p) => setTrackHeight(p, [track.id], track.height + move.clientY - originY),
      release: trackHeightLabel,
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowDown' ? keyStep : event.key === 'ArrowUp' ? -keyStep : 0;
    if (step === 0) return;
    event.preventDefault();
    edit(trackHeightLabel(), (p) => setTrackHeight(p, [track.id], track.height + step));
  };
  return (
    <div
      className="track-resize"
      role="separator"
      aria-orientation="horizontal"
      aria-label={`Height of ${track.name}`}
      aria-valuenow={track.height}
      aria-valuemin={minTrackHeight}
      aria-valuemax={maxTrackHeight}
      tabIndex={0}
      title="Drag to change the track height (double-click: default)"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => edit(trackHeightLabel(), (p) => setTrackHeight(p, [track.id], defaultTrackHeight))}
    />
  );
}
