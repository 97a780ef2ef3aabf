import { useProject } from '../../state/project-store';
import { useUi } from '../../state/ui-store';
import { useRecording } from '../../state/recording-store';
import { useTransport } from '../../state/transport-store';
import {
  addMarkerAtPlayhead,
  addMeterChangeAtPlayhead,
  copySelection,
  deleteSelection,
  duplicateSelection,
  makeSelectionUnique,
  pasteAtPlayhead,
  selectAll,
  splitAtMouse,
  splitAtPlayhead,
  toggleMuteSelection,
  zoomBy,
} from '../timeline';
import { newProject, saveOrAsk } from '../project';

/** One keyboard shortcut: how it is written on the sheet, when it matches, what it does. */
export interface Shortcut {
  readonly keys: string;
  readonly does: string;
  readonly matches: (event: KeyboardEvent) => boolean;
  readonly run: (event: KeyboardEvent) => void;
}

const command = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;
const key = (event: KeyboardEvent, name: string) => event.key.toLowerCase() === name;

/** Every shortcut of the app; the `?` sheet lists exactly these. */
export const shortcuts: readonly Shortcut[] = [
  { keys: 'Ctrl+N', does: 'New project', matches: (e) => command(e) && key(e, 'n'), run: newProject },
  { keys: 'Ctrl+O', does: 'Open a project', matches: (e) => command(e) && key(e, 'o'), run: () => useUi.getState().show('open') },
  { keys: 'Ctrl+S', does: 'Save', matches: (e) => command(e) && !e.shiftKey && key(e, 's'), run: () => void saveOrAsk() },
  { keys: 'Ctrl+E', does: 'Export', matches: (e) => command(e) && key(e, 'e'), run: () => useUi.getState().show('export') },
  { keys: 'Ctrl+Shift+S', does: 'Save as', matches: (e) => command(e) && e.shiftKey && key(e, 's'), run: () => useUi.getState().show('save-as') },
  { keys: 'F9 / Ctrl+M', does: 'Show / hide the mixer', matches: (e) => (plain(e) && e.key === 'F9') || (command(e) && !e.shiftKey && key(e, 'm')), run: () => useUi.getState().toggleMixer() },
  { keys: 'Space', does: 'Play / stop', matches: (e) => plain(e) && e.code === 'Space', run: () => void useTransport.getState().toggle() },
  { keys: 'Enter', does: 'Back to the start', matches: (e) => plain(e) && e.key === 'Enter', run: () => useTransport.getState().returnToStart() },
  {
    keys: 'Shift+R',
    does: 'Record: audio on the armed audio track, notes on the armed instrument track / stop recording',
    matches: (e) => !command(e) && !e.altKey && e.shiftKey && e.code === 'KeyR',
    run: () => {
      const recording = useRecording.getState();
      void (recording.phase !== null ? recording.stopRecording() : recording.record());
    },
  },
  { keys: 'L', does: 'Loop on / off', matches: (e) => plain(e) && key(e, 'l'), run: () => useTransport.getState().toggleLooping() },
  { keys: 'S', does: 'Split at the playhead', matches: (e) => plain(e) && !e.shiftKey && key(e, 's'), run: splitAtPlayhead },
  { keys: 'Shift+S', does: 'Split at the mouse (Alt: off the grid)', matches: (e) => !command(e) && e.shiftKey && e.code === 'KeyS', run: (e) => splitAtMouse(e.altKey) },
  { keys: '0', does: 'Mute / unmute the selected clips', matches: (e) => plain(e) && e.key === '0', run: toggleMuteSelection },
  { keys: 'M', does: 'Add a marker at the playhead', matches: (e) => plain(e) && key(e, 'm'), run: addMarkerAtPlayhead },
  { keys: 'Ctrl+Shift+M', does: 'Add a time signature change at the playhead’s bar', matches: (e) => command(e) && e.shiftKey && key(e, 'm'), run: addMeterChangeAtPlayhead },
  { keys: 'Delete', does: 'Delete the selected clips', matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'), run: deleteSelection },
  { keys: 'U', does: 'Make the selected note clips unique (break linked copies off their pattern)', matches: (e) => plain(e) && !e.shiftKey && key(e, 'u'), run: makeSelectionUnique },
  { keys: 'Ctrl+D', does: 'Duplicate (a note clip’s copy is linked: it plays the same pattern)', matches: (e) => command(e) && key(e, 'd'), run: duplicateSelection },
  { keys: 'Ctrl+C', does: 'Copy', matches: (e) => command(e) && key(e, 'c'), run: copySelection },
  { keys: 'Ctrl+V', does: 'Paste at the playhead', matches: (e) => command(e) && key(e, 'v'), run: pasteAtPlayhead },
  { keys: 'Ctrl+A', does: 'Select all clips', matches: (e) => command(e) && key(e, 'a'), run: selectAll },
  { keys: 'Ctrl+Z', does: 'Undo', matches: (e) => command(e) && !e.shiftKey && key(e, 'z'), run: () => useProject.getState().undo() },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', does: 'Redo', matches: (e) => command(e) && ((e.shiftKey && key(e, 'z')) || key(e, 'y')), run: () => useProject.getState().redo() },
  { keys: '+', does: 'Zoom in', matches: (e) => plain(e) && (e.key === '+' || e.key === '='), run: () => zoomBy(1.5) },
  { keys: '−', does: 'Zoom out', matches: (e) => plain(e) && e.key === '-', run: () => zoomBy(1 / 1.5) },
];

/** Mouse gestures, listed on the sheet beside the keys. */
export const gestures: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'Ctrl + wheel', does: 'Zoom around the pointer' },
  { keys: 'Drag a clip / its edges / its top corners', does: 'Move / trim / fade' },
  { keys: 'Drag the knob on a clip', does: 'Clip gain' },
  { keys: 'Double-click a clip', does: 'Edit it: name, gain, fades, normalize, chop' },
  { keys: 'Right-click a clip', does: 'Make Unique, Duplicate, Mute, Delete' },
  { keys: 'Double-click the ruler / a marker', does: 'Add a marker / rename it' },
  { keys: 'Right-click the ruler or tempo lane / drag a time signature flag, ← → / Delete on it', does: 'Add a time signature change / move it by bars / remove it' },
  { keys: 'Double-click / drag a warp marker, ← → / Delete (clip editor)', does: 'Add one on the nearest transient / move the audio on its beat / nudge 1 ms (Shift: 10 ms) / remove it' },
  { keys: 'T in the tempo question', does: 'Tap the tempo of a loop' },
  { keys: 'Drag a track header’s bottom edge', does: 'Track height' },
  { keys: 'Drag a fader or knob (Shift: fine)', does: 'Volume, pan, send level; double-click resets, click the value to type' },
  { keys: 'Ctrl + click a solo button', does: 'Solo that channel alone' },
  { keys: 'Drag an insert / Alt+↑↓ on it', does: 'Reorder the insert chain' },
  { keys: 'Shift + click', does: 'Add a clip to the selection' },
  { keys: 'Alt while dragging', does: 'Ignore the grid' },
  { keys: 'Escape while dragging', does: 'Cancel the drag' },
  { keys: 'Click / drag the ruler', does: 'Move the playhead / set the loop' },
  { keys: 'Computer keyboard on: A … \' (W E T Y U O P)', does: 'Play the armed instrument track (white and black keys); Z / X octave, C / V velocity' },
  { keys: '?', does: 'Show this sheet' },
];
