/**
 * Scales for the piano roll's highlight and fold: which pitches belong to a scale on any root,
 * and the nearest one that does. Intervals are semitones above the root within an octave.
 */
import { patternLimits } from './pattern-shape';

export const scales = {
  major: { label: 'Major', intervals: [0, 2, 4, 5, 7, 9, 11] },
  minor: { label: 'Minor', intervals: [0, 2, 3, 5, 7, 8, 10] },
  dorian: { label: 'Dorian', intervals: [0, 2, 3, 5, 7, 9, 10] },
  phrygian: { label: 'Phrygian', intervals: [0, 1, 3, 5, 7, 8, 10] },
  lydian: { label: 'Lydian', intervals: [0, 2, 4, 6, 7, 9, 11] },
  mixolydian: { label: 'Mixolydian', intervals: [0, 2, 4, 5, 7, 9, 10] },
  locrian: { label: 'Locrian', intervals: [0, 1, 3, 5, 6, 8, 10] },
  harmonicMinor: { label: 'Harmonic minor', intervals: [0, 2, 3, 5, 7, 8, 11] },
  melodicMinor: { label: 'Melodic minor', intervals: [0, 2, 3, 5, 7, 9, 11] },
  majorPentatonic: { label: 'Major pentatonic', intervals: [0, 2, 4, 7, 9] },
  minorPentatonic: { label: 'Minor pentatonic', intervals: [0, 3, 5, 7, 10] },
  blues: { label: 'Blues', intervals: [0, 3, 5, 6, 7, 10] },
  chromatic: { label: 'Chromatic', intervals: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
} as const satisfies Record<string, { label: string; intervals: readonly number[] }>;
export type ScaleName = keyof typeof scales;
export const scaleNames = Object.keys(scales) as ScaleName[];

/** A root (0 = C … 11 = B) and a scale. */
export interface ScaleChoice {
  readonly root: number;
  readonly scale: ScaleName;
}

export const pitchClassNames = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'] as const;

/** "C4" for 60, "A#-1" for 10 (MIDI 60 = C4, as most DAWs name it). */
export function pitchName(pitch: number): string {
  return `${pitchClassNames[((pitch % 12) + 12) % 12]!}${Math.floor(pitch / 12) - 1}`;
}

export function inScale(pitch: number, choice: ScaleChoice): boolean {
  const degree = (((pitch - choice.root) % 12) + 12) % 12;
  return (scales[choice.scale].intervals as readonly number[]).includes(degree);
}

/** The nearest pitch in the scale (down on a tie, as one folds a passing tone onto its lower neighbour), within 0–127. */
export function foldToScale(pitch: number, choice: ScaleChoice): number {
  for (let distance = 0; distance < 12; distance++) {
    const below = pitch - distance;
    if (below >= patternLimits.minPitch && inScale(below, choice)) return below;
    const above = pitch + distance;
    if (above <= patternLimits.maxPitch && inScale(above, choice)) return above;
  }
  return pitch;
}
