import { describe, expect, it } from 'vitest';
import { playLiveNote } from '../../../renderer/audio/live-notes';
import { setRuntime, type Runtime } from '../../../renderer/state/runtime';
import type { EngineCommand } from '../../../src/protocol/engine';

describe('playLiveNote', () => {
  it('sends a live-note to the engine, velocity kept within 0–1, and ignores what is not a note', () => {
    const sent: EngineCommand[] = [];
    setRuntime({ audio: { send: (command: EngineCommand) => sent.push(command) } } as unknown as Runtime);
    playLiveNote('t1', 60, 0.8);
    playLiveNote('t1', 60, 0);
    playLiveNote('t1', 61, 7);
    playLiveNote('t1', 128, 1);
    playLiveNote('t1', 60.5, 1);
    playLiveNote('t1', 62, Number.NaN);
    expect(sent).toEqual([
      { type: 'live-note', track: 't1', pitch: 60, velocity: 0.8 },
      { type: 'live-note', track: 't1', pitch: 60, velocity: 0 },
      { type: 'live-note', track: 't1', pitch: 61, velocity: 1 },
    ]);
  });
});
