/** Timeline sizes in pixels; they must match --track-header-width, --ruler-height and --track-height in theme.css. */
export const headerWidth = 184;
export const rulerHeight = 28;
export const trackHeight = 72;
