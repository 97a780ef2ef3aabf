/**
 * Files are decoded by what they hold, not by their name, on every path that reads audio: the
 * library import (with a note in its summary), the audio service the app plays from, and the
 * offline render's sources. Every file is made here, in code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { AudioService } from '../../../electron/services/audio-service';
import { encodeAudio } from '../../../electron/services/export/encoders';
import { openLibraryDatabase } from '../../../electron/services/library/database';
import { importFolders, type ImportResult } from '../../../electron/services/library/import';
import { searchSamples } from '../../../electron/services/library/search';
import { openRenderSource } from '../../../electron/services/render/render-sources';
import { SpillFolder } from '../../../electron/services/render/spilled-source';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { encodeAiff16 } from '../../support/aiff-bytes';
import { tempDir } from '../../support/temp-dir';

const rate = 44_100;
/** 0.5 s of a 330 Hz tone at half scale: exactly representable after 16-bit rounding checks. */
const tone = Float32Array.from({ length: rate / 2 }, (_, n) => 0.5 * Math.sin((2 * Math.PI * 330 * n) / rate));

describe('files decoded by what they hold', () => {
  let pack: string;
  let result: ImportResult;
  let db: ReturnType<typeof openLibraryDatabase>;

  beforeAll(async () => {
    pack = path.join(tempDir(), 'Misnamed Pack');
    mkdirSync(pack);
    writeFileSync(path.join(pack, 'wav_inside.ogg'), encodeWav({ sampleRate: rate, channels: [tone] }, { bitDepth: 16 }));
    writeFileSync(path.join(pack, 'aiff_inside.wav'), encodeAiff16([tone, tone], rate));
    writeFileSync(path.join(pack, 'mp3_inside.wav'), await encodeAudio([tone], rate, { kind: 'mp3', mode: { cbrKbps: 128 } }, undefined));
    writeFileSync(path.join(pack, 'notes_not_audio.flac'), 'These are the liner notes of the pack, not audio.\n'.repeat(20));
    writeFileSync(path.join(pack, 'honest.wav'), encodeWav({ sampleRate: rate, channels: [tone] }, { bitDepth: 24 }));
    db = openLibraryDatabase(':memory:');
    result = await importFolders(db, [pack], { workers: 1 });
    return () => db.close();
  }, 60_000);

  const row = (name: string) => searchSamples(db, { includeMissing: true, limit: 50 }).rows.find((r) => r.name === name);

  it('imports WAV named .ogg, AIFF named .wav and MP3 named .wav as what they hold, each with a note', () => {
    expect(result).toMatchObject({ found: 5, indexed: 4, cancelled: false });
    expect(row('wav_inside.ogg')).toMatchObject({ format: 'wav', channels: 1, bitDepth: 16 });
    expect(row('aiff_inside.wav')).toMatchObject({ format: 'aiff', channels: 2, bitDepth: 16 });
    expect(row('mp3_inside.wav')).toMatchObject({ format: 'mp3', channels: 1 });
    expect(row('wav_inside.ogg')?.duration).toBeCloseTo(0.5, 6);
    expect(row('aiff_inside.wav')?.duration).toBeCloseTo(0.5, 6);
    const notes = Object.fromEntries(result.notes.map((n) => [path.basename(n.path), n.note]));
    expect(notes).toEqual({
      'wav_inside.ogg': expect.stringContaining('holds WAV audio although it is named .ogg; it was opened as WAV'),
      'aiff_inside.wav': expect.stringContaining('holds AIFF audio although it is named .wav; it was opened as AIFF'),
      'mp3_inside.wav': expect.stringContaining('holds MP3 audio although it is named .wav; it was opened as MP3'),
    });
  });

  it('refuses a file that holds no audio, with a reason', () => {
    expect(result.failed).toEqual([{ path: path.join(pack, 'notes_not_audio.flac'), reason: expect.stringMatching(/not an audio file: notes_not_audio\.flac \(expected WAV, AIFF, FLAC, MP3 or Ogg Vorbis data\)/) }]);
    expect(row('notes_not_audio.flac')).toBeUndefined();
  });

  it('plays them: the audio service decodes each by content and passes the note on', async () => {
    const audio = new AudioService(tempDir());
    const wav = await audio.load(path.join(pack, 'wav_inside.ogg'));
    expect(wav).toMatchObject({ format: 'wav', sampleRate: rate, notes: [expect.stringContaining('named .ogg')] });
    expect(wav.channels[0]?.[1000]).toBeCloseTo(tone[1000] ?? NaN, 4);
    const aiff = await audio.load(path.join(pack, 'aiff_inside.wav'));
    expect(aiff).toMatchObject({ format: 'aiff', notes: [expect.stringContaining('named .wav')] });
    expect(aiff.channels).toHaveLength(2);
    await expect(audio.load(path.join(pack, 'notes_not_audio.flac'))).rejects.toThrow(/not an audio file: notes_not_audio\.flac/);
  });

  it('renders them: the offline render reads each source by content', async () => {
    const audio = new AudioService(tempDir());
    const spills = new SpillFolder();
    onTestFinished(() => spills.dispose());
    for (const name of ['wav_inside.ogg', 'aiff_inside.wav', 'mp3_inside.wav']) {
      const { sample: source } = await openRenderSource(path.join(pack, name), audio, spills);
      expect(source.sampleRate).toBe(rate);
      const window = source.read(0, source.frames);
      const plane = window.planes[0] ?? new Float32Array(0);
      const at = 5_000 - window.start;
      if (name.startsWith('mp3')) {
        // Lossy: the tone's level (RMS 0.5 / √2), not its samples.
        const middle = plane.subarray(2_000 - window.start, 20_000 - window.start);
        expect(Math.sqrt(middle.reduce((sum, x) => sum + x * x, 0) / middle.length)).toBeCloseTo(0.5 / Math.SQRT2, 1);
      } else expect(plane[at]).toBeCloseTo(tone[5_000] ?? NaN, 4);
    }
    await expect(openRenderSource(path.join(pack, 'notes_not_audio.flac'), audio, spills)).rejects.toThrow(/not an audio file/);
  });
});
