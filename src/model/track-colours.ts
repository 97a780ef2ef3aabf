/**
 * The colours a new track is given, in turn: the n-th track gets `trackPalette[n mod length]`, so
 * neighbouring lanes differ. Saturated enough to read on the dark theme, each a lowercase
 * "#rrggbb" as the format requires.
 */
export const trackPalette = ['#ffb347', '#f5c542', '#45d483', '#3ec7c2', '#5aa9ff', '#8f7cff', '#e86fd0', '#ff6b6b'] as const;

/** The palette colour of the track at `index` (0 = the first track); cycles past the end. */
export function trackColourAt(index: number): string {
  const count = trackPalette.length;
  return trackPalette[((Math.trunc(index) % count) + count) % count] ?? trackPalette[0];
}

/** The master's colour (it has none in the document): a pale grey, apart from every palette colour. */
export const masterColour = '#e7e9ef';
