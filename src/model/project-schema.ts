/**
 * Project format v1: the document every feature reads and edits, one UTF-8 JSON `*.glowroom`
 * file (docs/project-format.md). Units are part of the meaning: `start`/`length` in beats
 * (quarter notes) on the timeline, `offset`/`fadeIn`/`fadeOut` in seconds of source time.
 * Later versions may add fields; these keep their meaning.
 */
import { z } from 'zod';

export const currentProjectVersion = 1;

const id = z
  .string()
  .min(1, 'ids are non-empty strings')
  .max(200)
  .refine((s) => s !== '__proto__', 'ids may not be "__proto__"');
const finite = z.number().finite();
const nonNegative = finite.nonnegative();
/** Gain in decibels; below −144 dB is silence for 24-bit output anyway. */
const gainDb = finite.min(-144).max(24);

export const SourceSchema = z.strictObject({
  /** Relative paths resolve against the project file's folder. */
  path: z.string().min(1).max(4096),
});

export const ClipSchema = z.strictObject({
  id,
  source: id,
  /** Timeline position of the clip's first sample, in beats from the start. */
  start: nonNegative,
  /** Length on the timeline, in beats. */
  length: finite.positive(),
  /** Where in the source the clip starts, in seconds of source time. */
  offset: nonNegative,
  gainDb,
  /** Fade lengths in seconds of source time. */
  fadeIn: nonNegative,
  fadeOut: nonNegative,
  /** true: the source from `offset` repeats to fill `length`; false: silence after the source ends. */
  loop: z.boolean(),
  reverse: z.boolean(),
  /** Varispeed factor: 2 plays twice as fast and an octave up. */
  rate: finite.min(0.125).max(8),
});

export const TrackSchema = z.strictObject({
  id,
  name: z.string().max(200),
  gainDb,
  /** −1 hard left … +1 hard right. */
  pan: finite.min(-1).max(1),
  mute: z.boolean(),
  solo: z.boolean(),
  clips: z.array(ClipSchema),
});

export const ProjectSchema = z
  .strictObject({
    format: z.literal('glowroom'),
    version: z.literal(currentProjectVersion),
    name: z.string().max(200),
    /** Quarter notes per minute. */
    tempo: finite.min(20).max(999),
    /** [beats per bar, note value]. */
    timeSignature: z.tuple([z.number().int().min(1).max(32), z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(16), z.literal(32)])]),
    /** The engine's sample rate in hertz. */
    sampleRate: z.union([z.literal(44_100), z.literal(48_000), z.literal(88_200), z.literal(96_000)]),
    sources: z.record(id, SourceSchema),
    tracks: z.array(TrackSchema),
    master: z.strictObject({ gainDb }),
  })
  .superRefine((project, context) => {
    const trackIds = new Set<string>();
    const clipIds = new Set<string>();
    project.tracks.forEach((track, t) => {
      if (trackIds.has(track.id)) context.addIssue({ code: 'custom', path: ['tracks', t, 'id'], message: `duplicate track id "${track.id}"` });
      trackIds.add(track.id);
      track.clips.forEach((clip, c) => {
        if (clipIds.has(clip.id)) context.addIssue({ code: 'custom', path: ['tracks', t, 'clips', c, 'id'], message: `duplicate clip id "${clip.id}"` });
        clipIds.add(clip.id);
        if (!Object.hasOwn(project.sources, clip.source)) {
          context.addIssue({ code: 'custom', path: ['tracks', t, 'clips', c, 'source'], message: `no source "${clip.source}" in "sources"` });
        }
      });
    });
  });

export type Project = z.infer<typeof ProjectSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type Clip = z.infer<typeof ClipSchema>;
export type Source = z.infer<typeof SourceSchema>;
