import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { readMidiFile } from '../../../src/codecs/midi';
import type { MidiReadResult } from '../../../src/protocol/midi';
import { tempDir } from '../../support/temp-dir';

const fixture = fileURLToPath(new URL('../../fixtures/midi/mido-type1.mid', import.meta.url));

async function setUp() {
  const home = tempDir();
  const work = tempDir();
  const dispatcher = new Dispatcher('web', { home, libraryPath: ':memory:' });
  await dispatcher.grant({ path: work, scope: 'tree' });
  return { dispatcher, work };
}

describe('MIDI files through the ipc contract', () => {
  it('reads a granted file, writes it back, and the copy holds the same notes', async () => {
    const { dispatcher, work } = await setUp();
    const song = path.join(work, 'song.mid');
    copyFileSync(fixture, song);
    const read = await dispatcher.call('midi.read', { path: song });
    expect(read.ok).toBe(true);
    const { name, file } = (read as { value: MidiReadResult }).value;
    expect(name).toBe('song.mid');
    expect(file.tracks.map((t) => t.name)).toEqual(['Tempo', 'Bass', 'Drums']);
    expect(file.tracks[1]!.notes[0]).toEqual([0, 36, 100, 0, 480]);

    const copy = path.join(work, 'copy.mid');
    expect(await dispatcher.call('midi.write', { path: copy, song: file })).toEqual({ ok: true, value: { path: copy } });
    const written = readMidiFile(new Uint8Array(readFileSync(copy)));
    const original = readMidiFile(new Uint8Array(readFileSync(fixture)));
    expect(written.tracks.filter((t) => t.notes.length)).toEqual(original.tracks.filter((t) => t.notes.length));
  });

  it('refuses a truncated file with the reason, a missing one, and a path never given', async () => {
    const { dispatcher, work } = await setUp();
    const cut = path.join(work, 'cut.mid');
    writeFileSync(cut, readFileSync(fixture).subarray(0, 100));
    expect(await dispatcher.call('midi.read', { path: cut })).toEqual({
      ok: false,
      error: { code: 'bad-format', message: 'cut.mid is damaged: track 2 is cut short (the file is truncated). Nothing was imported; export it again from the program that made it.' },
    });
    const gone = await dispatcher.call('midi.read', { path: path.join(work, 'gone.mid') });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const elsewhere = await dispatcher.call('midi.read', { path: fixture });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});
