/** Timeline sizes in pixels; they must match --track-header-width and --ruler-height in theme.css. Track heights are in the project (`track.height`). */
export const headerWidth = 208;
/** The ruler strip (42: bar numbers, meter flags, markers) and the tempo lane under it (28): the rows above the tracks. */
export const rulerHeight = 70;
/** The row under the tracks where a sample dropped starts a new track. */
export const dropRowHeight = 72;
