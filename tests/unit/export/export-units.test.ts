import { describe, expect, it } from 'vitest';
import { coverFromBytes, shortKey } from '../../../src/codecs/audio-tags';
import { flacTagBlocks, readVorbisComment } from '../../../src/codecs/flac-metadata';
import { encodeId3v24, readId3v2 } from '../../../src/codecs/id3';
import { listRiffChunks, readListInfo, wavMetadataChunks } from '../../../src/codecs/wav-metadata';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { decodeWav } from '../../../src/codecs/wav';
import { safeFileName, stemFileNames } from '../../../electron/services/export/file-names';
import { platformVerdicts } from '../../../electron/services/export/loudness-targets';

describe('ID3v2.4', () => {
  it('round-trips text frames, the comment and a cover; sizes are synchsafe', () => {
    const cover = new Uint8Array(300).fill(7);
    cover.set([0xff, 0xd8, 0xff]);
    const tag = encodeId3v24({ title: 'Ünïcode ☀', artist: 'A', bpm: 127.6, key: 'C sharp minor', comment: 'c', cover: { bytes: cover, mime: 'image/jpeg' } });
    expect([...tag.subarray(0, 5)]).toEqual([0x49, 0x44, 0x33, 4, 0]);
    expect(tag.subarray(6, 10).every((b) => b < 0x80)).toBe(true);
    const frames = readId3v2(tag);
    expect(frames.map((f) => f.id)).toEqual(['TIT2', 'TPE1', 'TBPM', 'TKEY', 'COMM', 'APIC']);
    expect(frames[0]?.text).toBe('Ünïcode ☀');
    expect(frames[2]?.text).toBe('128');
    expect(frames[3]?.text).toBe('C#m');
    expect(frames[5]?.data.length).toBe(1 + 'image/jpeg'.length + 1 + 1 + 1 + 300);
  });

  it('writes nothing for no tags', () => {
    expect(encodeId3v24({}).length).toBe(0);
  });
});

describe('tags', () => {
  it('shortens keys the way TKEY and INITIALKEY want', () => {
    expect(['A minor', 'F# major', 'Bb min', 'e', 'Eb', 'weird key'].map(shortKey)).toEqual(['Am', 'F#', 'Bbm', 'E', 'Eb', 'wei']);
  });

  it('refuses a cover that is not an image', () => {
    expect(() => coverFromBytes(new TextEncoder().encode('hello'), 'x.png')).toThrow(/not a PNG or JPEG/);
  });

  it('WAV: LIST/INFO and id3 chunks sit before data and the file still decodes', () => {
    const bytes = encodeWav({ sampleRate: 48_000, channels: [Float32Array.of(0.5, -0.5, 0.25)] }, { bitDepth: 24, chunks: wavMetadataChunks({ title: 'odd', artist: 'ab' }) });
    const chunks = listRiffChunks(bytes);
    expect(chunks.map((c) => c.id)).toEqual(['fmt ', 'LIST', 'id3 ', 'data']);
    expect(readListInfo(chunks[1]?.data ?? new Uint8Array())).toEqual({ INAM: 'odd', IART: 'ab', ISFT: 'Glowroom' });
    expect(Array.from(decodeWav(bytes).channels[0] ?? [])).toEqual([0.5, -0.5, 0.25]);
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(bytes.length - 8);
  });

  it('FLAC: a Vorbis comment with the vendor and fields', () => {
    const [comment] = flacTagBlocks({ title: 'T', year: '2025', bpm: 90.25 }, 'Glowroom');
    expect(readVorbisComment(comment?.data ?? new Uint8Array())).toEqual({ vendor: 'Glowroom', fields: [['TITLE', 'T'], ['DATE', '2025'], ['BPM', '90.25']] });
  });
});

describe('stem file names', () => {
  it('are safe on every file system and unique', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j', 'x')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeFileName('CON', 'x')).toBe('CON_');
    expect(safeFileName(' ... ', 'Track 1')).toBe('Track 1');
    expect(stemFileNames('Song.', ['Drums', 'drums', ''], 'wav')).toEqual(['Song - Drums.wav', 'Song - drums (2).wav', 'Song - Track 3.wav']);
  });
});

describe('platform verdicts', () => {
  it('turn loud files down, quiet ones up only where the platform does and peaks allow', () => {
    const loud = Object.fromEntries(platformVerdicts(-11.9, -0.3).map((v) => [v.platform, v]));
    expect(loud.Spotify?.sentence).toBe('Spotify will turn this down by 2.1 dB (to -14 LUFS).');
    expect(loud['Apple Music']?.gainDb).toBe(-4.1);
    expect(loud.SoundCloud?.sentence).toMatch(/does not normalise/);
    const quiet = Object.fromEntries(platformVerdicts(-18, -4).map((v) => [v.platform, v]));
    expect(quiet.Spotify?.sentence).toBe('Spotify will turn this up by only 3.0 dB of 4.0 dB, to keep peaks under -1 dBTP.');
    expect(quiet.YouTube?.gainDb).toBe(0);
    expect(quiet.YouTube?.sentence).toMatch(/will not turn this up/);
    expect(platformVerdicts(-Infinity, -Infinity)[0]?.sentence).toMatch(/silent/);
  });
});
