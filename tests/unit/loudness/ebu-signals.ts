/**
 * Test signals of EBU Tech 3341 (loudness metering, "EBU Mode") and Tech 3342 (loudness range),
 * synthesized from their definitions instead of read from the EBU's WAV files, plus the small
 * tools the conformance tests use to read a meter the way a display would.
 *
 * Every loudness signal is a 1 kHz sine at a given level in dBFS (the peak level of each
 * channel), identical in both channels of a stereo pair, so a level of X dBFS reads X LUFS.
 * Sequences are phase-continuous across level changes (no clicks); silence is exact zeros.
 */
import { LoudnessMeter } from '../../../src/analysis/loudness/loudness-meter';

/** One stretch of a sequence: a level in dBFS (null for digital silence) held for `seconds`. */
export interface Segment {
  level: number | null;
  seconds: number;
}

export const TONE_HZ = 1000;

export const tone = (level: number, seconds: number): Segment => ({ level, seconds });
export const silence = (seconds: number): Segment => ({ level: null, seconds });

/** `segments` repeated `times` times. */
export function repeat(times: number, ...segments: Segment[]): Segment[] {
  return Array.from({ length: times }, () => segments).flat();
}

/** Frame count of each segment at `rate` (rounded at the cumulative boundaries, so no drift). */
export function segmentFrames(segments: readonly Segment[], rate: number): number[] {
  const out: number[] = [];
  let time = 0;
  let start = 0;
  for (const segment of segments) {
    time += segment.seconds;
    const end = Math.round(time * rate);
    out.push(end - start);
    start = end;
  }
  return out;
}

/** A mono plane of the sequence: a phase-continuous sine at `frequency` whose level steps. */
export function sequence(segments: readonly Segment[], rate: number, frequency = TONE_HZ): Float32Array {
  const lengths = segmentFrames(segments, rate);
  const out = new Float32Array(lengths.reduce((a, b) => a + b, 0));
  const step = (2 * Math.PI * frequency) / rate;
  let i = 0;
  segments.forEach((segment, s) => {
    const amplitude = segment.level === null ? 0 : Math.pow(10, segment.level / 20);
    const end = i + (lengths[s] as number);
    for (; i < end; i++) out[i] = amplitude * Math.sin(step * i);
  });
  return out;
}

/** The sequence in both channels of a stereo pair (one shared plane, as the meter only reads). */
export function stereo(segments: readonly Segment[], rate: number): Float32Array[] {
  const plane = sequence(segments, rate);
  return [plane, plane];
}

/**
 * A stereo sine at `frequency` starting at `phaseDegrees`, whose waveform peaks at `peakDbfs`
 * (so its samples may sit lower: they fall between the peaks), `seconds` long, with raised-cosine
 * fades of `fadeMs` at both ends. The fades keep the interpolation filter from ringing at the
 * edges: a sine switched on at a non-zero sample value is a step, whose Gibbs overshoot would
 * read as a true peak the steady signal does not have.
 */
export function truePeakSine(frequency: number, phaseDegrees: number, peakDbfs: number, rate: number, seconds = 1, fadeMs = 5): Float32Array[] {
  const frames = Math.round(seconds * rate);
  const fade = Math.round((fadeMs * rate) / 1000);
  const amplitude = Math.pow(10, peakDbfs / 20);
  const phase = (phaseDegrees * Math.PI) / 180;
  const plane = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const edge = Math.min(i, frames - 1 - i);
    const envelope = edge < fade ? 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade) : 1;
    plane[i] = envelope * amplitude * Math.sin((2 * Math.PI * frequency * i) / rate + phase);
  }
  return [plane, plane];
}

/** One reading of the meter's windows at the end of a 10 ms step. */
export interface Reading {
  /** Seconds of audio pushed when the reading was taken. */
  time: number;
  momentary: number;
  shortTerm: number;
}

/**
 * Pushes `planes` through a fresh meter one 10 ms step at a time and reads the momentary and
 * short-term loudness after every step, as a display updating at 100 Hz would.
 */
export function readEveryStep(planes: readonly Float32Array[], rate: number): { meter: LoudnessMeter; readings: Reading[] } {
  const meter = new LoudnessMeter(rate, planes.length);
  const frames = (planes[0] as Float32Array).length;
  const readings: Reading[] = [];
  for (let start = 0; start < frames; start += meter.stepFrames) {
    const count = Math.min(meter.stepFrames, frames - start);
    meter.push(planes, count, start);
    if (count === meter.stepFrames) {
      readings.push({ time: (start + count) / rate, momentary: meter.momentaryLufs(), shortTerm: meter.shortTermLufs() });
    }
  }
  return { meter, readings };
}

/** Of `values`, the one furthest from `expected` (the reading a "constant" check must bound). */
export function furthestFrom(values: readonly number[], expected: number): number {
  let worst = expected;
  for (const v of values) if (Math.abs(v - expected) > Math.abs(worst - expected)) worst = v;
  return worst;
}

/** A row of the deviation table the conformance tests print. */
export interface Deviation {
  case: string;
  quantity: string;
  expected: number;
  measured: number;
}

export function formatDeviations(rows: readonly Deviation[]): string {
  const lines = rows.map((r) => {
    const deviation = r.measured - r.expected;
    return `${r.case.padEnd(16)} ${r.quantity.padEnd(22)} ${r.expected.toFixed(1).padStart(6)} ${r.measured.toFixed(3).padStart(9)} ${(deviation >= 0 ? '+' : '') + deviation.toFixed(3)}`;
  });
  return [`${'case'.padEnd(16)} ${'quantity'.padEnd(22)} ${'expect'.padStart(6)} ${'measured'.padStart(9)} deviation`, ...lines].join('\n');
}
