/** Timeline sizes in pixels; they must match --track-header-width and --ruler-height in theme.css. Track heights are in the project (`track.height`). */
export const headerWidth = 184;
export const rulerHeight = 28;
