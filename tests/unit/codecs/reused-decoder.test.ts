import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReusedDecoder, withDecoder, type WasmDecoder } from '../../../src/codecs/compressed';
import { crc } from '../../../src/codecs/crc';
import { decodeAudio } from '../../../src/codecs/decode';
import { fixOggChecksums, layoutOf } from '../../fuzz/decode/layout';
import { packFile } from '../../support/paths';

// FLAC, MP3 and Ogg Vorbis each keep one idle decoder per thread between files, renewed inside
// its WASM instance after each file (src/codecs/compressed.ts). This file's module state is its
// own, so the first decode of each format below runs on a fresh decoder.
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(packFile(file)));
const loop = read('Loops/industrial_loop.ogg');
const hat = read('Drums/Hats & Perc/hat_open.ogg');
const flacs = { breakbeat: read('Loops/loop_breakbeat.flac'), mika: read('Loops/loop_mika.flac'), bell: read('Drums/Hats & Perc/perc_bell.flac'), bass: read('Bass/bass_hard_C.flac') };
const mp3s = { compus: read('Loops/compus_loop.mp3'), tek: read('Drums/Kicks/bd_tek.mp3'), bass: read('Bass/bass_dnb_F.mp3') };

/** A digest of the samples, bit for bit (comparing whole planes element by element is slow). */
function pcmDigest(channels: readonly Float32Array[]): string {
  const hash = createHash('sha256');
  for (const plane of channels) hash.update(new Uint8Array(plane.buffer, plane.byteOffset, plane.byteLength));
  return `${channels.length}×${channels[0]?.length ?? 0} ${hash.digest('hex')}`;
}

/** Noise over the bodies of frames 3–9 (their headers kept); FLAC frames get their CRC-16 made right again, so they reach the decoder. */
function garbledFrames(container: 'flac' | 'mp3', source: Uint8Array): Uint8Array {
  const bytes = source.slice();
  let state = 11;
  for (const frame of layoutOf(container, bytes).regions.filter((region) => /^frame [3-9]$/.test(region.name))) {
    const end = container === 'flac' ? frame.end - 2 : frame.end;
    for (let i = frame.start + 16; i < end; i++) {
      state = (state * 1_664_525 + 1_013_904_223) >>> 0;
      bytes[i] = state >>> 24;
    }
    if (container === 'flac') {
      const sum = crc(16, bytes, frame.start, end);
      bytes[end] = sum >>> 8;
      bytes[end + 1] = sum & 0xff;
    }
  }
  return bytes;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reused FLAC and MP3 decoders', () => {
  it('decode every file as a fresh one would, also right after a file that failed inside the decoder', async () => {
    for (const [extension, files] of [['flac', flacs], ['mp3', mp3s]] as const) {
      const entries = Object.entries(files);
      const fresh = new Map<string, string>();
      for (const [name, bytes] of entries) fresh.set(name, pcmDigest((await decodeAudio(bytes, `${name}.${extension}`)).channels));
      const first = entries[0] as [string, Uint8Array];
      await expect(decodeAudio(garbledFrames(extension, first[1]), `garbled.${extension}`)).rejects.toThrow(new RegExp(`damaged ${extension === 'flac' ? 'FLAC' : 'MP3'} file: garbled`));
      for (const [name, bytes] of [...entries].reverse()) expect(pcmDigest((await decodeAudio(bytes, `${name}.${extension}`)).channels), `${name}.${extension}`).toBe(fresh.get(name));
    }
  });

  it('decode file after file in the WASM instance they have (Ogg Vorbis takes a new one every 8th file)', async () => {
    await decodeAudio(flacs.bell, 'bell.flac');
    await decodeAudio(mp3s.tek, 'tek.mp3');
    await decodeAudio(hat, 'hat.ogg');
    // Node's types declare WebAssembly as a namespace only; the global object is there all the same.
    const wasm = (globalThis as unknown as { WebAssembly: { instantiate: (...args: unknown[]) => Promise<unknown> } }).WebAssembly;
    const instantiate = vi.spyOn(wasm, 'instantiate');
    for (let i = 0; i < 8; i++) {
      await decodeAudio(flacs.bell, 'bell.flac');
      await decodeAudio(mp3s.tek, 'tek.mp3');
    }
    expect(instantiate).not.toHaveBeenCalled();
    for (let i = 0; i < 16; i++) await decodeAudio(hat, 'hat.ogg');
    // The spy sees the instances made: two in 16 files, where every file made one before.
    expect(instantiate).toHaveBeenCalledTimes(2);
  });

  it('decode files at the same time with separate decoders, and go on cleanly after', async () => {
    const alone = [pcmDigest((await decodeAudio(flacs.bass, 'bass.flac')).channels), pcmDigest((await decodeAudio(mp3s.bass, 'bass.mp3')).channels)];
    const together = await Promise.all([decodeAudio(flacs.bass, 'bass.flac'), decodeAudio(mp3s.bass, 'bass.mp3'), decodeAudio(flacs.bass, 'bass.flac'), decodeAudio(mp3s.bass, 'bass.mp3')]);
    expect(together.map((audio) => pcmDigest(audio.channels))).toEqual([alone[0], alone[1], alone[0], alone[1]]);
    expect(pcmDigest((await decodeAudio(flacs.bass, 'bass.flac')).channels)).toBe(alone[0]);
    expect(pcmDigest((await decodeAudio(mp3s.bass, 'bass.mp3')).channels)).toBe(alone[1]);
  });
});

