import { describe, expect, it } from 'vitest';
import { measureClipLoudness } from '../../../renderer/ui/editor/clip-loudness';

const rate = 48_000;
/** A 1 kHz sine of `amplitude` for `seconds`, as two identical planes. */
function sine(seconds: number, amplitude: number): Float32Array[] {
  const plane = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < plane.length; i++) plane[i] = amplitude * Math.sin((2 * Math.PI * 1000 * i) / rate);
  return [plane, plane.slice()];
}

describe('clip loudness for normalizing', () => {
  it('measures only the clip range: a loud first second does not count for the second one', async () => {
    const [left, right] = sine(4, 0.5);
    if (!left || !right) throw new Error('no planes');
    for (const plane of [left, right]) for (let i = 2 * rate; i < plane.length; i++) plane[i] = (plane[i] ?? 0) / 10;
    const loud = await measureClipLoudness([left, right], rate, { start: 0, end: 2 });
    const quiet = await measureClipLoudness([left, right], rate, { start: 2, end: 4 });
    // A stereo 1 kHz sine of amplitude A: −3.01 dB mean square per channel, +3.01 for two channels,
    // −0.691 offset and about +0.69 dB of K-weighting at 1 kHz: 20·log10(A) LUFS.
    expect(loud?.basis).toBe('integrated');
    expect(loud?.lufs).toBeCloseTo(20 * Math.log10(0.5), 1);
    expect((loud?.lufs ?? 0) - (quiet?.lufs ?? 0)).toBeCloseTo(20, 1);
  });

  it('goes by the momentary maximum for a sound too short to gate, and reports silence as null', async () => {
    const short = await measureClipLoudness(sine(0.2, 0.5), rate, { start: 0, end: 0.2 });
    expect(short?.basis).toBe('momentary max');
    expect(Number.isFinite(short?.lufs)).toBe(true);
    expect(await measureClipLoudness([new Float32Array(rate)], rate, { start: 0, end: 1 })).toBeNull();
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(measureClipLoudness(sine(1, 0.5), rate, { start: 0, end: 1 }, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
