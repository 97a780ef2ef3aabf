import { describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../../src/protocol/engine';
import { statusLength, statusSlots } from '../../../src/protocol/engine';
import { playheadFrame, seekToFrame } from '../../../renderer/state/playhead';
import { setRuntime, type Runtime } from '../../../renderer/state/runtime';

/** A stand-in audio host: the status an engine would write, and the commands sent to it. */
function fakeAudio() {
  const status = new Float64Array(statusLength);
  const sent: EngineCommand[] = [];
  setRuntime({ audio: { status, context: { sampleRate: 48000 }, send: (command: EngineCommand) => sent.push(command) } } as unknown as Runtime);
  return { status, sent };
}

describe('the playhead after a seek', () => {
  it('reads the seek at once, before the engine has shown it, and the engine once it has', () => {
    const { status, sent } = fakeAudio();
    status[statusSlots.blocksRendered] = 100;
    status[statusSlots.playheadFrame] = 480;
    seekToFrame(96000.4);
    expect(sent).toEqual([{ type: 'seek', frame: 96000 }]);
    expect(playheadFrame()).toBe(96000);
    status[statusSlots.blocksRendered] = 101;
    expect(playheadFrame()).toBe(96000);
    // Two blocks on, the engine's status is the truth (it has played on since).
    status[statusSlots.blocksRendered] = 102;
    status[statusSlots.playheadFrame] = 96256;
    expect(playheadFrame()).toBe(96256);
    status[statusSlots.blocksRendered] = 101;
    expect(playheadFrame()).toBe(96256);
  });

  it('a restarted engine (its block count back at 0) is read as it is', () => {
    const { status } = fakeAudio();
    status[statusSlots.blocksRendered] = 5000;
    seekToFrame(1000);
    status[statusSlots.blocksRendered] = 0;
    status[statusSlots.playheadFrame] = 0;
    expect(playheadFrame()).toBe(0);
  });
});
