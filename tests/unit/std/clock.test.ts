import { describe, expect, it } from 'vitest';
import { Clock, type TimeMap } from '../../../src/std/clock';
import { beats, hertz, samples, seconds } from '../../../src/std/units';

/** ∫ 60 / bpm(b) db over [from, to] within one smooth piece (Simpson, fine steps). */
function simpson(tempoAt: (b: number) => number, from: number, to: number): number {
  const steps = 2_000;
  const h = (to - from) / steps;
  let sum = 60 / tempoAt(from) + 60 / tempoAt(to);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * (60 / tempoAt(from + i * h));
  return (sum * h) / 3;
}

/** Seconds to `beat` by numerical integration piece by piece (an independent check of the closed forms). */
function integrated(map: TimeMap, tempoAt: (b: number) => number, beat: number): number {
  const edges = [0, ...(map.tempoChanges ?? []).map((change) => change.beat).filter((b) => b < beat), beat];
  let total = 0;
  // Each piece is sampled just inside its ends, where the tempo function is the piece's own.
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i] as number;
    const to = edges[i + 1] as number;
    total += simpson((b) => tempoAt(Math.min(to - 1e-12, Math.max(from + 1e-12, b))), from, to);
  }
  return total;
}

const rate = hertz(48_000);

describe('the one clock at a steady tempo', () => {
  it('puts beat p on frame round(p × 60 / tempo × rate), bit for bit as format v1–v3 did', () => {
    for (const tempo of [60, 97.3, 120, 137, 174.25]) {
      const clock = Clock.of({ tempo });
      for (const p of [0, 0.1, 1 / 3, 7.77, 64, 1234.5678, 99_999.9]) {
        expect(clock.frameAt(beats(p), rate)).toBe(Math.round(((p * 60) / tempo) * rate));
        expect(clock.secondsAt(beats(p))).toBe((p * 60) / tempo);
        expect(clock.beatAt(seconds(p))).toBe((p * tempo) / 60);
        expect(clock.secondsOver(beats(p), beats(1.5))).toBe((1.5 * 60) / tempo);
        expect(clock.beatsOver(beats(p), seconds(-0.25))).toBe((-0.25 * tempo) / 60);
      }
    }
  });

  it('gives the beat of a frame and the tempo anywhere', () => {
    const clock = Clock.of({ tempo: 90 });
    expect(clock.beatAtFrame(samples(48_000), rate)).toBe(1.5);
    expect(clock.tempoAt(beats(1e6))).toBe(90);
    expect(clock.constantTempo).toBe(true);
  });
});

describe('the clock following a tempo map', () => {
  const maps: { name: string; map: TimeMap; bpmAt: (b: number) => number }[] = [
    { name: 'a jump', map: { tempo: 120, tempoChanges: [{ beat: 4, bpm: 60, ramp: false }] }, bpmAt: (b) => (b < 4 ? 120 : 60) },
    { name: 'a ramp down', map: { tempo: 120, tempoChanges: [{ beat: 8, bpm: 80, ramp: true }] }, bpmAt: (b) => (b < 8 ? 120 - 5 * b : 80) },
    {
      name: 'a jump, a ramp up, a hold and a ramp down',
      map: {
        tempo: 100,
        tempoChanges: [
          { beat: 2, bpm: 140, ramp: false },
          { beat: 6, bpm: 180, ramp: true },
          { beat: 9.5, bpm: 70, ramp: false },
          { beat: 13, bpm: 95.5, ramp: true },
        ],
      },
      bpmAt: (b) => (b < 2 ? 100 : b < 6 ? 140 + 10 * (b - 2) : b < 9.5 ? 180 : b < 13 ? 70 + (25.5 / 3.5) * (b - 9.5) : 95.5),
    },
  ];

  for (const { name, map, bpmAt } of maps) {
    it(`places beats on the exact frame with ${name}`, () => {
      const clock = Clock.of(map);
      for (let p = 0; p <= 20; p += 0.37) {
        const exact = integrated(map, bpmAt, p);
        expect(clock.secondsAt(beats(p))).toBeCloseTo(exact, 9);
        expect(clock.frameAt(beats(p), rate)).toBe(Math.round(exact * 48_000));
        expect(clock.beatAt(clock.secondsAt(beats(p)))).toBeCloseTo(p, 9);
        expect(clock.tempoAt(beats(p))).toBeCloseTo(bpmAt(p), 9);
      }
    });
  }

  it('integrates a ramp in closed form: 120 → 60 BPM over 4 beats lasts 4 ln 2 seconds', () => {
    const clock = Clock.of({ tempo: 120, tempoChanges: [{ beat: 4, bpm: 60, ramp: true }] });
    expect(clock.secondsAt(beats(4))).toBeCloseTo(4 * Math.LN2, 12);
    // After the ramp the tempo stays at 60: a beat a second.
    expect(clock.secondsAt(beats(6))).toBeCloseTo(4 * Math.LN2 + 2, 12);
    expect(clock.constantTempo).toBe(false);
  });

  it('measures spans where they are: a beat after a jump lasts longer', () => {
    const clock = Clock.of({ tempo: 120, tempoChanges: [{ beat: 4, bpm: 60, ramp: false }] });
    expect(clock.secondsOver(beats(0), beats(1))).toBe(0.5);
    expect(clock.secondsOver(beats(3.5), beats(1))).toBe(0.25 + 0.5);
    expect(clock.beatsOver(beats(5), seconds(-1.5))).toBe(-2);
    expect(clock.beatsOver(beats(2), seconds(2))).toBe(3);
  });

  it('holds the tempo at beat 0 before it, even when a ramp starts there', () => {
    const clock = Clock.of({ tempo: 120, tempoChanges: [{ beat: 4, bpm: 60, ramp: true }] });
    expect(clock.secondsAt(beats(-2))).toBe(-1);
    expect(clock.beatAt(seconds(-1))).toBe(-2);
    expect(clock.tempoAt(beats(-2))).toBe(120);
  });
});

