import { describe, expect, it } from 'vitest';
import * as channels from '../../../../src/model/edits/channel-edits';
import * as clips from '../../../../src/model/edits/clip-edits';
import * as labels from '../../../../src/model/edits/labels';
import * as markers from '../../../../src/model/edits/marker-edits';
import * as tracks from '../../../../src/model/edits/track-edits';
import { applyEdit, emptyHistory, redo, undo, undoLabel } from '../../../../src/model/history';
import type { Project } from '../../../../src/model/project-schema';
import { beats } from '../../../../src/std/units';
import { durations, expectValid, project, ref } from './helpers';

const sel = [ref('t1', 'c1'), ref('t2', 'c3')];
const board = clips.copyClips(project(), sel);

const edits: [string, (p: Project) => Project][] = [
  [labels.moveLabel(2), (p) => clips.moveClips(p, sel, 3, 1)],
  [labels.trimLabel(1), (p) => clips.trimClipStart(p, ref('t1', 'c1'), 1)],
  [labels.trimLabel(1), (p) => clips.trimClipEnd(p, ref('t1', 'c1'), 2)],
  [labels.trimLabel(2), (p) => clips.trimClipsStart(p, sel, 0.5, durations)],
  [labels.splitLabel(2), (p) => clips.splitClips(p, sel, 3)],
  [labels.duplicateLabel(2), (p) => clips.duplicateClips(p, sel)],
  [labels.deleteLabel(2), (p) => clips.deleteClips(p, sel)],
  [labels.pasteLabel(2), (p) => clips.pasteClips(p, board, 20, 't3')],
  [labels.fadeLabel(2), (p) => clips.setClipFades(p, sel, { fadeIn: 0.25, fadeOut: 0.5 })],
  [labels.clipGainLabel(2), (p) => clips.setClipGain(p, sel, -12)],
  [labels.reverseLabel(2, true), (p) => clips.toggleClipReverse(p, sel, durations)],
  [labels.loopLabel(2, true), (p) => clips.setClipLoop(p, sel, true)],
  [labels.extendLoopLabel(), (p) => clips.extendLoop(p, ref('t3', 'c4'), 32)],
  [labels.clipRateLabel(2), (p) => clips.setClipRate(p, sel, 1.5)],
  [labels.addTrackLabel(), (p) => tracks.addTrack(p)],
  [labels.renameTrackLabel(), (p) => tracks.renameTrack(p, 't1', 'Beat')],
  [labels.deleteTracksLabel(1), (p) => tracks.deleteTracks(p, 't2')],
  [labels.moveTrackLabel(), (p) => tracks.moveTrack(p, 't3', 0)],
  [labels.volumeLabel('Track'), (p) => channels.setChannelGain(p, 't1', -10)],
  [labels.panLabel('Track'), (p) => channels.setChannelPan(p, 't1', 0.5)],
  [labels.muteLabel(1, true), (p) => channels.toggleMute(p, 't1')],
  [labels.soloLabel(1, true), (p) => channels.toggleSolo(p, 't1')],
  [labels.renameClipLabel(), (p) => clips.renameClips(p, [ref('t1', 'c2')], 'Fill')],
  [labels.clipMuteLabel(1, true), (p) => clips.setClipMute(p, [ref('t1', 'c2')], true)],
  [labels.clipMuteLabel(1, false), (p) => clips.setClipMute(p, [ref('t2', 'c3')], false)],
  [labels.trackColourLabel(), (p) => tracks.setTrackColour(p, 't2', '#00ff7f')],
  [labels.trackHeightLabel(2), (p) => tracks.setTrackHeight(p, ['t1', 't2'], 150)],
  [labels.addMarkerLabel(), (p) => markers.addMarker(p, beats(12))],
  [labels.moveMarkerLabel(), (p) => markers.moveMarker(p, 'm1', beats(16))],
  [labels.renameMarkerLabel(), (p) => markers.renameMarker(p, 'm2', 'Hook')],
  [labels.deleteMarkerLabel(), (p) => markers.deleteMarker(p, 'm2')],
];

describe('every edit through applyEdit', () => {
  it.each(edits)('%s is undoable to exactly the previous document', (label, recipe) => {
    const start = project();
    const done = applyEdit(start, emptyHistory, label, recipe);
    expect(done.document).not.toBe(start);
    expectValid(done.document);
    expect(undoLabel(done.history)).toBe(label);
    const undone = undo(done.history);
    expect(undone?.document).toBe(start);
    expect(redo(undone?.history ?? emptyHistory)?.document).toBe(done.document);
  });

  it('records nothing for edits that change nothing', () => {
    const start = project();
    const same = applyEdit(start, emptyHistory, labels.moveLabel(1), (p) => clips.moveClips(p, [ref('t9', 'c1')], 4));
    expect(same.document).toBe(start);
    expect(same.history).toBe(emptyHistory);
  });

  it('undoes a chain step by step', () => {
    const start = project();
    let state = { document: start, history: emptyHistory };
    const documents = [start];
    for (const [label, recipe] of edits) {
      const before = state.document;
      state = applyEdit(state.document, state.history, label, recipe);
      if (state.document !== before) documents.push(state.document);
    }
    for (let i = documents.length - 2; i >= 0; i--) {
      const undone = undo(state.history);
      expect(undone?.document).toBe(documents[i]);
      state = undone ?? state;
    }
    expect(undo(state.history)).toBeNull();
    expect(documents.length).toBeGreaterThan(10);
  });
});
