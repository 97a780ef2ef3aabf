/** Note values a tempo-synced time is picked from, in beats (quarter notes): "1/8" is half a beat, "D" dotted, "T" triplet. */
export const noteValues = [
  { name: '1/32', beats: 1 / 8 },
  { name: '1/16T', beats: 1 / 6 },
  { name: '1/16', beats: 1 / 4 },
  { name: '1/16D', beats: 3 / 8 },
  { name: '1/8T', beats: 1 / 3 },
  { name: '1/8', beats: 1 / 2 },
  { name: '1/8D', beats: 3 / 4 },
  { name: '1/4T', beats: 2 / 3 },
  { name: '1/4', beats: 1 },
  { name: '1/4D', beats: 3 / 2 },
  { name: '1/2', beats: 2 },
  { name: '1/2D', beats: 3 },
  { name: '1 bar', beats: 4 },
  { name: '2 bars', beats: 8 },
  { name: '4 bars', beats: 16 },
] as const;

export const noteValueNames = noteValues.map((value) => value.name);

/** The index of the note value called `name` (for defaults and presets). */
export function noteValueIndex(name: (typeof noteValues)[number]['name']): number {
  return noteValues.findIndex((value) => value.name === name);
}

/** Beats of the note value at `index` (clamped to the list). */
export function noteValueBeats(index: number): number {
  const at = Math.min(noteValues.length - 1, Math.max(0, Math.round(index)));
  return (noteValues[at] as (typeof noteValues)[number]).beats;
}