/** The loop with the bodies of its audio pages overwritten by noise, checksums fixed so the pages still pass. */
function garbled(): Uint8Array {
  const bytes = loop.slice();
  let state = 7;
  for (const region of layoutOf('ogg', bytes).regions.filter((r) => /^page [3-9]$/.test(r.name))) {
    for (let i = region.start + 40; i < region.end; i++) {
      state = (state * 1_664_525 + 1_013_904_223) >>> 0;
      bytes[i] = state >>> 24;
    }
  }
  fixOggChecksums(bytes);
  return bytes;
}

describe('a reused Ogg Vorbis decoder', () => {
  it('decodes every file as a fresh one would, also right after a file it refused', async () => {
    const first = await decodeAudio(loop, 'loop.ogg');
    const firstHat = await decodeAudio(hat, 'hat.ogg');
    await expect(decodeAudio(garbled(), 'garbled.ogg')).rejects.toThrow(/garbled\.ogg/);
    const again = await decodeAudio(loop, 'loop.ogg');
    const hatAgain = await decodeAudio(hat, 'hat.ogg');
    expect(again.channels).toEqual(first.channels);
    expect(hatAgain.channels).toEqual(firstHat.channels);
  });

  it('decodes files at the same time with separate decoders', async () => {
    const alone = [await decodeAudio(loop, 'loop.ogg'), await decodeAudio(hat, 'hat.ogg')];
    const together = await Promise.all([decodeAudio(loop, 'loop.ogg'), decodeAudio(hat, 'hat.ogg'), decodeAudio(loop, 'loop.ogg')]);
    expect(together.map((audio) => audio.channels)).toEqual([alone[0]?.channels, alone[1]?.channels, alone[0]?.channels]);
  });
});

describe('ReusedDecoder', () => {
  class Counted implements WasmDecoder {
    static made = 0;
    readonly ready = Promise.resolve();
    constructor() {
      Counted.made++;
    }
  }

  it('keeps the decoder of a clean file, drops one whose file failed, and never hands one decoder to two callers', async () => {
    const reused = new ReusedDecoder(() => new Counted());
    const seen: Counted[] = [];
    await withDecoder(reused, 'Test', 'a', (decoder) => void seen.push(decoder));
    await withDecoder(reused, 'Test', 'b', (decoder) => void seen.push(decoder));
    expect(Counted.made).toBe(1);
    expect(seen[0]).toBe(seen[1]);

    await expect(withDecoder(reused, 'Test', 'c.bin', (decoder) => { seen.push(decoder); throw new Error('bad data'); })).rejects.toThrow('damaged Test file: c.bin');
    expect(seen[2]).toBe(seen[0]);
    await withDecoder(reused, 'Test', 'd', (decoder) => void seen.push(decoder));
    expect(seen[3]).not.toBe(seen[0]);
    expect(Counted.made).toBe(2);

    // Two at once: the second caller gets its own; on return one stays idle and the other is dropped.
    let release = () => {};
    const held = withDecoder(reused, 'Test', 'e', (decoder) => { seen.push(decoder); return new Promise<void>((resolve) => (release = resolve)); });
    await withDecoder(reused, 'Test', 'f', (decoder) => void seen.push(decoder));
    release();
    await held;
    expect(seen[4]).not.toBe(seen[5]);
    await withDecoder(reused, 'Test', 'g', (decoder) => void seen.push(decoder));
    expect([seen[4], seen[5]]).toContain(seen[6]);
    expect(Counted.made).toBe(3);
  });

  it('drops a decoder that cannot be renewed', async () => {
    const reused = new ReusedDecoder(() => new Counted(), () => Promise.reject(new Error('no')));
    const seen: Counted[] = [];
    await withDecoder(reused, 'Test', 'a', (decoder) => void seen.push(decoder));
    await withDecoder(reused, 'Test', 'b', (decoder) => void seen.push(decoder));
    expect(seen[0]).not.toBe(seen[1]);
  });
});
