/**
 * Project format v2: the document every feature reads and edits, one UTF-8 JSON `*.glowroom`
 * file (docs/project-format.md). Units are part of the meaning: `start`/`length` and marker
 * `beat` in beats (quarter notes) on the timeline, `offset`/`fadeIn`/`fadeOut` in seconds of
 * source time, track `height` in CSS pixels. Field order here is the order files are written in.
 * Later versions may add fields; these keep their meaning.
 */
import { z } from 'zod';

export const currentProjectVersion = 2;

/** Lane height range and default, in CSS pixels. */
export const minTrackHeight = 40;
export const maxTrackHeight = 240;
export const defaultTrackHeight = 72;

/** A track colour: "#rrggbb" in lowercase hex. */
export const trackColourPattern = /^#[0-9a-f]{6}$/;
/** A SHA-256 content hash: 64 lowercase hex digits. */
export const sha256Pattern = /^[0-9a-f]{64}$/;

const id = z
  .string()
  .min(1, 'ids are non-empty strings')
  .max(200)
  .refine((s) => s !== '__proto__', 'ids may not be "__proto__"');
const finite = z.number().finite();
const nonNegative = finite.nonnegative();
/** Gain in decibels; below −144 dB is silence for 24-bit output anyway. */
const gainDb = finite.min(-144).max(24);
const name = z.string().max(200);
// Pattern messages are worded to follow "must" (issue-message.ts).
const colour = z.string().regex(trackColourPattern, 'be a colour "#rrggbb" in lowercase hex');
const sha256 = z.string().regex(sha256Pattern, 'be a SHA-256 hash: 64 lowercase hex digits');

export const SourceSchema = z.strictObject({
  /** Relative paths resolve against the project file's folder. */
  path: z.string().min(1).max(4096),
  /** Hash of the file's bytes, to find it again by content after it moved; absent until known. */
  sha256: sha256.optional(),
});

export const ClipSchema = z.strictObject({
  id,
  /** Display name; "" shows the source file's name. */
  name,
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
  /** true: the clip is silent in playback and every render, and still counts for the song's end. */
  mute: z.boolean(),
});

export const TrackSchema = z.strictObject({
  id,
  name,
  colour,
  /** Lane height in CSS pixels. */
  height: z.number().int().min(minTrackHeight).max(maxTrackHeight),
  gainDb,
  /** −1 hard left … +1 hard right. */
  pan: finite.min(-1).max(1),
  mute: z.boolean(),
  solo: z.boolean(),
  clips: z.array(ClipSchema),
});

export const MarkerSchema = z.strictObject({
  id,
  /** Timeline position in beats from the start. */
  beat: nonNegative,
  name,
});

export const ProjectSchema = z
  .strictObject({
    format: z.literal('glowroom'),
    version: z.literal(currentProjectVersion),
    name,
    /** Quarter notes per minute. */
    tempo: finite.min(20).max(999),
    /** [beats per bar, note value]. */
    timeSignature: z.tuple([z.number().int().min(1).max(32), z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(16), z.literal(32)])]),
    /** The engine's sample rate in hertz. */
    sampleRate: z.union([z.literal(44_100), z.literal(48_000), z.literal(88_200), z.literal(96_000)]),
    sources: z.record(id, SourceSchema),
    tracks: z.array(TrackSchema),
    /** Sorted by beat; ids unique among markers. */
    markers: z.array(MarkerSchema),
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
    const markerIds = new Set<string>();
    project.markers.forEach((marker, m) => {
      if (markerIds.has(marker.id)) context.addIssue({ code: 'custom', path: ['markers', m, 'id'], message: `duplicate marker id "${marker.id}"` });
      markerIds.add(marker.id);
      const previous = project.markers[m - 1];
      if (previous && previous.beat > marker.beat) {
        context.addIssue({ code: 'custom', path: ['markers', m, 'beat'], message: `markers must be sorted by beat (${marker.beat} comes after ${previous.beat})` });
      }
    });
  });

export type Project = z.infer<typeof ProjectSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type Clip = z.infer<typeof ClipSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Marker = z.infer<typeof MarkerSchema>;
