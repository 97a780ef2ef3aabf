/**
 * What the document keeps of recording (format v5): takes on clips of either kind, a track's input
 * monitoring, and the punch range; and the loop range (format v6). Positions in beats on the timeline.
 */
import { z } from 'zod';
import { id, nonNegative } from './schema-parts';

/** A recorded take: clips of one group on one track are alternatives for the same region. */
export const TakeSchema = z.strictObject({
  group: id,
  /** Which recording pass, from 1. */
  pass: z.number().int().min(1),
});

/** A track's input monitoring: off, always on (`in`), or `auto` (on while armed and stopped or recording). */
export const monitorModes = ['off', 'in', 'auto'] as const;
export const MonitorSchema = z.enum(monitorModes);

/** A range in beats and whether it is in use; the range is kept while it is not. */
const switchableRange = z
  .strictObject({
    start: nonNegative,
    /** After `start`. */
    end: nonNegative,
    on: z.boolean(),
  })
  .refine((range) => range.end > range.start, { message: 'must end after it starts', path: ['end'] });

/** Where recording writes while punching (`on`): only takes and notes inside it are kept. */
export const PunchSchema = switchableRange;

/** The transport's loop range (format v6); `on`: the playhead loops in it. */
export const LoopSchema = switchableRange;

export type Take = z.infer<typeof TakeSchema>;
export type MonitorMode = z.infer<typeof MonitorSchema>;
export type Punch = z.infer<typeof PunchSchema>;
export type LoopRangeSetting = z.infer<typeof LoopSchema>;
