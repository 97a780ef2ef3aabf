import { afterEach, describe, expect, it } from 'vitest';
import { syncEngineWithProject } from '../../../renderer/audio/engine-sync';
import type { AudioHost } from '../../../renderer/audio/audio-host';
import type { SamplePool } from '../../../renderer/audio/sample-pool';
import { useProject } from '../../../renderer/state/project-store';
import { useTransport } from '../../../renderer/state/transport-store';
import { setChannelGain } from '../../../src/model/edits/channel-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import { createTrack } from '../../../src/model/new-track';
import { undoLabel } from '../../../src/model/history';
import type { EngineCommand } from '../../../src/protocol/engine';

/** The engine side of the sync, recorded: every command the renderer would post to the worklet. */
function recordingHost(sent: EngineCommand[]): AudioHost {
  return { send: (command: EngineCommand) => sent.push(command), onRebuilt: () => () => undefined } as unknown as AudioHost;
}
const noSamples = { ensure: () => new Promise(() => undefined) } as unknown as SamplePool;

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('engine sync', () => {
  it('sends a fader drag as set-param only, records one undo step on release, and sends nothing more', () => {
    const project = { ...createEmptyProject('Sync'), tracks: [createTrack('t1', 'Drums', 0)] };
    useProject.getState().load(project, null);
    const sent: EngineCommand[] = [];
    stop = syncEngineWithProject(recordingHost(sent), noSamples);
    expect(sent.map((c) => c.type)).toContain('set-mixer');
    const undoSteps = useProject.getState().history.past.length;
    sent.length = 0;

    for (const db of [-1, -2.5, -4, -6]) useProject.getState().previewGesture((p) => setChannelGain(p, 't1', db));
    expect(sent).toEqual([-1, -2.5, -4, -6].map((value) => ({ type: 'set-param', target: 't1', param: 'gainDb', value })));
    sent.length = 0;

    useProject.getState().endGesture('Change Volume');
    expect(useProject.getState().history.past.length).toBe(undoSteps + 1);
    expect(useProject.getState().project.tracks[0]?.channel.gainDb).toBe(-6);
    expect(sent).toEqual([]);

    useProject.getState().undo();
    expect(sent).toEqual([{ type: 'set-param', target: 't1', param: 'gainDb', value: 0 }]);
  });

  it('sends the song’s loop range as set-loop when it is set, switched, undone, opened with a song, and borrowed', () => {
    useProject.getState().load(createEmptyProject('Loop'), null);
    const sent: EngineCommand[] = [];
    stop = syncEngineWithProject(recordingHost(sent), noSamples);
    const loops = () => sent.flatMap((c) => (c.type === 'set-loop' ? [c.loop] : []));
    expect(loops()).toEqual([null]);
    sent.length = 0;

    useTransport.getState().setLoopRange({ start: 4, end: 8 });
    expect(useProject.getState().project.loop).toEqual({ start: 4, end: 8, on: true });
    expect(undoLabel(useProject.getState().history)).toBe('Set Loop Range');
    useTransport.getState().toggleLooping();
    expect(undoLabel(useProject.getState().history)).toBe('Loop On/Off');
    useProject.getState().undo();
    expect(loops()).toEqual([{ start: 4, end: 8 }, null, { start: 4, end: 8 }]);
    sent.length = 0;

    // "Play selection" borrows the loop without touching the song, and gives it back.
    const before = useProject.getState().project;
    useTransport.getState().borrowLoop({ start: 1, end: 2 });
    useTransport.getState().borrowLoop(null);
    expect(useProject.getState().project).toBe(before);
    expect(loops()).toEqual([{ start: 1, end: 2 }, { start: 4, end: 8 }]);
    sent.length = 0;

    useProject.getState().load({ ...createEmptyProject('Other'), loop: { start: 16, end: 32, on: true } }, null);
    useProject.getState().load(createEmptyProject('None'), null);
    expect(loops()).toEqual([{ start: 16, end: 32 }, null]);
  });
});
