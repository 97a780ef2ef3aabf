import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../src/codecs/wav';
import { encodeWav } from '../../src/codecs/wav-writer';
import type { JobProgress, LoadedAudio, Reply } from '../../src/protocol/ipc';
import { Dispatcher } from '../../electron/services/dispatcher';
import { packFile, samplePack } from '../support/paths';
import { tempDir } from '../support/temp-dir';

function errorOf(reply: Reply<unknown>) {
  expect(reply.ok).toBe(false);
  return (reply as Extract<Reply<unknown>, { ok: false }>).error;
}

function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

describe('the contract dispatcher', () => {
  it('answers app.info for its host', async () => {
    const info = valueOf<{ name: string; host: string }>(await new Dispatcher('web').call('app.info', {}));
    expect(info).toMatchObject({ name: 'Glowroom', host: 'web' });
  });

  it('refuses unknown operations and bad arguments with typed errors before any service runs', async () => {
    const dispatcher = new Dispatcher('electron');
    expect(errorOf(await dispatcher.call('fs.deleteEverything', {}))).toMatchObject({ code: 'unknown-operation' });
    expect(errorOf(await dispatcher.call('__proto__', {}))).toMatchObject({ code: 'unknown-operation' });
    expect(errorOf(await dispatcher.call('audio.load', {}))).toMatchObject({ code: 'invalid-args', message: expect.stringContaining('path') });
    expect(errorOf(await dispatcher.call('audio.load', { path: 42 }))).toMatchObject({ code: 'invalid-args' });
    expect(errorOf(await dispatcher.call('audio.load', 'kick.wav'))).toMatchObject({ code: 'invalid-args' });
    expect(errorOf(await dispatcher.call('library.import', { paths: [] }))).toMatchObject({ code: 'invalid-args', message: expect.stringContaining('at least one') });
    expect(errorOf(await dispatcher.call('library.search', { limit: -1 }))).toMatchObject({ code: 'invalid-args' });
  });

  it('loads a WAV as the same PCM the codec decodes', async () => {
    const file = packFile('Drums/Kicks/bd_fat_24bit.wav');
    const loaded = valueOf<LoadedAudio>(await new Dispatcher('web').call('audio.load', { path: file }));
    const direct = decodeWav(await readFile(file));
    expect(loaded).toMatchObject({ name: 'bd_fat_24bit.wav', format: 'wav', bitDepth: 24, sampleRate: direct.sampleRate });
    expect(loaded.channels).toHaveLength(direct.channels.length);
    loaded.channels.forEach((plane, c) => expect(plane).toEqual(direct.channels[c]));
  });

  it('gives a clear typed error for a missing file, a folder, an empty file and non-audio', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'just text, not audio at all');
    const dispatcher = new Dispatcher('web', { home: tempDir() });
    // As if the user had dropped the folder in: only then may Glowroom read it.
    await dispatcher.grant({ path: dir, scope: 'tree' });
    const load = async (p: string) => errorOf(await dispatcher.call('audio.load', { path: p }));
    expect(await load(path.join(dir, 'nope.wav'))).toMatchObject({ code: 'not-found', message: expect.stringContaining('File not found') });
    expect(await load(dir)).toMatchObject({ code: 'wrong-kind', message: expect.stringContaining('is a folder') });
    expect(await load(packFile('_broken/empty.wav'))).toMatchObject({ code: 'bad-format', message: 'empty.wav is empty (0 bytes): not an audio file.' });
    expect(await load(packFile('_broken/readme-not-audio.wav'))).toMatchObject({ code: 'bad-format', message: expect.stringContaining('readme-not-audio.wav') });
    expect(await load(packFile('_broken/truncated.wav'))).toMatchObject({ code: 'bad-format', message: expect.stringContaining('truncated') });
    expect(await load(path.join(dir, 'notes.txt'))).toMatchObject({ code: 'bad-format', message: expect.stringContaining('not an audio file: notes.txt') });
  });

  it('loads a file whose name lies about its format as what it holds, and says so', async () => {
    const loaded = valueOf<LoadedAudio>(await new Dispatcher('web').call('audio.load', { path: packFile('_broken/misnamed_mp3.wav') }));
    expect(loaded.format).toBe('mp3');
    expect(loaded.notes).toEqual([expect.stringContaining('misnamed_mp3.wav holds MP3 audio although it is named .wav; it was opened as MP3. Rename it to end in .mp3')]);
  });

  it('imports a folder with progress events, skips what it has, and finds by text and filters', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:' });
    const events: JobProgress[] = [];
    dispatcher.onEvent((name, payload) => {
      if (name === 'job.progress') events.push(payload as JobProgress);
    });
    const first = valueOf<{ found: number; indexed: number; skipped: number; failed: unknown[]; cancelled: boolean }>(
      await dispatcher.call('library.import', { paths: [samplePack] }),
    );
    expect(first.found).toBe(33);
    expect(first).toMatchObject({ indexed: 29, skipped: 0, cancelled: false });
    expect(first.failed).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ state: 'finished', done: 33, total: 33 });
    expect(events.filter((e) => e.state === 'running').length).toBeGreaterThan(0);

    const again = valueOf<{ indexed: number; skipped: number }>(await dispatcher.call('library.import', { paths: [samplePack] }));
    expect(again).toMatchObject({ indexed: 0, skipped: 29 });

    const kicks = valueOf<{ rows: { name: string; pack: string; kind: string; peaks: Int8Array }[]; total: number }>(
      await dispatcher.call('library.search', { text: 'kick', sort: 'name' }),
    );
    expect(kicks.rows.map((r) => r.name)).toEqual(['bd_boom.flac', 'bd_fat_24bit.wav', 'bd_haus.flac', 'bd_klub_48k.wav', 'bd_tek.mp3']);
    expect(kicks.rows.every((r) => r.kind === 'one-shot' && r.pack === 'sample-pack' && r.peaks instanceof Int8Array)).toBe(true);

    const loops = valueOf<{ rows: { name: string; bpm: number | null }[] }>(await dispatcher.call('library.search', { bpmMin: 60, bpmMax: 70, sort: 'bpm' }));
    // Tempo from names (garzul 120, amen 137) or detected (other loops), matched at half time.
    expect(loops.rows.map((r) => [r.name, r.bpm])).toEqual(expect.arrayContaining([
      ['garzul_120bpm_Cmin_96k.wav', 120],
      ['amen_break_137bpm.wav', 137],
    ]));
    expect(loops.rows.every((r) => r.bpm !== null && ((r.bpm >= 60 && r.bpm <= 70) || (r.bpm >= 120 && r.bpm <= 140)))).toBe(true);
    const minor = valueOf<{ rows: { name: string }[] }>(await dispatcher.call('library.search', { key: 'Cmin' }));
    expect(minor.rows.map((r) => r.name)).toContain('garzul_120bpm_Cmin_96k.wav');
    expect(errorOf(await dispatcher.call('library.search', { key: 'H#' }))).toMatchObject({ code: 'invalid-args', message: expect.stringContaining('not a key') });
    expect(valueOf<{ packs: unknown[] }>(await dispatcher.call('library.packs', {})).packs).toEqual([
      {
        name: 'sample-pack',
        count: 29,
        folders: [
          { path: '_broken', count: 1 },
          { path: 'Atmos', count: 3 },
          { path: 'Bass', count: 3 },
          { path: 'Drums', count: 13 },
          { path: 'Drums/Hats & Perc', count: 4 },
          { path: 'Drums/Kicks', count: 5 },
          { path: 'Drums/Snares', count: 4 },
          { path: 'Loops', count: 6 },
          { path: 'Vocal-ish FX', count: 3 },
        ],
      },
    ]);
    expect(valueOf<{ total: number }>(await dispatcher.call('library.search', { pack: 'sample-pack', folder: 'Drums/Kicks' })).total).toBe(5);
  });

  it('reports paths it could not import and keeps going', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'pack'));
    writeFileSync(path.join(dir, 'pack', 'one.wav'), encodeWav({ sampleRate: 48_000, channels: [new Float32Array(480).fill(0.1)] }, { bitDepth: 16 }));
    writeFileSync(path.join(dir, 'pack', 'two.wav'), 'not audio');
    writeFileSync(path.join(dir, 'readme.txt'), 'x');
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    await dispatcher.grant({ path: dir, scope: 'tree' });
    const summary = valueOf<{ indexed: number; failed: { path: string; reason: string }[] }>(
      await dispatcher.call('library.import', { paths: [path.join(dir, 'missing'), path.join(dir, 'readme.txt'), path.join(dir, 'pack')] }),
    );
    expect(summary.indexed).toBe(1);
    expect(summary.failed.map((f) => f.path).sort()).toEqual([path.join(dir, 'missing'), path.join(dir, 'pack', 'two.wav'), path.join(dir, 'readme.txt')].sort());
    expect(summary.failed.every((f) => f.reason.length > 10)).toBe(true);
  });

  it('cancels an import at its next step and keeps what it finished', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:' });
    const off = dispatcher.onEvent((name, payload) => {
      if (name === 'job.progress' && (payload as JobProgress).done === 3) void dispatcher.call('job.cancel', { jobId: (payload as JobProgress).jobId });
    });
    const summary = valueOf<{ indexed: number; cancelled: boolean }>(await dispatcher.call('library.import', { paths: [samplePack] }));
    off();
    expect(summary.cancelled).toBe(true);
    expect(summary.indexed).toBeGreaterThanOrEqual(3);
    expect(summary.indexed).toBeLessThan(10);
    const kept = valueOf<{ total: number }>(await dispatcher.call('library.search', {}));
    expect(kept.total).toBe(summary.indexed);
    expect(valueOf(await dispatcher.call('job.cancel', { jobId: 'no-such-job' }))).toEqual({ cancelled: false });
  });
});
