import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { TRUE_PEAK_LIMITER_MARGIN_DB, TruePeakLimiter } from '../../../src/dsp/limiter/true-peak-limiter';
import { truePeakSine } from './ebu-signals';

const RATE = 48_000;
const CEILING = -1;
const report: string[] = [];

afterAll(() => {
  console.log(`True-peak limiter, +12 dB into ${CEILING} dBTP\n${report.join('\n')}`);
});

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function gained(planes: readonly Float32Array[], db: number): Float32Array[] {
  const g = Math.pow(10, db / 20);
  return planes.map((p) => p.map((v) => v * g));
}

/** Runs `planes` through a fresh limiter in `block`-frame blocks; returns input length + latency frames. */
function limit(planes: readonly Float32Array[], options: { block?: number; rate?: number; releaseMs?: number } = {}): { out: Float32Array[]; limiter: TruePeakLimiter } {
  const rate = options.rate ?? RATE;
  const limiter = new TruePeakLimiter(rate, planes.length, { ceilingDbtp: CEILING, ...(options.releaseMs === undefined ? {} : { releaseMs: options.releaseMs }) });
  const frames = (planes[0] as Float32Array).length;
  const out = planes.map(() => new Float32Array(frames + limiter.latencyFrames));
  const block = options.block ?? 512;
  for (let start = 0; start < frames; start += block) limiter.process(planes, Math.min(block, frames - start), out, start);
  expect(limiter.flush(out, frames)).toBe(limiter.latencyFrames);
  return { out, limiter };
}

const seconds = 3;
const frames = RATE * seconds;
const rnd = random(42);
const sweep = Float32Array.from({ length: frames }, (_, i) => {
  const t = i / RATE;
  // Linear sweep 20 Hz → 20 kHz at 0 dBFS.
  return Math.sin(2 * Math.PI * (20 * t + ((20_000 - 20) * t * t) / (2 * seconds)));
});
const bursts = (seed: number): Float32Array => {
  const r = random(seed);
  // 50 ms bursts of white noise at full scale every 200 ms over a −26 dB noise floor.
  return Float32Array.from({ length: frames }, (_, i) => (i % 9600 < 2400 ? 1 : 0.05) * (2 * r() - 1));
};
const drums = Float32Array.from({ length: frames }, (_, i) => {
  // A drum-loop-like impulse train: every 250 ms a decaying 60 Hz "kick" with a noisy 1 ms click.
  const k = i % 12_000;
  return k < 4000 ? 0.9 * Math.exp(-k / 600) * Math.sin((2 * Math.PI * 60 * k) / RATE) + (k < 48 ? 0.9 * (2 * rnd() - 1) : 0) : 0;
});
const [quarter45] = truePeakSine(RATE / 4, 45, 0, RATE, seconds, 5);
const [sixth60] = truePeakSine(RATE / 6, 60, 0, RATE, seconds, 5);

const loud: { name: string; planes: Float32Array[] }[] = [
  { name: 'sine sweep 20 Hz–20 kHz', planes: [sweep, sweep] },
  { name: 'noise bursts (stereo)', planes: [bursts(1), bursts(2)] },
  { name: 'fs/4 sine at 45°', planes: [quarter45 as Float32Array, quarter45 as Float32Array] },
  { name: 'fs/6 sine at 60°', planes: [sixth60 as Float32Array, sixth60 as Float32Array] },
  { name: 'drum-like impulse train', planes: [drums, drums.map((v) => -v)] },
  { name: 'full-band white noise', planes: [bursts(3).map(() => 2 * rnd() - 1), bursts(4).map(() => 2 * rnd() - 1)] },
];

