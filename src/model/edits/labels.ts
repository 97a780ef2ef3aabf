import type { MonitorMode } from '../project-schema';

/**
 * Human labels for the Edit menu ("Undo Move 3 Clips"): pass them to `applyEdit` with the edit.
 * One item reads "Move Clip", several "Move 3 Clips".
 */

function counted(verb: string, noun: string, count: number, plural = `${noun}s`): string {
  return count === 1 || count === 0 ? `${verb} ${noun}` : `${verb} ${count} ${plural}`;
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
export const makeUniqueLabel = (count: number): string => (count <= 1 ? 'Make Clip Unique' : `Make ${count} Clips Unique`);
export const clipMuteLabel = (count: number, mute: boolean): string => counted(mute ? 'Mute' : 'Unmute', 'Clip', count);
/** Comping: every take of a group split at once; one take chosen to play in its group. */
export const splitTakesLabel = (): string => 'Split Takes';
export const chooseTakeLabel = (): string => 'Use Take';

export const addTempoChangeLabel = (): string => 'Add Tempo Change';
export const moveTempoChangeLabel = (): string => 'Move Tempo Change';
export const deleteTempoChangeLabel = (): string => 'Delete Tempo Change';
/** `ramp`: whether the point becomes a ramp (true) or a jump (false). */
export const tempoRampLabel = (ramp: boolean): string => (ramp ? 'Ramp Tempo' : 'Jump Tempo');
export const addMeterChangeLabel = (): string => 'Add Meter Change';
export const meterChangeLabel = (): string => 'Change Meter';
export const moveMeterChangeLabel = (): string => 'Move Meter Change';
export const deleteMeterChangeLabel = (): string => 'Delete Meter Change';

export const addTrackLabel = (): string => 'Add Track';
export const addInstrumentTrackLabel = (instrument: string): string => `Add ${instrument} Track`;
export const renameTrackLabel = (): string => 'Rename Track';
export const deleteTracksLabel = (count: number): string => counted('Delete', 'Track', count);
export const moveTrackLabel = (): string => 'Move Track';
/** `noun`: what owns the muted channels (a track, a bus). */
export const muteLabel = (count: number, mute: boolean, noun: ChannelNoun = 'Track'): string => counted(mute ? 'Mute' : 'Unmute', noun, count, plurals[noun]);
export const soloLabel = (count: number, solo: boolean, noun: ChannelNoun = 'Track'): string => counted(solo ? 'Solo' : 'Unsolo', noun, count, plurals[noun]);
/** `safe`: whether the edit makes the channel solo safe (true) or takes it off (false). */
export const soloSafeLabel = (safe: boolean, noun: ChannelNoun = 'Bus'): string => (safe ? `Make ${noun} Solo Safe` : `Make ${noun} Not Solo Safe`);
export const trackColourLabel = (count = 1): string => (count <= 1 ? 'Change Track Colour' : `Change Colour of ${count} Tracks`);
export const trackHeightLabel = (count = 1): string => (count <= 1 ? 'Change Track Height' : `Change Height of ${count} Tracks`);

/** What the Edit menu calls a channel's owner. */
export type ChannelNoun = 'Track' | 'Bus' | 'Master';
const plurals: Record<ChannelNoun, string> = { Track: 'Tracks', Bus: 'Buses', Master: 'Masters' };

export const volumeLabel = (noun: ChannelNoun): string => `Change ${noun} Volume`;
export const panLabel = (noun: ChannelNoun): string => `Change ${noun} Pan`;
export const exclusiveSoloLabel = (): string => 'Solo Exclusively';
export const addBusLabel = (): string => 'Add Bus';
/** `count` channels (tracks or buses) go to a new bus. */
export const routeToNewBusLabel = (count: number): string => (count <= 1 ? 'Route to New Bus' : `Route ${count} Channels to New Bus`);
export const renameBusLabel = (): string => 'Rename Bus';
export const deleteBusLabel = (): string => 'Delete Bus';
export const outputLabel = (): string => 'Change Output';
export const addSendLabel = (): string => 'Add Send';
export const removeSendLabel = (): string => 'Remove Send';
export const sendLevelLabel = (): string => 'Change Send Level';
export const sendTapLabel = (tap: 'pre' | 'post'): string => (tap === 'pre' ? 'Send Pre-Fader' : 'Send Post-Fader');
/** `device`: the catalog name of the device ("Limiter"). */
export const addInsertLabel = (device: string): string => `Add ${device}`;
export const removeInsertLabel = (device: string): string => `Remove ${device}`;
export const bypassLabel = (device: string, bypass: boolean): string => `${bypass ? 'Bypass' : 'Enable'} ${device}`;
export const moveInsertLabel = (): string => 'Move Insert';
/** `param`: the catalog name of the parameter ("Band 2 gain"). */
export const deviceParamLabel = (device: string, param: string): string => `Change ${device} ${param.replace(/^./, (first) => first.toUpperCase())}`;
export const loadPresetLabel = (preset: string): string => `Load Preset “${preset}”`;
export const sidechainLabel = (device: string): string => `Change ${device} Sidechain`;

export const addMarkerLabel = (): string => 'Add Marker';
export const moveMarkerLabel = (): string => 'Move Marker';
export const renameMarkerLabel = (): string => 'Rename Marker';
export const deleteMarkerLabel = (): string => 'Delete Marker';

export const addAutomationPointLabel = (): string => 'Add Automation Point';
export const moveAutomationPointsLabel = (count: number): string => counted('Move', 'Automation Point', count);
export const deleteAutomationPointsLabel = (count: number): string => counted('Delete', 'Automation Point', count);
export const automationCurveLabel = (count: number): string => (count <= 1 ? 'Change Automation Curve' : `Change Curve of ${count} Automation Points`);
export const removeAutomationLabel = (): string => 'Remove Automation';
/** A pass of automation written by moving controls while playing (Touch, Latch, Write). */
export const writeAutomationLabel = (): string => 'Write Automation';
export const pasteAutomationPointsLabel = (count: number): string => counted('Paste', 'Automation Point', count);

/** Recording: the punch range set, punching switched on or off, a track's input monitoring. */
export const setPunchLabel = (): string => 'Set Punch Range';
export const punchingLabel = (on: boolean): string => (on ? 'Punch On' : 'Punch Off');
/** The transport: the loop range set, looping switched on or off. */
export const setLoopLabel = (): string => 'Set Loop Range';
export const loopingLabel = (): string => 'Loop On/Off';
export const monitorLabel = (mode: MonitorMode): string => (mode === 'off' ? 'Monitoring Off' : mode === 'in' ? 'Monitoring In' : 'Monitoring Auto');
