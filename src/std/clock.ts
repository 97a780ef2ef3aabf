/**
 * The one clock: every conversion between beats, seconds and sample frames, and between bars and
 * beats, goes through a `Clock` built from the song's timing (its tempo at beat 0, tempo changes,
 * its time signature at bar 0, meter changes). The engine, the model and the UI all call it, so a
 * clip, a note, an automation point, a click and the playhead sit on the same frame everywhere.
 *
 * **Tempo.** The tempo is piecewise: a change `{ beat, bpm, ramp: false }` jumps to `bpm` at `beat`;
 * `ramp: true` moves the tempo linearly *in beats* from the previous point (or the tempo at beat 0)
 * to `bpm`, reaching it at `beat`. Seconds are the exact integral of 60 / bpm(b) db: on a constant
 * piece Δbeats × 60 / bpm, on a ramp of slope k (bpm per beat) from T0, 60 / k × ln(1 + k Δb / T0),
 * whose inverse is Δb = T0 × (e^(k Δs / 60) − 1) / k. Before beat 0 the tempo at beat 0 holds.
 * On a song without tempo changes the arithmetic is that of format v1–v3: a beat position p starts
 * on frame round(p × 60 / tempo × rate), computed in that order in double precision. Ramps take
 * ln and exp from `det-math`, so the worklet and the export worker put a beat on the same frame.
 *
 * **Meter.** A bar is `n × 4 / d` beats long under the meter [n, d]; a meter change starts at a
 * (0-based) bar index. The metronome clicks every `4 / d` beats, accenting the bar's first.
 *
 * Methods return plain numbers and never allocate, so the engine may call them inside `render`.
 */
import { expm1, expm1InPlace, log1p, log1pInPlace } from './det-math';
import { bpm, beats, samples, seconds, type Beats, type Bpm, type Hertz, type Samples, type Seconds } from './units';

/** A tempo change (format v4 `tempoChanges`): beat > 0, bpm 20–999. */
export interface TempoPoint {
  readonly beat: number;
  readonly bpm: number;
  readonly ramp: boolean;
}

/** A meter change (format v4 `meterChanges`): the 0-based bar index where `timeSignature` starts. */
export interface MeterPoint {
  readonly bar: number;
  readonly timeSignature: readonly [number, number];
}

/** What a clock is built from: a project document and the engine's timeline both have this shape. */
export interface TimeMap {
  /** The tempo at beat 0, quarter notes per minute. */
  readonly tempo: number;
  /** Sorted by beat; absent = none. */
  readonly tempoChanges?: readonly TempoPoint[];
  /** The meter at bar 0; absent = 4/4. */
  readonly timeSignature?: readonly [number, number];
  /** Sorted by bar; absent = none. */
  readonly meterChanges?: readonly MeterPoint[];
}

const fourFour: readonly [number, number] = [4, 4];

export class Clock {
  /** Per tempo piece: where it starts (beats, seconds), the tempo there and its slope (bpm per beat). */
  private readonly pieceBeat: Float64Array;
  private readonly pieceSeconds: Float64Array;
  private readonly pieceBpm: Float64Array;
  private readonly pieceSlope: Float64Array;
  /** Per meter piece: its first bar, the beat it starts on, beats per bar, beats per metronome beat, beats in a bar. */
  private readonly meterBar: Float64Array;
  private readonly meterBeat: Float64Array;
  private readonly meterLength: Float64Array;
  private readonly meterUnit: Float64Array;
  private readonly meterCount: Int32Array;
  /** The audio thread's methods hand a ramp's exponent to det-math through this slot (nothing fractional crosses a call). */
  private readonly scratch = new Float64Array(1);

