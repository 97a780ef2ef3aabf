/**
 * Where the tempo lane draws the tempo map: bpm ↔ y over the lane's height, and the tempo curve as
 * SVG points (a jump is a step, a ramp a straight line, as the clock plays them).
 */
import type { TempoChange } from '../../../src/model/timing-schema';
import { maxOf, minOf } from '../../../src/std/extremes';

/** Height of the tempo lane under the ruler, px. */
export const tempoLaneHeight = 28;
const margin = 7;

/** The bpm range the lane shows: every tempo of the song, at least 20 BPM wide, centred. */
export function tempoRange(tempo: number, changes: readonly TempoChange[]): { readonly low: number; readonly high: number } {
  const all = [tempo, ...changes.map((change) => change.bpm)];
  const low = minOf(all);
  const high = maxOf(all);
  const pad = Math.max(0, 20 - (high - low)) / 2;
  return { low: low - pad, high: high + pad };
}

export function bpmToY(bpm: number, range: { readonly low: number; readonly high: number }): number {
  return margin + (1 - (bpm - range.low) / (range.high - range.low)) * (tempoLaneHeight - 2 * margin);
}

/** BPM per pixel of vertical drag: the lane's range over its drawable height. */
export function bpmPerPixel(range: { readonly low: number; readonly high: number }): number {
  return (range.high - range.low) / (tempoLaneHeight - 2 * margin);
}

/** The tempo curve from beat 0 to `endBeat` as SVG polyline points. */
export function tempoCurvePoints(tempo: number, changes: readonly TempoChange[], endBeat: number, pixelsPerBeat: number): string {
  const range = tempoRange(tempo, changes);
  const points: string[] = [`0,${bpmToY(tempo, range)}`];
  let current = tempo;
  for (const change of changes) {
    const x = change.beat * pixelsPerBeat;
    if (!change.ramp) points.push(`${x},${bpmToY(current, range)}`);
    points.push(`${x},${bpmToY(change.bpm, range)}`);
    current = change.bpm;
  }
  points.push(`${Math.max(endBeat, changes.at(-1)?.beat ?? 0) * pixelsPerBeat},${bpmToY(current, range)}`);
  return points.join(' ');
}