describe('TruePeakLimiter', () => {
  for (const material of loud) {
    it(`holds ${material.name} driven +12 dB to ≤ ${CEILING} dBTP as the meter measures it`, () => {
      const input = gained(material.planes, 12);
      const { out, limiter } = limit(input);
      const before = measureLoudness(input, RATE);
      const after = measureLoudness(out, RATE);
      report.push(
        `${material.name.padEnd(26)} in ${before.truePeakDbtp.toFixed(2).padStart(6)} dBTP → out ${after.truePeakDbtp.toFixed(4)} dBTP, deepest gain ${limiter.maxGainReductionDb().toFixed(2)} dB`,
      );
      expect(after.truePeakDbtp).toBeLessThanOrEqual(CEILING);
      // And it does not over-limit: the loudest moment lands within 0.1 dB under the ceiling.
      expect(after.truePeakDbtp).toBeGreaterThan(CEILING - TRUE_PEAK_LIMITER_MARGIN_DB - 0.1);
    });
  }

  it('holds the ceiling at 44.1 and 96 kHz and with a 5 ms release too', () => {
    for (const rate of [44_100, 96_000]) {
      const r = random(rate);
      const noise = [0, 1].map(() => Float32Array.from({ length: rate * 2 }, (_, i) => (i % 997 < 30 ? 1 : 0.01) * (2 * r() - 1)));
      for (const releaseMs of [5, 50]) {
        const { out } = limit(gained(noise, 12), { rate, releaseMs });
        expect(measureLoudness(out, rate).truePeakDbtp, `${rate} Hz, release ${releaseMs} ms`).toBeLessThanOrEqual(CEILING);
      }
    }
  });

  it('passes quiet material bit for bit, delayed by exactly the lookahead', () => {
    const r = random(9);
    const quiet = [0, 1].map(() => Float32Array.from({ length: RATE }, () => 0.3 * (2 * r() - 1)));
    expect(measureLoudness(quiet, RATE).truePeakDbtp).toBeLessThan(CEILING - TRUE_PEAK_LIMITER_MARGIN_DB);
    const { out, limiter } = limit(quiet, { block: 333 });
    const latency = limiter.latencyFrames;
    expect(latency).toBe(Math.round(0.0015 * RATE));
    quiet.forEach((plane, c) => {
      const channel = out[c] as Float32Array;
      expect(channel.subarray(0, latency).every((v) => v === 0)).toBe(true);
      expect(channel.subarray(latency)).toEqual(plane);
    });
  });

  it('is back to bit-exact passthrough once the release has recovered after a loud passage', () => {
    const r = random(10);
    const plane = Float32Array.from({ length: RATE * 3 }, (_, i) => (i < RATE / 2 ? 3 : 0.3) * (2 * r() - 1));
    const { out, limiter } = limit([plane], { block: 128 });
    const tail = (out[0] as Float32Array).subarray(limiter.latencyFrames + 2 * RATE);
    expect(tail).toEqual(plane.subarray(2 * RATE));
  });

  it('has a latency equal to its lookahead: an impulse comes out latencyFrames later', () => {
    for (const [lookaheadMs, rate] of [
      [1.5, 48_000],
      [1.5, 44_100],
      [5, 96_000],
    ] as const) {
      const limiter = new TruePeakLimiter(rate, 1, { ceilingDbtp: CEILING, lookaheadMs });
      expect(limiter.latencyFrames).toBe(Math.round((lookaheadMs * rate) / 1000));
      const input = new Float32Array(1000);
      input[100] = 0.25;
      const output = new Float32Array(1000);
      limiter.process([input], 1000, [output]);
      expect(output.findIndex((v) => v !== 0)).toBe(100 + limiter.latencyFrames);
      expect(output[100 + limiter.latencyFrames]).toBe(0.25);
    }
  });

  it('puts the gain reduction in place before the peak: a lone over-the-ceiling click is limited on its own frame', () => {
    const input = new Float32Array(4000);
    input[2000] = 4;
    const { out, limiter } = limit([input]);
    const peakFrame = 2000 + limiter.latencyFrames;
    const y = out[0] as Float32Array;
    expect(Math.abs(y[peakFrame] as number)).toBeLessThan(Math.pow(10, CEILING / 20));
    expect(measureLoudness(out, RATE).truePeakDbtp).toBeLessThanOrEqual(CEILING);
  });

  it('gives the same output however the stream is split into blocks, in place or not', () => {
    const input = gained([bursts(5).subarray(0, RATE), bursts(6).subarray(0, RATE)], 12);
    const reference = limit(input, { block: 4096 }).out;
    for (const block of [1, 37, 128, 1000]) expect(limit(input, { block }).out).toEqual(reference);
    const inPlace = input.map((p) => Float32Array.from(p));
    const limiter = new TruePeakLimiter(RATE, 2, { ceilingDbtp: CEILING });
    for (let start = 0; start < RATE; start += 700) limiter.process(inPlace, Math.min(700, RATE - start), undefined, start);
    inPlace.forEach((plane, c) => expect(plane).toEqual((reference[c] as Float32Array).subarray(0, RATE)));
  });

  it('processes without allocating (no garbage collection over 100,000 blocks)', async () => {
    const r = random(11);
    const planes = [0, 1].map(() => Float32Array.from({ length: 64 }, () => 4 * (2 * r() - 1)));
    const outputs = [new Float32Array(64), new Float32Array(64)];
    const limiter = new TruePeakLimiter(RATE, 2, { ceilingDbtp: CEILING });
    for (let i = 0; i < 10_000; i++) limiter.process(planes, 64, outputs);
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    const collections: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) collections.push(entry.name);
    });
    observer.observe({ entryTypes: ['gc'] });
    for (let i = 0; i < 100_000; i++) limiter.process(planes, 64, outputs);
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(collections).toEqual([]);
  }, 60_000);

  it('rejects a lookahead too short for the detector', () => {
    expect(() => new TruePeakLimiter(48_000, 2, { ceilingDbtp: -1, lookaheadMs: 0.3 })).toThrow(/lookahead/);
  });
});
