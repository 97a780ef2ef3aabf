/**
 * The song's timing beyond its start (format v4): tempo changes and ramps, meter changes, and its
 * key. The project's `tempo` and `timeSignature` stay what holds at the start.
 */
import { z } from 'zod';
import { bpm, finite, timeSignature } from './schema-parts';

export const TempoChangeSchema = z.strictObject({
  /** Where the tempo point is, in beats from the start (> 0: the project's `tempo` holds at 0). */
  beat: finite.positive(),
  bpm,
  /** false: the tempo jumps to `bpm` here; true: it moves linearly in beats from the previous point and reaches `bpm` here. */
  ramp: z.boolean(),
});

export const MeterChangeSchema = z.strictObject({
  /** The 0-based index of the bar where the new meter starts (≥ 1: the project's `timeSignature` holds at bar 0). */
  bar: z.number().int().min(1),
  timeSignature,
});

export const keyModes = ['major', 'minor'] as const;

export const SongKeySchema = z.strictObject({
  /** The tonic's pitch class: 0 = C, 1 = C♯/D♭, … 11 = B. */
  tonic: z.number().int().min(0).max(11),
  mode: z.enum(keyModes),
});

export type TempoChange = z.infer<typeof TempoChangeSchema>;
export type MeterChange = z.infer<typeof MeterChangeSchema>;
export type SongKey = z.infer<typeof SongKeySchema>;