describe('bars and the meter', () => {
  const clock = Clock.of({ tempo: 120, timeSignature: [4, 4], meterChanges: [{ bar: 2, timeSignature: [6, 8] }, { bar: 4, timeSignature: [3, 4] }] });

  it('starts bars where the meter says', () => {
    expect([0, 1, 2, 3, 4, 5].map((bar) => clock.barStart(bar))).toEqual([0, 4, 8, 11, 14, 17]);
    expect([0, 3.9, 4, 10.9, 11, 13.99, 14, 16.5].map((b) => clock.barAt(beats(b)))).toEqual([0, 0, 1, 2, 3, 3, 4, 4]);
    expect(clock.barsAt(beats(9.5))).toBe(2.5);
    expect(clock.barStart(2.5)).toBe(9.5);
    expect(clock.barLength(3)).toBe(3);
    expect(clock.meterOf(3)).toEqual([6, 8]);
    expect(clock.meterBeatLength(beats(9))).toBe(0.5);
  });

  it('puts a click on the frame of every beat of the meter, accenting each bar', () => {
    // 60 BPM at 100 frames a second: beat b is frame 100 b.
    const accented = new Float64Array(1);
    const clicks: [number, boolean][] = [];
    for (let frame = clock.nextClickFrame(620, 100, accented); frame < 1_500; frame = clock.nextClickFrame(frame + 1, 100, accented)) clicks.push([frame, accented[0] === 1]);
    const slow = Clock.of({ tempo: 60, timeSignature: [4, 4], meterChanges: [{ bar: 2, timeSignature: [6, 8] }, { bar: 4, timeSignature: [3, 4] }] });
    const slowClicks: [number, boolean][] = [];
    for (let frame = slow.nextClickFrame(620, 100, accented); frame < 1_500; frame = slow.nextClickFrame(frame + 1, 100, accented)) slowClicks.push([frame, accented[0] === 1]);
    expect(slowClicks.map(([at]) => at)).toEqual([700, 800, 850, 900, 950, 1000, 1050, 1100, 1150, 1200, 1250, 1300, 1350, 1400]);
    expect(slowClicks.filter(([, accent]) => accent).map(([at]) => at)).toEqual([800, 1100, 1400]);
    // At 120 BPM (50 frames a beat) frame 620 is beat 12.4, in 6/8: eighth-note clicks from beat 12.5.
    expect(clicks.slice(0, 3).map(([at]) => at)).toEqual([625, 650, 675]);
  });

  it('locates a frame: its beat and the tempo there', () => {
    const ramp = Clock.of({ tempo: 120, tempoChanges: [{ beat: 4, bpm: 60, ramp: true }] });
    const out = new Float64Array(2);
    ramp.locate(48_000, 48_000, out);
    expect(out[0]).toBeCloseTo(ramp.beatAt(seconds(1)), 12);
    expect(out[1]).toBeCloseTo(120 - 15 * (out[0] as number), 9);
  });

  it('is 4/4 when the map names no meter', () => {
    const plain = Clock.of({ tempo: 100 });
    expect(plain.barStart(3)).toBe(12);
    expect(plain.meterOf(0)).toEqual([4, 4]);
  });
});
