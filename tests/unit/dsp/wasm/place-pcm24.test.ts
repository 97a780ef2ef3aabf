import { describe, expect, it } from 'vitest';
import { placeGains } from '../../../../src/dsp/wasm/place-gains';
import { Pcm24Placer } from '../../../../src/dsp/wasm/place-pcm24';

const BLOCK = 128;

/** Seeded bytes, with the extreme 24-bit samples and zero planted among them. */
function sourceBytes(frames: number, seed: number): Uint8Array {
  let state = seed >>> 0;
  const bytes = Uint8Array.from({ length: frames * 6 }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state >>> 24;
  });
  const view = new DataView(bytes.buffer);
  [0x7f_ffff, -0x80_0000, 0, 1, -1].forEach((value, k) => {
    const at = ((k * 7919 + seed) % (frames * 2)) * 3;
    view.setUint16(at, value & 0xffff, true);
    view.setInt8(at + 2, value >> 16);
  });
  return bytes;
}

/**
 * The TypeScript path, operation for operation: ClipVoice.mixRuns adding into a cleared stereo sum
 * (pan gains 1), then ChannelStrip.placeFaderAndMeter with a silent mono sum.
 */
function reference(bytes: Uint8Array, from: number, frames: number, at: number, g: Float64Array, strip: Float32Array[], out: Float32Array[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const sums = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  for (let c = 0; c < 2; c++) {
    const sum = sums[c] as Float32Array;
    for (let k = 0; k < frames; k++) {
      const p = (from + k) * 6 + c * 3;
      const sample = Math.fround((view.getUint16(p, true) + view.getInt8(p + 2) * 65536) * 2 ** -23);
      sum[at + k] = (sum[at + k] as number) + sample * (g[placeGains.clip] as number) * 1;
    }
    const side = g[c === 0 ? placeGains.sideLeft : placeGains.sideRight] as number;
    for (let i = at; i < at + frames; i++) {
      const gain = (g[placeGains.from] as number) + (g[placeGains.step] as number) * (i + 1);
      const l = Math.fround(Math.fround((sum[i] as number) * side + 0) * gain);
      (strip[c] as Float32Array)[i] = l;
      (out[c] as Float32Array)[i] = ((out[c] as Float32Array)[i] as number) + l * (g[placeGains.out] as number);
    }
  }
}

describe('Pcm24Placer (WebAssembly)', () => {
  it('writes the strip and adds into the target as the TypeScript clip read and fader pass do, bit for bit, for any run, gains and target', () => {
    const frames = 5000;
    const bytes = sourceBytes(frames, 17);
    const placer = new Pcm24Placer(bytes.length, BLOCK);
    placer.bytes.set(bytes);
    // Clip gain, pan sides, fader start and step, output gain: plain, odd doubles, still and gliding, muted, feeding nothing.
    const gainSets = [
      [1, 1, 0.35, 1, 0, 1],
      [0.7079457843841379, 0.30000000000000004, 1, 0.8912509381337456, 0.0001234, 1],
      [1.9952623149688795, 1, 1, 1, -1 / 128, 1],
      [0.5, 0, 2, 0, 0, 1],
      [1, 0.65, 1, 1.1, 0, 0],
    ];
    let checked = 0;
    for (const gains of gainSets) {
      for (const [from, count, at] of [[0, 128, 0], [3, 128, 0], [101, 77, 51], [4000, 1, 0], [250, 1, 127], [999, 64, 13], [frames - 128, 128, 0]] as const) {
        placer.gains.set(gains);
        const target = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
        target.forEach((plane, c) => plane.forEach((_, i) => (plane[i] = i % 5 === 0 ? -0 : Math.fround(Math.sin(i + c) * 0.3))));
        const want = target.map((plane) => plane.slice());
        const got = target.map((plane) => plane.slice());
        const stripWant = [new Float32Array(BLOCK).fill(9), new Float32Array(BLOCK).fill(9)];
        const stripGot = stripWant.map((plane) => plane.slice());
        reference(bytes, from, count, at, placer.gains, stripWant, want);
        placer.place(from * 6, count, at, stripGot[0] as Float32Array, stripGot[1] as Float32Array, got[0] as Float32Array, got[1] as Float32Array);
        for (const c of [0, 1]) {
          for (let i = 0; i < BLOCK; i++) {
            if (!Object.is(got[c]?.[i], want[c]?.[i]) || !Object.is(stripGot[c]?.[i], stripWant[c]?.[i])) {
              expect.fail(`gains ${gains.join(', ')}, run ${from}+${count} at ${at}, channel ${c}, frame ${i}: out ${got[c]?.[i]} vs ${want[c]?.[i]}, strip ${stripGot[c]?.[i]} vs ${stripWant[c]?.[i]}`);
            }
          }
        }
        checked++;
      }
    }
    expect(checked).toBe(35);
  });

  it('refuses a run that reaches past the block', () => {
    const placer = new Pcm24Placer(6 * 256, BLOCK);
    const plane = () => new Float32Array(BLOCK);
    expect(() => placer.place(0, 100, 50, plane(), plane(), plane(), plane())).toThrow(RangeError);
  });
});
