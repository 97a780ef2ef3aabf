import {
  copyClips,
  deleteClips,
  duplicateClipsWithResult,
  emptyClipboard,
  pasteClipsWithResult,
  setClipMute,
  splitClipsWithResult,
  type Clipboard,
} from '../../../src/model/edits/clip-edits';
import { duplicatedClipShifts } from '../../../src/model/edits/automation-follow';
import { linkedAmong, makeClipsUnique } from '../../../src/model/beats/make-unique';
import { addMarkerLabel, clipMuteLabel, deleteLabel, duplicateLabel, makeUniqueLabel, pasteLabel, splitLabel, splitTakesLabel } from '../../../src/model/edits/labels';
import { addMarker } from '../../../src/model/edits/marker-edits';
import { splitTakeGroup, takeOf } from '../../../src/model/edits/take-edits';
import { selectAllClips } from '../../../src/model/edits/selection';
import type { Project } from '../../../src/model/project-schema';
import { beats } from '../../../src/std/units';
import { playheadBeats } from '../../state/playhead';
import { useProject } from '../../state/project-store';
import { useSession } from '../../state/session-store';
import { sourceDurationsOf, useSamples } from '../../state/samples-store';
import { carryPlacedAutomation, settlePlaced } from '../../state/settle-placed';
import { useTimeline } from '../../state/timeline-store';
import { pointerInLanes } from './lane-pointer';
import { laneClips } from './take-lanes';
import { refsOf } from './selection';
import { snapToGrid } from '../../../src/model/snap';

/** Edits the keyboard and menus run on the selected clips; each is one undoable step. */

let clipboard: Clipboard = emptyClipboard;


function selectedRefs(project: Project) {
  return refsOf(project, useTimeline.getState().selection);
}

/** Edits whose result creates clips select the new ones, so a second Ctrl+D continues the run. */
function editAndSelect(label: string, run: (project: Project) => { project: Project; created: { clipId: string }[] }): void {
  let created: string[] = [];
  useProject.getState().edit(label, (project) => {
    const result = run(project);
    created = result.created.map((ref) => ref.clipId);
    return result.project;
  });
  if (created.length > 0) useTimeline.getState().select(created);
}

/** Like `editAndSelect` for clips put down over others (duplicate, paste): they settle as the toolbar says, in the same step. */
function placeAndSelect(label: string, run: (project: Project) => { project: Project; created: { clipId: string }[] }): void {
  editAndSelect(label, (project) => {
    const result = run(project);
    return { project: settlePlaced(result.project, result.created.map((ref) => ref.clipId)), created: result.created };
  });
}

export function splitAtPlayhead(): void {
  const project = useProject.getState().project;
  const refs = selectedRefs(project);
  const targets = refs.length > 0 ? refs : selectAllClips(project);
  const durations = { sourceDurations: sourceDurationsOf(project, useSamples.getState().byPath) };
  editAndSelect(splitLabel(targets.length), (p) => splitClipsWithResult(p, targets, playheadBeats(), durations));
}

/**
 * Splits at the mouse: the clip under it (with the selected clips when it is one of them) at the
 * snapped beat under the mouse; Alt splits off the grid. Nothing when the mouse is not over a clip.
 * A recorded take splits its whole take group there (every take at once), to comp each side.
 */
export function splitAtMouse(free: boolean): void {
  const pointer = pointerInLanes();
  if (!pointer) return;
  const project = useProject.getState().project;
  const track = project.tracks.find((t) => t.id === pointer.trackId);
  const clip = track ? laneClips(track.clips).find((c) => c.start < pointer.beat && c.start + c.length > pointer.beat) : undefined;
  if (!track || !clip) return;
  const selected = selectedRefs(project);
  const targets = selected.some((ref) => ref.clipId === clip.id) ? selected : [{ trackId: track.id, clipId: clip.id }];
  const at = snapToGrid(pointer.beat, free ? 'off' : useTimeline.getState().snap, project);
  const durations = { sourceDurations: sourceDurationsOf(project, useSamples.getState().byPath) };
  const group = takeOf(clip)?.group;
  if (group !== undefined) {
    useProject.getState().edit(splitTakesLabel(), (p) => splitTakeGroup(p, group, at, durations));
    return;
  }
  editAndSelect(splitLabel(targets.length), (p) => splitClipsWithResult(p, targets, at, durations));
}

export function deleteSelection(): void {
  const refs = selectedRefs(useProject.getState().project);
  if (refs.length === 0) return;
  useProject.getState().edit(deleteLabel(refs.length), (p) => deleteClips(p, refs));
  useTimeline.getState().select([]);
}

/** Ctrl+D: copies after the selection, starting on the timeline's grid (right at the end when snap is off). */
export function duplicateSelection(): void {
  const project = useProject.getState().project;
  const refs = selectedRefs(project);
  const { snap } = useTimeline.getState();
  if (refs.length === 0) return;
  placeAndSelect(duplicateLabel(refs.length), (p) => {
    const result = duplicateClipsWithResult(p, refs, snap);
    return { ...result, project: carryPlacedAutomation(p, result.project, duplicatedClipShifts(p, refs, result), true) };
  });
}

export function copySelection(): void {
  const project = useProject.getState().project;
  const refs = selectedRefs(project);
  if (refs.length > 0) clipboard = copyClips(project, refs);
}

/** Pastes at the playhead, onto the track of the first selected clip (else the first track). */
export function pasteAtPlayhead(): void {
  const project = useProject.getState().project;
  const trackId = selectedRefs(project)[0]?.trackId ?? project.tracks[0]?.id;
  if (!trackId || clipboard.clips.length === 0) return;
  placeAndSelect(pasteLabel(clipboard.clips.length), (p) => pasteClipsWithResult(p, clipboard, playheadBeats(), trackId));
}

/** Mutes the selected clips, or unmutes them when every one is muted already. */
export function toggleMuteSelection(): void {
  const project = useProject.getState().project;
  const refs = selectedRefs(project);
  if (refs.length === 0) return;
  const selected = new Set(refs.map((ref) => ref.clipId));
  const mute = !project.tracks.every((track) => track.clips.every((clip) => !selected.has(clip.id) || clip.mute));
  useProject.getState().edit(clipMuteLabel(refs.length, mute), (p) => setClipMute(p, refs, mute));
}

/**
 * Make Unique (U, the clip menu): each selected note clip that shares its pattern with other clips
 * (linked copies) gets a copy of its own, one undo step; editing it then leaves its siblings alone.
 */
export function makeSelectionUnique(): void {
  const project = useProject.getState().project;
  const ids = selectedRefs(project).map((ref) => ref.clipId);
  const linked = linkedAmong(project, ids);
  if (linked === 0) {
    if (ids.length > 0) useSession.getState().notify('info', 'Nothing to make unique: the selected clips are not linked copies (only note clips that share a pattern are).');
    return;
  }
  useProject.getState().edit(makeUniqueLabel(linked), (p) => makeClipsUnique(p, ids));
}

export function addMarkerAtPlayhead(): void {
  const at = beats(playheadBeats());
  useProject.getState().edit(addMarkerLabel(), (p) => addMarker(p, at));
}

export function selectAll(): void {
  useTimeline.getState().select(selectAllClips(useProject.getState().project).map((ref) => ref.clipId));
}
