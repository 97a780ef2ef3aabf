import { afterEach, describe, expect, it } from 'vitest';
import type { AudioHost } from '../../../renderer/audio/audio-host';
import type { SamplePool } from '../../../renderer/audio/sample-pool';
import { auditionRow } from '../../../renderer/state/library-audition';
import { setRuntime, type Runtime } from '../../../renderer/state/runtime';
import { useTransport } from '../../../renderer/state/transport-store';
import { useUi } from '../../../renderer/state/ui-store';
import type { EngineCommand } from '../../../src/protocol/engine';
import type { SampleRow } from '../../../src/protocol/ipc';

/** A library row as search returns it. */
const row = (fields: Partial<SampleRow>): SampleRow => ({
  id: 1, path: '/pack/Loops/keys_loop_Am.wav', name: 'keys_loop_Am.wav', pack: 'pack', folder: 'Loops', format: 'wav', sizeBytes: 1000, sampleRate: 48_000,
  channels: 2, bitDepth: 24, duration: 2, peakDbfs: -3, loudnessLufs: -14, peaks: new Int8Array(0), kind: 'loop', bpm: 90, key: 'A minor', tags: ['keys', 'loop'],
  missing: false, favourite: false, analysed: true, ...fields,
});

/** What the renderer posts to the worklet, recorded; every file is "loaded" under its path. */
function recordRuntime(): EngineCommand[] {
  const sent: EngineCommand[] = [];
  const audio = { send: (command: EngineCommand) => sent.push(command), resume: () => Promise.resolve() } as unknown as AudioHost;
  const samples = { ensure: (path: string) => Promise.resolve({ sampleId: path }) } as unknown as SamplePool;
  setRuntime({ audio, samples } as Partial<Runtime> as Runtime);
  return sent;
}

afterEach(() => {
  useTransport.getState().setKeySync(false);
  useUi.getState().setSongKey(null);
});

describe('auditioning a library row', () => {
  it('sends a loop of known tempo in time: tonal for keys, beats for drums, untransposed while Key is off', async () => {
    const sent = recordRuntime();
    useUi.getState().setSongKey('D minor');
    await auditionRow(row({}));
    await auditionRow(row({ path: '/pack/Loops/break_loop.wav', key: null, tags: ['break', 'loop'], bpm: 137 }));
    expect(sent).toEqual([
      { type: 'preview', sampleId: '/pack/Loops/keys_loop_Am.wav', gainDb: -6, warp: { mode: 'tonal', sourceTempo: 90, transpose: 0 } },
      { type: 'preview', sampleId: '/pack/Loops/break_loop.wav', gainDb: -6, warp: { mode: 'beats', sourceTempo: 137, transpose: 0 } },
    ]);
  });

  it('with Key on, moves a loop to the song key by the smallest interval', async () => {
    const sent = recordRuntime();
    useUi.getState().setSongKey('D minor');
    useTransport.getState().setKeySync(true);
    await auditionRow(row({}));
    // A minor → D minor: up a fourth (+5), not down a fifth.
    expect(sent.at(-1)).toEqual({ type: 'preview', sampleId: '/pack/Loops/keys_loop_Am.wav', gainDb: -6, warp: { mode: 'tonal', sourceTempo: 90, transpose: 5 } });
    // Without a song key there is nothing to move to.
    useUi.getState().setSongKey(null);
    await auditionRow(row({}));
    expect(sent.at(-1)).toMatchObject({ warp: { transpose: 0 } });
  });

  it('plays one-shots and loops of unknown tempo as they are, at once', async () => {
    const sent = recordRuntime();
    useTransport.getState().setKeySync(true);
    useUi.getState().setSongKey('C major');
    await auditionRow(row({ kind: 'one-shot', bpm: null }));
    await auditionRow(row({ bpm: null }));
    expect(sent).toEqual([
      { type: 'preview', sampleId: '/pack/Loops/keys_loop_Am.wav', gainDb: -6 },
      { type: 'preview', sampleId: '/pack/Loops/keys_loop_Am.wav', gainDb: -6 },
    ]);
  });

  it('keeps only a real key as the song key', () => {
    useUi.getState().setSongKey('am');
    expect(useUi.getState().songKey).toBe('A minor');
    useUi.getState().setSongKey('not a key');
    expect(useUi.getState().songKey).toBeNull();
  });
});