  private constructor(map: TimeMap) {
    const changes = map.tempoChanges ?? [];
    const n = changes.length + 1;
    this.pieceBeat = new Float64Array(n);
    this.pieceSeconds = new Float64Array(n);
    this.pieceBpm = new Float64Array(n);
    this.pieceSlope = new Float64Array(n);
    this.pieceBpm[0] = map.tempo;
    changes.forEach((change, i) => {
      const span = change.beat - (this.pieceBeat[i] as number);
      const from = this.pieceBpm[i] as number;
      // A ramp belongs to the piece that ends at its point; a jump leaves that piece constant.
      const slope = change.ramp && span > 0 ? (change.bpm - from) / span : 0;
      this.pieceSlope[i] = slope;
      this.pieceSeconds[i + 1] = (this.pieceSeconds[i] as number) + pieceSeconds(span, from, slope);
      this.pieceBeat[i + 1] = change.beat;
      this.pieceBpm[i + 1] = change.bpm;
    });

    const meters = map.meterChanges ?? [];
    const m = meters.length + 1;
    this.meterBar = new Float64Array(m);
    this.meterBeat = new Float64Array(m);
    this.meterLength = new Float64Array(m);
    this.meterUnit = new Float64Array(m);
    this.meterCount = new Int32Array(m);
    const signatures = [map.timeSignature ?? fourFour, ...meters.map((meter) => meter.timeSignature)];
    signatures.forEach(([count, unit], i) => {
      this.meterCount[i] = count;
      this.meterUnit[i] = 4 / unit;
      this.meterLength[i] = (count * 4) / unit;
      if (i === 0) return;
      const bar = (meters[i - 1] as MeterPoint).bar;
      this.meterBar[i] = bar;
      this.meterBeat[i] = (this.meterBeat[i - 1] as number) + (bar - (this.meterBar[i - 1] as number)) * (this.meterLength[i - 1] as number);
    });
  }

  private static readonly built = new WeakMap<TimeMap, Clock>();

  /** The clock of `map`, built once per map object (documents are immutable). */
  static of(map: TimeMap): Clock {
    let clock = Clock.built.get(map);
    if (!clock) Clock.built.set(map, (clock = new Clock(map)));
    return clock;
  }

  /** Whether the tempo never changes (then every span of beats lasts the same at any position). */
  get constantTempo(): boolean {
    return this.pieceBeat.length === 1;
  }

  /** The tempo at `beat` (after a jump that happens exactly there). */
  tempoAt(beat: Beats): Bpm {
    const i = this.pieceOfBeat(beat);
    return bpm((this.pieceBpm[i] as number) + this.slope(i, beat) * (beat - (this.pieceBeat[i] as number)));
  }

  /** Seconds from beat 0 to `beat`. */
  secondsAt(beat: Beats): Seconds {
    const i = this.pieceOfBeat(beat);
    const span = beat - (this.pieceBeat[i] as number);
    return seconds((this.pieceSeconds[i] as number) + pieceSeconds(span, this.pieceBpm[i] as number, this.slope(i, beat)));
  }

  /** The beat position `time` seconds from beat 0. */
  beatAt(time: Seconds): Beats {
    const i = this.pieceOfSeconds(time);
    const span = time - (this.pieceSeconds[i] as number);
    return beats((this.pieceBeat[i] as number) + pieceBeats(span, this.pieceBpm[i] as number, this.slope(i, time)));
  }

  /** The frame a beat position starts on: its seconds × rate, rounded to the nearest frame. */
  frameAt(beat: Beats, rate: Hertz): Samples {
    return samples(Math.round(this.secondsAt(beat) * rate));
  }

  /** The beat position of a frame (not rounded). */
  beatAtFrame(frame: Samples, rate: Hertz): Beats {
    return this.beatAt(seconds(frame / rate));
  }

  /** How long `span` beats from `from` last. Within one constant piece: span × 60 / bpm exactly. */
  secondsOver(from: Beats, span: Beats): Seconds {
    const i = this.pieceOfBeat(from);
    if (this.slope(i, Math.max(from, from + span)) === 0 && this.pieceOfBeat(beats(from + span)) === i) return seconds(pieceSeconds(span, this.pieceBpm[i] as number, 0));
    return seconds(this.secondsAt(beats(from + span)) - this.secondsAt(from));
  }

  /** How many beats `span` seconds from beat `from` cover (negative spans go back). Within one constant piece: span × bpm / 60 exactly. */
  beatsOver(from: Beats, span: Seconds): Beats {
    const i = this.pieceOfBeat(from);
    const start = this.secondsAt(from);
    if (this.slope(i, Math.max(start, start + span)) === 0 && this.pieceOfSeconds(seconds(start + span)) === i) return beats(pieceBeats(span, this.pieceBpm[i] as number, 0));
    return beats(this.beatAt(seconds(start + span)) - from);
  }

