import { describe, expect, it } from 'vitest';
import { curveCodes, curveValue } from '../../../src/devices/automation-curve';
import { channelParams } from '../../../src/devices/catalog';
import type { AutomationLane, AutomationPoint, Device } from '../../../src/model/project-schema';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { decibelsToGain } from '../../../src/std/units';
import { clip, constant, engineWith, projectOf, rate, render, timeline120, track } from './engine-harness';

/** At 120 BPM and 48 kHz a beat is 24,000 frames. */
const framesPerBeat = 24_000;
const point = (beat: number, value: number, curve: AutomationPoint['curve'] = 'linear'): AutomationPoint => ({ beat, value, curve });
const lane = (target: string, param: string, points: AutomationPoint[]): AutomationLane => ({ target, param, points });
const gainSmoothingFrames = ((channelParams.find((spec) => spec.id === 'gainDb')?.smoothingMs ?? 0) * rate) / 1000;

/** A track of stereo DC at 1.0 (balance pan: unity at the centre), so the output is the gain the automation applies. */
function automated(lanes: AutomationLane[], inserts: Device[] = []) {
  const dc = constant(4 * rate, 1);
  return engineWith({ dc: { planes: [dc, dc] } }, [track('t', [clip('dc', { length: 8 })], { inserts })], timeline120, rate, { automation: lanes });
}

describe('automation curves', () => {
  it('defines the exponential midpoint: a dB fade bends (e² − 1)/(e⁴ − 1) of the way, a frequency sweep is geometric', () => {
    const bent = -30 + 24 * ((Math.exp(2) - 1) / (Math.exp(4) - 1));
    expect(curveValue(curveCodes.exponential, false, -30, -6, 0.5)).toBeCloseTo(bent, 12);
    expect(bent).toBeCloseTo(-27.139, 3);
    expect(curveValue(curveCodes.exponential, true, 100, 10_000, 0.5)).toBeCloseTo(1000, 9);
    expect(curveValue(curveCodes.exponential, true, 100, 10_000, 0.25)).toBeCloseTo(316.2278, 3);
    expect(curveValue(curveCodes.linear, false, -30, -6, 0.5)).toBe(-18);
    expect(curveValue(curveCodes.hold, false, -30, -6, 0.999)).toBe(-30);
    expect(curveValue(curveCodes.hold, false, -30, -6, 1)).toBe(-6);
  });
});

