/**
 * Human labels for the Edit menu ("Undo Move 3 Clips"): pass them to `applyEdit` with the edit.
 * One item reads "Move Clip", several "Move 3 Clips".
 */

function counted(verb: string, noun: string, count: number): string {
  return count === 1 || count === 0 ? `${verb} ${noun}` : `${verb} ${count} ${noun}s`;
}

export const moveLabel = (count: number): string => counted('Move', 'Clip', count);
export const trimLabel = (count: number): string => counted('Trim', 'Clip', count);
export const splitLabel = (count: number): string => counted('Split', 'Clip', count);
export const duplicateLabel = (count: number): string => counted('Duplicate', 'Clip', count);
export const deleteLabel = (count: number): string => counted('Delete', 'Clip', count);
export const pasteLabel = (count: number): string => counted('Paste', 'Clip', count);
export const fadeLabel = (count: number): string => counted('Fade', 'Clip', count);
export const clipGainLabel = (count: number): string => (count <= 1 ? 'Change Clip Gain' : `Change Gain of ${count} Clips`);
export const clipRateLabel = (count: number): string => (count <= 1 ? 'Change Clip Rate' : `Change Rate of ${count} Clips`);
/** `reverse`: whether the edit reverses (true) or restores (false) the clips. */
export const reverseLabel = (count: number, reverse: boolean): string => counted(reverse ? 'Reverse' : 'Unreverse', 'Clip', count);
export const loopLabel = (count: number, loop: boolean): string => counted(loop ? 'Loop' : 'Unloop', 'Clip', count);
export const extendLoopLabel = (): string => 'Extend Loop';
export const renameClipLabel = (count = 1): string => counted('Rename', 'Clip', count);
/** `mute`: whether the edit mutes (true) or unmutes (false) the clips. */
export const clipMuteLabel = (count: number, mute: boolean): string => counted(mute ? 'Mute' : 'Unmute', 'Clip', count);

export const addTrackLabel = (): string => 'Add Track';
export const renameTrackLabel = (): string => 'Rename Track';
export const deleteTracksLabel = (count: number): string => counted('Delete', 'Track', count);
export const moveTrackLabel = (): string => 'Move Track';
export const trackGainLabel = (count = 1): string => (count <= 1 ? 'Change Track Volume' : `Change Volume of ${count} Tracks`);
export const trackPanLabel = (count = 1): string => (count <= 1 ? 'Change Track Pan' : `Change Pan of ${count} Tracks`);
export const muteLabel = (count: number, mute: boolean): string => counted(mute ? 'Mute' : 'Unmute', 'Track', count);
export const soloLabel = (count: number, solo: boolean): string => counted(solo ? 'Solo' : 'Unsolo', 'Track', count);
export const trackColourLabel = (count = 1): string => (count <= 1 ? 'Change Track Colour' : `Change Colour of ${count} Tracks`);
export const trackHeightLabel = (count = 1): string => (count <= 1 ? 'Change Track Height' : `Change Height of ${count} Tracks`);

export const addMarkerLabel = (): string => 'Add Marker';
export const moveMarkerLabel = (): string => 'Move Marker';
export const renameMarkerLabel = (): string => 'Rename Marker';
export const deleteMarkerLabel = (): string => 'Delete Marker';