  /** The beat the 0-based `bar` starts on; a fractional bar is that share into it (bars before 0 extend the first meter). */
  barStart(bar: number): Beats {
    const i = this.meterOfBar(bar);
    return beats((this.meterBeat[i] as number) + (bar - (this.meterBar[i] as number)) * (this.meterLength[i] as number));
  }

  /** Where `beat` is in bars from 0 (fractional: 2.5 is halfway through the third bar); the inverse of `barStart`. */
  barsAt(beat: Beats): number {
    const i = this.meterOfBeat(beat);
    return (this.meterBar[i] as number) + (beat - (this.meterBeat[i] as number)) / (this.meterLength[i] as number);
  }

  /** The 0-based bar that `beat` lies in. */
  barAt(beat: Beats): number {
    return Math.floor(this.barsAt(beat));
  }

  /** How many beats (quarter notes) the 0-based `bar` lasts. */
  barLength(bar: number): Beats {
    return beats(this.meterLength[this.meterOfBar(bar)] as number);
  }

  /** The meter `[n, d]` of the 0-based `bar`. */
  meterOf(bar: number): readonly [number, number] {
    const i = this.meterOfBar(bar);
    return [this.meterCount[i] as number, 4 / (this.meterUnit[i] as number)];
  }

  /** Beats (quarter notes) per metronome beat at `beat`: 4 / d of its meter. */
  meterBeatLength(beat: Beats): Beats {
    return beats(this.meterUnit[this.meterOfBeat(beat)] as number);
  }

  /**
   * For the engine's block loop: the beat of whole frame `frame` at whole `rate` into `out[0]` and
   * the tempo there into `out[1]`. Whole numbers in, an array out: a fractional double passed to
   * or returned from a call that is not inlined is boxed, which would allocate on every block.
   */
  locate(frame: number, rate: number, out: Float64Array): void {
    // beatAt, pieceBeats and tempoAt written out here: nothing fractional crosses a call.
    const time = frame / rate;
    const p = lastAtOrBefore(this.pieceSeconds, time);
    const from = this.pieceBpm[p] as number;
    const slope = time < 0 ? 0 : (this.pieceSlope[p] as number);
    const span = time - (this.pieceSeconds[p] as number);
    let into = (span * from) / 60;
    if (slope !== 0) {
      this.scratch[0] = (slope * span) / 60;
      expm1InPlace(this.scratch, 0, 1);
      into = (from * (this.scratch[0] as number)) / slope;
    }
    out[0] = (this.pieceBeat[p] as number) + into;
    out[1] = from + slope * into;
  }

  /**
   * For the audio thread, many frames at once: the beat of timeline frame `offset + frames[i]` at
   * `rate` into `out[i]` for i in [from, to) (`out` may be `frames`). Same values as `beatAtFrame`.
   */
  beatsAtFrames(frames: Float64Array, out: Float64Array, from: number, to: number, offset: number, rate: number): void {
    for (let i = from; i < to; i++) {
      const time = (offset + (frames[i] as number)) / rate;
      const p = lastAtOrBefore(this.pieceSeconds, time);
      const span = time - (this.pieceSeconds[p] as number);
      const tempo = this.pieceBpm[p] as number;
      const slope = time < 0 ? 0 : (this.pieceSlope[p] as number);
      // pieceBeats written out: the ramp's exponent goes through out[i] (nothing fractional crosses a call).
      if (slope === 0) out[i] = (this.pieceBeat[p] as number) + (span * tempo) / 60;
      else {
        out[i] = (slope * span) / 60;
        expm1InPlace(out, i, i + 1);
        out[i] = (this.pieceBeat[p] as number) + (tempo * (out[i] as number)) / slope;
      }
    }
  }

