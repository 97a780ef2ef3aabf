import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReusedDecoder, withDecoder, type WasmDecoder } from '../../../src/codecs/compressed';
import { decodeAudio } from '../../../src/codecs/decode';
import { fixOggChecksums, layoutOf } from '../../fuzz/decode/layout';
import { packFile } from '../../support/paths';

// Ogg Vorbis keeps one idle decoder per thread between files (src/codecs/compressed.ts).
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(packFile(file)));
const loop = read('Loops/industrial_loop.ogg');
const hat = read('Drums/Hats & Perc/hat_open.ogg');

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
    freed = false;
    readonly ready = Promise.resolve();
    constructor() {
      Counted.made++;
    }
    free(): void {
      this.freed = true;
    }
  }

  it('keeps the decoder of a clean file, frees one whose file failed, and never hands one decoder to two callers', async () => {
    const reused = new ReusedDecoder(() => new Counted());
    const seen: Counted[] = [];
    await withDecoder(reused, 'Test', 'a', (decoder) => void seen.push(decoder));
    await withDecoder(reused, 'Test', 'b', (decoder) => void seen.push(decoder));
    expect(Counted.made).toBe(1);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]?.freed).toBe(false);

    await expect(withDecoder(reused, 'Test', 'c.bin', () => { throw new Error('bad data'); })).rejects.toThrow('damaged Test file: c.bin');
    expect(seen[0]?.freed).toBe(true);
    await withDecoder(reused, 'Test', 'd', (decoder) => void seen.push(decoder));
    expect(seen[2]).not.toBe(seen[0]);

    // Two at once: the second caller gets its own; on return one stays idle and the other is freed.
    let release = () => {};
    const held = withDecoder(reused, 'Test', 'e', (decoder) => { seen.push(decoder); return new Promise<void>((resolve) => (release = resolve)); });
    await withDecoder(reused, 'Test', 'f', (decoder) => void seen.push(decoder));
    release();
    await held;
    expect(seen[3]).not.toBe(seen[4]);
    expect([seen[3]?.freed, seen[4]?.freed].filter(Boolean)).toHaveLength(1);
  });
});
