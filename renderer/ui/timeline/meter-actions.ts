import type { MouseEvent } from 'react';
import { deleteMeterChangeLabel } from '../../../src/model/edits/labels';
import { deleteMeterChange } from '../../../src/model/edits/tempo-map-edits';
import { Clock } from '../../../src/std/clock';
import { beats } from '../../../src/std/units';
import { playheadBeats } from '../../state/playhead';
import { useProject } from '../../state/project-store';
import { useMeterUi } from './meter-store';

/** The 0-based bar a beat lies in, under the song's meters. */
export function barOfBeat(beat: number): number {
  return Math.max(0, Clock.of(useProject.getState().project).barAt(beats(beat)));
}

/** Add Time Signature Change… at the bar the playhead is in (the command and its shortcut). */
export function addMeterChangeAtPlayhead(): void {
  const bar = barOfBeat(playheadBeats());
  const existing = bar === 0 || useProject.getState().project.meterChanges.some((change) => change.bar === bar);
  useMeterUi.getState().openDialog({ bar, change: existing ? bar : null });
}

/** A right-click on the ruler or the tempo lane at song position `beat`: the ruler's menu for the bar there. */
export function openRulerMenu(event: MouseEvent, beat: number): void {
  event.preventDefault();
  const bar = barOfBeat(beat);
  const existing = useProject.getState().project.meterChanges.some((change) => change.bar === bar);
  useMeterUi.getState().openMenu({ x: event.clientX, y: event.clientY, bar, change: existing ? bar : null });
}

export function deleteMeterChangeAt(bar: number): void {
  useProject.getState().edit(deleteMeterChangeLabel(), (p) => deleteMeterChange(p, bar));
}
