/**
 * Edits of the tempo map and the meter (format v4 `tempoChanges`, `meterChanges`): add, move and
 * delete tempo points, switch a point between a jump and a ramp, set and remove meter changes.
 * Positions stay in beats, so clips, notes, automation and markers keep their beats; warped clips
 * and notes follow the new tempo, unwarped audio keeps its rate (it plays the same audio from the
 * same beat). Every edit keeps the lists sorted and unique, as the schema requires, and returns
 * the very same project when nothing changes.
 */
import { Clock } from '../../std/clock';
import { beats } from '../../std/units';
import type { Project } from '../project-schema';
import { TempoChangeSchema, type MeterChange, type TempoChange } from '../timing-schema';

const minBpm = TempoChangeSchema.shape.bpm.minValue as number;
const maxBpm = TempoChangeSchema.shape.bpm.maxValue as number;

/** A tempo in the format's range, to a hundredth of a BPM (what the lane shows). */
export function clampBpm(value: number): number {
  return Math.round(Math.min(maxBpm, Math.max(minBpm, value)) * 100) / 100;
}

function withTempoChanges(project: Project, changes: TempoChange[]): Project {
  return { ...project, tempoChanges: changes.sort((a, b) => a.beat - b.beat) };
}

/**
 * A tempo point at `beat` (> 0), at the tempo the song has there unless `bpm` is given: the
 * song's speed does not change until the point is moved. Refused (same project) at beat 0, where
 * the project's tempo is the point, and where a point already is.
 */
export function addTempoChange(project: Project, beat: number, bpm?: number): Project {
  if (!(beat > 0) || !Number.isFinite(beat) || project.tempoChanges.some((change) => change.beat === beat)) return project;
  const tempo = clampBpm(bpm ?? Clock.of(project).tempoAt(beats(beat)));
  return withTempoChanges(project, [...project.tempoChanges, { beat, bpm: tempo, ramp: false }]);
}

/**
 * Moves the point at index `index` to `beat` and `bpm` (clamped). It cannot pass its neighbours
 * nor reach beat 0: it stops a 1/64 beat short of them, so the order of the points never changes.
 */
export function moveTempoChange(project: Project, index: number, beat: number, bpm: number): Project {
  const change = project.tempoChanges[index];
  if (!change || !Number.isFinite(beat) || !Number.isFinite(bpm)) return project;
  const gap = 1 / 64;
  const low = (project.tempoChanges[index - 1]?.beat ?? 0) + gap;
  const high = (project.tempoChanges[index + 1]?.beat ?? Infinity) - gap;
  const moved = { ...change, beat: Math.min(high, Math.max(low, beat)), bpm: clampBpm(bpm) };
  if (moved.beat === change.beat && moved.bpm === change.bpm) return project;
  return { ...project, tempoChanges: project.tempoChanges.map((other, i) => (i === index ? moved : other)) };
}

export function deleteTempoChange(project: Project, index: number): Project {
  if (!project.tempoChanges[index]) return project;
  return { ...project, tempoChanges: project.tempoChanges.filter((_, i) => i !== index) };
}

/** `ramp`: the tempo glides to the point from the one before (true) or jumps at it (false). */
export function setTempoRamp(project: Project, index: number, ramp: boolean): Project {
  const change = project.tempoChanges[index];
  if (!change || change.ramp === ramp) return project;
  return { ...project, tempoChanges: project.tempoChanges.map((other, i) => (i === index ? { ...other, ramp } : other)) };
}

/** The meter from the 0-based `bar` on (bar 0 sets the project's own time signature); an equal meter there changes nothing. */
export function setMeterChange(project: Project, bar: number, timeSignature: MeterChange['timeSignature']): Project {
  if (!Number.isInteger(bar) || bar < 0) return project;
  const current = Clock.of(project).meterOf(bar);
  if (current[0] === timeSignature[0] && current[1] === timeSignature[1]) return project;
  if (bar === 0) return { ...project, timeSignature: [timeSignature[0], timeSignature[1]] };
  const others = project.meterChanges.filter((change) => change.bar !== bar);
  const added: MeterChange = { bar, timeSignature: [timeSignature[0], timeSignature[1]] };
  return { ...project, meterChanges: [...others, added].sort((a, b) => a.bar - b.bar) };
}

/**
 * Moves the meter change at `bar` to the bar `to`. It stays between its neighbours (a bar after
 * the change before it, a bar before the one after it) and after bar 0, whose meter is the song's.
 */
export function moveMeterChange(project: Project, bar: number, to: number): Project {
  const index = project.meterChanges.findIndex((change) => change.bar === bar);
  const change = project.meterChanges[index];
  if (!change || !Number.isFinite(to)) return project;
  const low = (project.meterChanges[index - 1]?.bar ?? 0) + 1;
  const high = (project.meterChanges[index + 1]?.bar ?? Infinity) - 1;
  const target = Math.min(high, Math.max(low, Math.round(to)));
  if (target === bar) return project;
  return { ...project, meterChanges: project.meterChanges.map((other, i) => (i === index ? { ...other, bar: target } : other)) };
}

/**
 * The bar whose start is nearest `beat` for the meter change at `bar`, counted as the bars before
 * it run (the change itself does not move the bars it would pass over): where a drag drops it.
 */
export function meterChangeBarNear(project: Project, bar: number, beat: number): number {
  const without = { ...project, meterChanges: project.meterChanges.filter((change) => change.bar !== bar) };
  return Math.round(Clock.of(without).barsAt(beats(beat)));
}

/** Removes the meter change at `bar`: the meter before it goes on. */
export function deleteMeterChange(project: Project, bar: number): Project {
  return project.meterChanges.some((change) => change.bar === bar) ? { ...project, meterChanges: project.meterChanges.filter((change) => change.bar !== bar) } : project;
}
