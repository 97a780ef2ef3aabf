import { decodeWav } from '../../src/codecs/wav';
import { encodeWav, type WavEncodeOptions } from '../../src/codecs/wav-writer';
import type { BenchResult } from './bench-result';

const SAMPLE_RATE = 48_000;
const DURATION_S = 60;
const WARM_UPS = 2;
const RUNS = 7;

const formats: readonly { label: string; options: WavEncodeOptions }[] = [
  { label: '16-bit', options: { bitDepth: 16 } },
  { label: '24-bit', options: { bitDepth: 24 } },
  { label: '32-bit float', options: { bitDepth: 32, float: true } },
];

/** Decode speed of 60 s of 48 kHz stereo per sample format, as median multiples of realtime. */
export async function benchDecodeWav(): Promise<BenchResult[]> {
  const audio = { sampleRate: SAMPLE_RATE, channels: [signal(0, 1), signal(1, 2)] };
  return formats.map(({ label, options }) => {
    const file = encodeWav(audio, options);
    for (let i = 0; i < WARM_UPS; i++) decodeWav(file);
    const speeds = Array.from({ length: RUNS }, () => {
      const start = performance.now();
      decodeWav(file);
      return DURATION_S / ((performance.now() - start) / 1000);
    });
    return {
      name: `decode WAV ${label}`,
      value: median(speeds),
      unit: 'x realtime',
      better: 'higher',
      note: `${DURATION_S} s, ${SAMPLE_RATE} Hz stereo; median of ${RUNS} runs after ${WARM_UPS} warm-ups`,
    };
  });
}

/** A sine plus seeded white noise: deterministic, and busy in every bit. */
function signal(channel: number, seed: number): Float32Array {
  const out = new Float32Array(SAMPLE_RATE * DURATION_S);
  const step = (2 * Math.PI * (220 + 110 * channel)) / SAMPLE_RATE;
  let state = seed;
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = 0.5 * Math.sin(i * step) + 0.4 * (state / 2 ** 32 - 0.5);
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
