import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../src/codecs/wav';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { TakeJournal } from '../../../electron/services/recording/take-journal';
import { TakeWriter } from '../../../electron/services/recording/take-writer';
import { tempDir } from '../../support/temp-dir';
import { takeChunk } from './support/take-signal';

describe('recording through the ipc contract', () => {
  it('an untitled project records into the data folder: begin, append, finish', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { home, libraryPath: ':memory:' });
    const begun = await dispatcher.call('recording.begin', { projectPath: null, name: 'Vocal', sampleRate: 44_100, channelCount: 1 });
    if (!begun.ok) throw new Error(begun.error.message);
    const { takeId, path: file } = begun.value as { takeId: string; path: string };
    expect(file).toBe(path.join(home, 'Recordings', 'Vocal.wav'));
    for (let first = 0; first < 88_200; first += 11_025) {
      const status = await dispatcher.call('recording.append', { takeId, channels: takeChunk(first, 11_025, 1) });
      expect(status.ok).toBe(true);
    }
    const finished = await dispatcher.call('recording.finish', { takeId });
    expect(finished).toEqual({ ok: true, value: { path: file, frames: 88_200, savedSeconds: 2, stoppedEarly: null } });
    expect(decodeWav(new Uint8Array(await fs.readFile(file))).channels[0]).toEqual(takeChunk(0, 88_200, 1)[0]);
    expect(await dispatcher.call('recording.finish', { takeId })).toEqual({ ok: false, error: { code: 'not-found', message: 'That recording has already ended.' } });
  });

  it('refuses to record beside a project the user has not given Glowroom', async () => {
    const dispatcher = new Dispatcher('web', { home: tempDir(), libraryPath: ':memory:' });
    const reply = await dispatcher.call('recording.begin', { projectPath: path.join(tempDir(), 'Song.glowroom'), name: 'Vocal', sampleRate: 48_000, channelCount: 2 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('not-allowed');
  });

  it('refuses a take name that would leave the folder', async () => {
    const dispatcher = new Dispatcher('web', { home: tempDir(), libraryPath: ':memory:' });
    const reply = await dispatcher.call('recording.begin', { projectPath: null, name: '../escape', sampleRate: 48_000, channelCount: 2 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('invalid-args');
  });

  it('on the next start, names and mends the takes a crash cut off', async () => {
    const home = tempDir();
    const writer = await TakeWriter.create(path.join(home, 'Recordings'), 'Guitar', { sampleRate: 48_000, channelCount: 2 }, { checkpointFrames: 1_000_000 });
    await new TakeJournal(path.join(home, 'recordings-in-progress.json')).add(writer.path);
    await writer.append(takeChunk(0, 24_000, 2));
    // The app dies here, the header never patched; a new run starts.
    const dispatcher = new Dispatcher('web', { home, libraryPath: ':memory:' });
    expect(await dispatcher.call('recording.recovered', {})).toEqual({ ok: true, value: { takes: [{ path: writer.path, seconds: 0.5 }] } });
    expect(decodeWav(new Uint8Array(await fs.readFile(writer.path))).channels[1]).toEqual(takeChunk(0, 24_000, 2)[1]);
  });
});