describe('the engine plays automation sample accurately', () => {
  it('a volume ramp reaches its value on the exact frame of its point, following the line on the way', () => {
    // 0.3 beats = frame 7200, inside a block (7200 = 56 × 128 + 32).
    const engine = automated([lane('t', 'gainDb', [point(0, -24), point(0.3, 0)])]);
    const [left] = render(engine, 9000);
    const lineDb = (frame: number) => -24 + (24 * frame) / 7200;
    // On a block's last frame the fader is exactly on the line; between, its gain factor glides
    // along the chord (within 0.01 dB here).
    for (const frame of [127, 255, 3327, 7167]) expect(left[frame]).toBeCloseTo(decibelsToGain(lineDb(frame)), 6);
    for (const frame of [1, 128, 3333, 7100, 7199]) expect(20 * Math.log10(left[frame] ?? 0)).toBeCloseTo(lineDb(frame), 2);
    expect(left[7200]).toBeCloseTo(1, 6);
    expect(1 - (left[7199] ?? 0)).toBeGreaterThan(2e-5);
    // After the last point the lane holds its value.
    expect(left[8999]).toBeCloseTo(1, 6);
  });

  it('a hold step starts on the exact frame of the next point and glides over the fader smoothing time', () => {
    const engine = automated([lane('t', 'gainDb', [point(0, -20, 'hold'), point(0.3, 0)])]);
    const [left] = render(engine, 9000);
    const held = Math.fround(decibelsToGain(-20));
    for (const frame of [0, 5000, 7199]) expect(left[frame]).toBe(held);
    expect(left[7200]).toBeGreaterThan(held);
    // The step glides linearly in dB: 20 dB over the smoothing time, arriving on its last frame.
    expect(left[7200]).toBeCloseTo(decibelsToGain(-20 + 20 / gainSmoothingFrames), 6);
    expect(left[7200 + gainSmoothingFrames - 2]).toBeLessThan(0.9999);
    expect(left[7200 + gainSmoothingFrames - 1]).toBeCloseTo(1, 6);
  });

  it('follows an exponential fade: on the curve as defined at its midpoint', () => {
    const engine = automated([lane('t', 'gainDb', [point(0, -30, 'exponential'), point(1, -6)])]);
    const [left] = render(engine, framesPerBeat + 10);
    const curve = (frame: number) => curveValue(curveCodes.exponential, false, -30, -6, frame / framesPerBeat);
    // Frame 12,031 ends a block: exactly on the curve. Between, chords stay within 0.01 dB.
    expect(left[12_031]).toBeCloseTo(decibelsToGain(curve(12_031)), 6);
    expect(20 * Math.log10(left[12_000] ?? 0)).toBeCloseTo(curve(12_000), 2);
    expect(20 * Math.log10(left[12_000] ?? 0)).toBeCloseTo(-27.139, 2);
    expect(left[framesPerBeat]).toBeCloseTo(decibelsToGain(-6), 6);
  });

  it('automates a device parameter on the same path', () => {
    const utility: Device = { id: 'u', type: 'utility', bypass: false, params: { gainDb: 0, pan: 0, width: 100, mono: 0, invertLeft: 0, invertRight: 0 } };
    const engine = automated([lane('u', 'gainDb', [point(0, 0), point(0.5, -12)])], [utility]);
    const [left] = render(engine, 12_500);
    expect(left[6015]).toBeCloseTo(decibelsToGain((-12 * 6015) / 12_000), 5);
    expect(left[12_000]).toBeCloseTo(decibelsToGain(-12), 5);
  });

  it('cuts blocks only where it must: other host blocks move the chords, by less than 0.1 dB (a steep exponential is the worst)', () => {
    const lanes = [lane('t', 'gainDb', [point(0, -24, 'exponential'), point(0.3, 0, 'hold'), point(0.5, -6), point(0.5, -12, 'linear'), point(0.9, 0)])];
    const [a] = render(automated(lanes), 30_000);
    let i = 0;
    const sizes = [37, 128, 1, 100, 91, 128, 5];
    const [b] = render(automated(lanes), 30_000, () => sizes[i++ % sizes.length] ?? 128);
    let worstDb = 0;
    for (let f = 0; f < a.length; f++) if ((a[f] ?? 0) > 1e-4) worstDb = Math.max(worstDb, Math.abs(20 * Math.log10((b[f] ?? 0) / (a[f] ?? 1))));
    expect(worstDb).toBeLessThan(0.1);
    expect(render(automated(lanes), 30_000)[0]).toEqual(a);
  });

  it('overrides the static value while the lane has points, and glides back to it when the lane goes', () => {
    const engine = automated([lane('t', 'gainDb', [point(0, -12)])]);
    render(engine, 1024);
    engine.command({ type: 'set-param', target: 't', param: 'gainDb', value: -3 });
    expect(render(engine, 2048)[0][2047]).toBeCloseTo(decibelsToGain(-12), 6);
    engine.command({ type: 'set-automation', lanes: [] });
    const [left] = render(engine, 2048);
    expect(left[0]).toBeLessThan(decibelsToGain(-11.9));
    expect(left[2047]).toBeCloseTo(decibelsToGain(-3), 6);
  });

  it('leaves a lane a control is writing to the control, from where it stood, and glides back to the lane after', () => {
    const engine = automated([lane('t', 'gainDb', [point(0, -12)])]);
    render(engine, 1024);
    engine.command({ type: 'write-automation', target: 't', param: 'gainDb', writing: true });
    // No jump when the control takes over: it starts where the lane had the fader.
    expect(render(engine, 128)[0][0]).toBeCloseTo(decibelsToGain(-12), 6);
    engine.command({ type: 'set-param', target: 't', param: 'gainDb', value: -3 });
    expect(render(engine, 4096)[0][4095]).toBeCloseTo(decibelsToGain(-3), 6);
    engine.command({ type: 'write-automation', target: 't', param: 'gainDb', writing: false });
    const [left] = render(engine, 4096);
    expect(left[0]).toBeGreaterThan(decibelsToGain(-3.1));
    expect(left[4095]).toBeCloseTo(decibelsToGain(-12), 6);
  });

  it('evaluates at the playhead when stopped, after a seek while playing, and after a loop wrap', () => {
    const ramp = [lane('t', 'gainDb', [point(0, -40), point(1, 0)])];
    const engine = automated(ramp);
    engine.command({ type: 'stop' });
    engine.command({ type: 'seek', frame: 12_000 });
    engine.command({ type: 'play' });
    expect(render(engine, 1)[0][0]).toBeCloseTo(decibelsToGain(-20), 3);
    engine.command({ type: 'seek', frame: 18_000 });
    const [afterSeek] = render(engine, 2000);
    // It glides from −20 dB to the lane over the smoothing time, then follows the lane.
    expect(afterSeek[0]).toBeLessThan(decibelsToGain(-19));
    expect(afterSeek[1535]).toBeCloseTo(decibelsToGain(-40 + (40 * 19_535) / framesPerBeat), 5);
    engine.command({ type: 'set-loop', loop: { start: 0.25, end: 0.5 } });
    engine.command({ type: 'seek', frame: 11_000 });
    const [looped] = render(engine, 3000);
    // 1,000 frames to the loop end, then from 6,000 again: past the glide, on the lane.
    expect(looped[999]).toBeCloseTo(decibelsToGain(-40 + (40 * 11_999) / framesPerBeat), 5);
    // The block after the wrap: 1000…1023 are 6,000…6,023; blocks then end at 6,151, 6,279…
    expect(looped[2279]).toBeCloseTo(decibelsToGain(-40 + (40 * 7279) / framesPerBeat), 5);
  });

  it('keeps automation in beats: a tempo change moves the points with the clips', () => {
    const engine = automated([lane('t', 'gainDb', [point(0, -24), point(0.3, 0)])]);
    engine.command({ type: 'set-timeline', timeline: { tempo: 60, timeSignature: [4, 4], tempoChanges: [], meterChanges: [] } });
    const [left] = render(engine, 15_000);
    expect(left[7167]).toBeCloseTo(decibelsToGain(-24 + (24 * 7167) / 14_400), 5);
    expect(left[14_400]).toBeCloseTo(1, 6);
  });
});

describe('automation in the engine document', () => {
  const base = projectOf([track('t', [clip('x')])]);
  const compile = (automation: AutomationLane[]) => compileEngineDocument({ ...base, automation }, (id) => id);

  it('sends lanes with points, once, and again only when they change', () => {
    const lanes = [lane('t', 'gainDb', [point(0, -3)]), lane('t', 'pan', [])];
    const first = engineDocumentChanges(null, compile(lanes));
    expect(first.filter((c) => c.type === 'set-automation')).toEqual([{ type: 'set-automation', lanes: [lanes[0]] }]);
    expect(engineDocumentChanges(compile(lanes), compile(structuredClone(lanes)))).toEqual([]);
    const moved = [lane('t', 'gainDb', [point(1, -3)])];
    expect(engineDocumentChanges(compile(lanes), compile(moved))).toEqual([{ type: 'set-automation', lanes: moved }]);
    expect(engineDocumentChanges(null, compile([])).some((c) => c.type === 'set-automation')).toBe(false);
  });
});
