import type { PointerEvent as ReactPointerEvent } from 'react';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { timelineRows } from './automation-rows';
import { laneClips } from './take-lanes';
import { rowsBetween } from './track-layout';

/** Pixel geometry the band needs: where lanes start, left and top. */
export interface BandGeometry {
  readonly headerWidth: number;
  readonly rulerHeight: number;
}

/**
 * Rubber-band selection: a drag that starts on empty lane space draws a rectangle and selects
 * every clip it touches (Shift adds to the selection); a plain click there clears the selection.
 * `band` is the element drawn for the rectangle.
 */
export function startRubberBand(event: ReactPointerEvent<HTMLDivElement>, band: HTMLDivElement, geometry: BandGeometry): void {
  if (event.button !== 0 || !(event.target instanceof HTMLElement) || !event.target.closest('.lane')) return;
  const canvas = event.currentTarget;
  const origin = canvas.getBoundingClientRect();
  const x0 = event.clientX - origin.left;
  const y0 = event.clientY - origin.top;
  const before = event.shiftKey ? useTimeline.getState().selection : [];
  canvas.setPointerCapture(event.pointerId);

  const onMove = (move: PointerEvent) => {
    const x1 = move.clientX - origin.left;
    const y1 = move.clientY - origin.top;
    const [left, right] = [Math.min(x0, x1), Math.max(x0, x1)];
    const [top, bottom] = [Math.min(y0, y1), Math.max(y0, y1)];
    Object.assign(band.style, { display: 'block', left: `${left}px`, top: `${top}px`, width: `${right - left}px`, height: `${bottom - top}px` });
    const { pixelsPerBeat } = useTimeline.getState();
    const fromBeat = (left - geometry.headerWidth) / pixelsPerBeat;
    const toBeat = (right - geometry.headerWidth) / pixelsPerBeat;
    const hit: string[] = [];
    for (const { track } of rowsBetween(timelineRows(useProject.getState().project).rows, top - geometry.rulerHeight, bottom - geometry.rulerHeight + 1)) {
      for (const clip of laneClips(track.clips)) if (clip.start < toBeat && clip.start + clip.length > fromBeat) hit.push(clip.id);
    }
    useTimeline.getState().select([...new Set([...before, ...hit])]);
  };
  const onUp = () => {
    band.style.display = 'none';
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
  };
  useTimeline.getState().select(before);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
}