  /**
   * The frame (at whole `rate`) of the first metronome beat — every 4 / d beats of the meter, from
   * beat 0 — that starts on or after whole frame `frame`; `out[0]` becomes 1 when that beat starts a
   * bar, else 0. Whole numbers in and out, like `locate`.
   */
  nextClickFrame(frame: number, rate: number, out: Float64Array): number {
    // beatAt and secondsAt written out here, with their very arithmetic: nothing fractional crosses a call.
    const time = frame / rate;
    const p = lastAtOrBefore(this.pieceSeconds, time);
    const from = this.pieceBpm[p] as number;
    const slope = time < 0 ? 0 : (this.pieceSlope[p] as number);
    const span = time - (this.pieceSeconds[p] as number);
    let into = (span * from) / 60;
    if (slope !== 0) {
      this.scratch[0] = (slope * span) / 60;
      expm1InPlace(this.scratch, 0, 1);
      into = (from * (this.scratch[0] as number)) / slope;
    }
    let beat = Math.max(0, (this.pieceBeat[p] as number) + into);
    for (;;) {
      const i = this.meterOfBeat(beat);
      const unit = this.meterUnit[i] as number;
      const start = this.meterBeat[i] as number;
      // The meter beat at or just before `beat` (a frame's beat may round past its own click).
      const index = Math.max(0, Math.floor((beat - start) / unit + 1e-9));
      const end = i + 1 < this.meterBeat.length ? (this.meterBeat[i + 1] as number) : Infinity;
      const at = start + index * unit;
      if (at >= end - 1e-9) {
        beat = end;
        continue;
      }
      const q = lastAtOrBefore(this.pieceBeat, at);
      const qFrom = this.pieceBpm[q] as number;
      const qSlope = this.pieceSlope[q] as number;
      const offset = at - (this.pieceBeat[q] as number);
      let atSeconds = (this.pieceSeconds[q] as number) + (offset * 60) / qFrom;
      if (qSlope !== 0) {
        this.scratch[0] = (qSlope * offset) / qFrom;
        log1pInPlace(this.scratch, 0, 1);
        atSeconds = (this.pieceSeconds[q] as number) + (60 / qSlope) * (this.scratch[0] as number);
      }
      const click = Math.round(atSeconds * rate);
      if (click >= frame) {
        out[0] = index % (this.meterCount[i] as number) === 0 ? 1 : 0;
        return click;
      }
      beat = at + unit;
    }
  }

  /** The slope of piece `i` at `x` (a beat or seconds from 0): before 0 the tempo at beat 0 holds. */
  private slope(i: number, x: number): number {
    return x < 0 ? 0 : (this.pieceSlope[i] as number);
  }

  private pieceOfBeat(beat: number): number {
    return lastAtOrBefore(this.pieceBeat, beat);
  }

  private pieceOfSeconds(time: number): number {
    return lastAtOrBefore(this.pieceSeconds, time);
  }

  private meterOfBar(bar: number): number {
    return lastAtOrBefore(this.meterBar, bar);
  }

  private meterOfBeat(beat: number): number {
    return lastAtOrBefore(this.meterBeat, beat);
  }
}

/** How long `span` beats last at a steady `tempo`: span × 60 / tempo. */
function secondsAtTempo(span: Beats, tempo: Bpm): Seconds {
  return seconds((span * 60) / tempo);
}

/** How many beats `span` seconds cover at a steady `tempo`: span × tempo / 60. */
function beatsAtTempo(span: Seconds, tempo: Bpm): Beats {
  return beats((span * tempo) / 60);
}

/** Seconds `span` beats last from a point at `from` bpm moving `slope` bpm per beat. */
function pieceSeconds(span: number, from: number, slope: number): number {
  return slope === 0 ? secondsAtTempo(beats(span), bpm(from)) : (60 / slope) * log1p((slope * span) / from);
}

/** Beats covered in `span` seconds from a point at `from` bpm moving `slope` bpm per beat. */
function pieceBeats(span: number, from: number, slope: number): number {
  return slope === 0 ? beatsAtTempo(seconds(span), bpm(from)) : (from * expm1((slope * span) / 60)) / slope;
}

/** The last index whose value is ≤ `x` (0 when none is): the piece `x` falls in. */
function lastAtOrBefore(starts: Float64Array, x: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= x) low = mid;
    else high = mid - 1;
  }
  return low;
}
