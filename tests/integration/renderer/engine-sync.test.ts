import { afterEach, describe, expect, it } from 'vitest';
import { syncEngineWithProject } from '../../../renderer/audio/engine-sync';
import type { AudioHost } from '../../../renderer/audio/audio-host';
import type { SamplePool } from '../../../renderer/audio/sample-pool';
import { useProject } from '../../../renderer/state/project-store';
import { setChannelGain } from '../../../src/model/edits/channel-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import { createTrack } from '../../../src/model/new-track';
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
});
