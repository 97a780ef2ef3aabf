import { createLameEncoder, FRAME_SAMPLES } from '@glowroom/lame-wasm';
import { createSplitLameEncoder, splitSeam } from '@glowroom/lame-wasm/split';
import { describe, expect, it } from 'vitest';
import { decodeMp3 } from '../../../src/codecs/mp3';

const RATE_HZ = 48_000;
const FRAMES = 12 * RATE_HZ;
const SETTINGS = { channels: 2, sampleRate: RATE_HZ, kbps: 320 } as const;
/** Bytes of one 320 kbit/s frame at 48 kHz (no padding bit at this rate). */
const FRAME_BYTES = 960;
/** The decoder's output of MP3 frame k starts at sample k × 1152 (no LAME tag: nothing is trimmed). */
const LAG = (frame: number) => frame * FRAME_SAMPLES;

/** A sine sweep 50 Hz → 16 kHz at −6 dBFS, the same in both channels. */
function sweep(): Float32Array[] {
  const plane = new Float32Array(FRAMES);
  let phase = 0;
  for (let i = 0; i < FRAMES; i++) {
    phase += (2 * Math.PI * 50 * (16_000 / 50) ** (i / FRAMES)) / RATE_HZ;
    plane[i] = 0.5 * Math.sin(phase);
  }
  return [plane, plane.slice()];
}

/** Seeded uniform noise, a different sequence per channel. */
function noise(): Float32Array[] {
  let state = 1;
  const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32 - 0.5;
  return [0, 1].map(() => Float32Array.from({ length: FRAMES }, next));
}

function oneEncode(planes: readonly Float32Array[]): Uint8Array {
  const encoder = createLameEncoder(SETTINGS);
  const frames = planes[0]?.length ?? 0;
  return Buffer.concat([encoder.encode(planes, frames).slice(), encoder.flush().slice()]);
}

/** The split encode of `planes`, announced as `announced` frames, handed `chunk` frames at a time. */
async function splitEncode(planes: readonly Float32Array[], chunk: number, announced: number | null = FRAMES): Promise<Uint8Array> {
  const encoder = createSplitLameEncoder({ ...SETTINGS, frames: announced });
  const parts: Uint8Array[] = [];
  const frames = planes[0]?.length ?? 0;
  for (let start = 0; start < frames; start += chunk) {
    const end = Math.min(frames, start + chunk);
    parts.push(encoder.encode(planes.map((plane) => plane.subarray(start, end)), end - start).slice());
  }
  parts.push(...(await encoder.finish()));
  encoder.close();
  return Buffer.concat(parts);
}

/** Energy ratio in dB of `a − b` (both read `shift` samples on) to `reference`, over samples [from, to) of every channel. */
function ratioDb(reference: readonly Float32Array[], a: readonly Float32Array[], b: readonly Float32Array[], from: number, to: number, shift = 0): number {
  let signal = 0;
  let error = 0;
  for (let c = 0; c < reference.length; c++) {
    for (let i = from; i < to; i++) {
      const s = (reference[c] as Float32Array)[i] as number;
      const d = ((a[c] as Float32Array)[i + shift] as number) - ((b[c] as Float32Array)[i + shift] as number);
      signal += s * s;
      error += d * d;
    }
  }
  return 10 * Math.log10(error / signal);
}

/** Where the decoded planes first and last differ, or null when they are the same. */
function differing(a: readonly Float32Array[], b: readonly Float32Array[]): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let c = 0; c < a.length; c++) {
    const x = a[c] as Float32Array;
    const y = b[c] as Float32Array;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === y[i]) continue;
      if (first < 0 || i < first) first = i;
      last = Math.max(last, i);
    }
  }
  return first < 0 ? null : { first, last };
}

describe('@glowroom/lame-wasm/split: one MP3 encoded in two pieces on two threads', () => {
  const seam = splitSeam(FRAMES, RATE_HZ) as number;

  it('splits songs of 10 s or more, at the MP3 frame nearest their middle', () => {
    expect(splitSeam(10 * RATE_HZ - 1, RATE_HZ)).toBeNull();
    expect(seam).toBe(Math.ceil(FRAMES / 2 / FRAME_SAMPLES));
  });

  it('writes the same bytes whatever the chunk sizes, as many frames as one encode, the first kept frame reading no dropped byte', async () => {
    const planes = noise();
    const whole = await splitEncode(planes, FRAMES);
    for (const chunk of [65_536, 10_000, 1_000]) expect(Buffer.compare(await splitEncode(planes, chunk), whole)).toBe(0);
    const one = oneEncode(planes);
    expect(whole.length).toBe(one.length);
    // Frame `seam` is piece two's first: its 9-bit main_data_begin (after the 4-byte header) is 0.
    const at = seam * FRAME_BYTES;
    expect([whole[at], (whole[at + 1] as number) & 0xe0]).toEqual([0xff, 0xe0]);
    expect(((whole[at + 4] as number) << 1) | ((whole[at + 5] as number) >> 7)).toBe(0);
    // Piece one's frames are the one encode's, but for its last two, which no longer lend bytes to frame `seam` (main data reaches back at most 511 bytes).
    const same = at - 2 * FRAME_BYTES;
    expect(Buffer.compare(whole.subarray(0, same), one.subarray(0, same))).toBe(0);
  });

  it('is one piece when the length is not known, and splits where the announced length puts the seam when more comes', async () => {
    const planes = noise();
    expect(Buffer.compare(await splitEncode(planes, 65_536, null), oneEncode(planes))).toBe(0);
    // Two more seconds than announced: the same frame count as one encode of all of it, the seam where it was.
    const longer = planes.map((plane) => Float32Array.from({ length: FRAMES + 2 * RATE_HZ }, (_, i) => plane[i % FRAMES] as number));
    const bytes = await splitEncode(longer, 10_000);
    expect(bytes.length).toBe(oneEncode(longer).length);
    const at = seam * FRAME_BYTES;
    expect(((bytes[at + 4] as number) << 1) | ((bytes[at + 5] as number) >> 7)).toBe(0);
    expect(Buffer.compare(await splitEncode(longer, 65_536), bytes)).toBe(0);
  });

  it('decodes sample-aligned with one encode, differing only after the seam and under the codec noise', async () => {
    for (const [name, planes, maxDb] of [
      ['sweep', sweep(), -60],
      ['noise', noise(), -6],
    ] as const) {
      const one = (await decodeMp3(oneEncode(planes), 'one.mp3')).channels;
      const two = (await decodeMp3(await splitEncode(planes, 65_536), 'two.mp3')).channels;
      expect(two[0]?.length, name).toBe(one[0]?.length);
      const changed = differing(one, two);
      if (changed === null) continue;
      // Nothing before the seam changes; the two encodes agree again within 100 frames of it.
      expect(changed.first, name).toBeGreaterThanOrEqual(LAG(seam));
      expect(changed.last, name).toBeLessThan(LAG(seam + 100));
      // The change, against the codec's own error (decoded one encode vs the source; the decode lags by 1,105 samples).
      const from = LAG(seam) - 1_105;
      const to = LAG(seam + 100) - 1_105;
      const codecDb = ratioDb(planes, planes.map((plane, c) => one[c]?.subarray(1_105) ?? plane), planes, from, to);
      const splitDb = ratioDb(planes, one, two, from, to, 1_105);
      expect(splitDb - codecDb, `${name}: split ${splitDb.toFixed(1)} dB vs codec ${codecDb.toFixed(1)} dB`).toBeLessThan(maxDb);
    }
  });
});
