/** Grid settings a producer picks from, as DAWs name them (a "beat" is a quarter note). */
export const snapOptions = ['bar', '1/2', 'beat', '1/8', '1/16', '1/32', '1/4T', '1/8T', '1/16T', 'off'] as const;
export type SnapSetting = (typeof snapOptions)[number];

/** The grid step in beats, or null when snapping is off. */
export function gridBeats(setting: SnapSetting, beatsPerBar: number): number | null {
  switch (setting) {
    case 'bar':
      return beatsPerBar;
    case '1/2':
      return 2;
    case 'beat':
      return 1;
    case '1/8':
      return 0.5;
    case '1/16':
      return 0.25;
    case '1/32':
      return 0.125;
    case '1/4T':
      return 2 / 3;
    case '1/8T':
      return 1 / 3;
    case '1/16T':
      return 1 / 6;
    case 'off':
      return null;
  }
}

/** Rounds a position to the nearest grid line; `grid` null leaves it as it is. */
export function snapBeats(beats: number, grid: number | null): number {
  if (grid === null) return beats;
  return Math.round(beats / grid) * grid;
}

/** Rounds down to the grid line at or before the position (for seeking and loop starts). */
export function floorToGrid(beats: number, grid: number | null): number {
  if (grid === null) return beats;
  return Math.floor(beats / grid + 1e-9) * grid;
}

/** Rounds up to the grid line at or after the position (for where a duplicate goes). */
export function ceilToGrid(beats: number, grid: number | null): number {
  if (grid === null) return beats;
  return Math.ceil(beats / grid - 1e-9) * grid;
}
