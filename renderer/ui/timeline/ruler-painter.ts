import { beats } from '../../../src/std/units';
import { formatClock } from '../format';
import type { ArrangementFrame } from './arrangement-frame';
import type { TimelinePalette } from './timeline-palette';

/** Bar labels are at least this far apart (px); when bars are narrower, every 2nd, 4th, … bar is labelled. */
const labelRoom = 48;
/** How far down the ruler a meter change's line reaches (px); its flag (`MeterFlags`) is drawn over it. */
const meterLineHeight = 28;

/**
 * The ruler strip at the top of the arrangement canvas: a line and a label per bar (bar number
 * and the time it starts at). The ruler element above it handles the pointer and shows the loop.
 */
export function paintRuler(context: CanvasRenderingContext2D, frame: ArrangementFrame, palette: TimelinePalette): void {
  const { width, laneLeft, rowTop, scrollLeft, pixelsPerBeat, clock, meters } = frame;
  context.fillStyle = palette.rulerBackground;
  context.fillRect(laneLeft, 0, width - laneLeft, rowTop);
  context.fillStyle = palette.rowLine;
  context.fillRect(laneLeft, rowTop - 1, width - laneLeft, 1);
  const firstInView = clock.barAt(beats(scrollLeft / pixelsPerBeat));
  const every = 2 ** Math.max(0, Math.ceil(Math.log2(labelRoom / (clock.barLength(firstInView) * pixelsPerBeat))));
  context.save();
  context.beginPath();
  context.rect(laneLeft, 0, width - laneLeft, rowTop);
  context.clip();
  context.font = palette.monoFont;
  const first = Math.max(0, Math.floor(firstInView / every) * every);
  for (let bar = first; clock.barStart(bar) * pixelsPerBeat < scrollLeft + width - laneLeft; bar += every) {
    const x = Math.round(laneLeft + clock.barStart(bar) * pixelsPerBeat - scrollLeft);
    context.fillStyle = palette.barLine;
    context.fillRect(x, 0, 1, rowTop);
    const label = String(bar + 1);
    context.fillStyle = palette.textMuted;
    context.fillText(label, x + 4, 13);
    context.fillStyle = palette.textFaint;
    context.fillText(formatClock(clock.secondsAt(clock.barStart(bar))).replace(/\.\d+$/, ''), x + 10 + context.measureText(label).width, 13);
  }
  // A meter change's line; its flag, under the bar numbers, is an element (it can be dragged and edited).
  context.fillStyle = palette.textMuted;
  for (const { bar } of meters) {
    if (bar === 0) continue;
    const x = Math.round(laneLeft + clock.barStart(bar) * pixelsPerBeat - scrollLeft);
    context.fillRect(x, 0, 2, meterLineHeight);
  }
  context.restore();
}
