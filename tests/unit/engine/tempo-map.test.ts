import { describe, expect, it } from 'vitest';
import type { AutomationPoint, Project } from '../../../src/model/project-schema';
import type { EngineClip, EngineTimeline } from '../../../src/protocol/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { decibelsToGain } from '../../../src/std/units';
import { clip, constant, engineWith, nonZero, projectOf, rate, render, timeline120, track } from './engine-harness';

/**
 * 120 BPM ramping down to 60 at beat 4, then a jump to 150 at beat 6, in 3/4 from bar 2 (beat 8).
 * Seconds to beat b, worked out by hand: on the ramp (slope −15 BPM a beat) −4 ln(1 − b/8);
 * then a beat a second; then 0.4 s a beat.
 */
const map: Pick<Project, 'tempoChanges' | 'meterChanges'> = {
  tempoChanges: [
    { beat: 4, bpm: 60, ramp: true },
    { beat: 6, bpm: 150, ramp: false },
  ],
  meterChanges: [{ bar: 2, timeSignature: [3, 4] }],
};
const secondsAt = (b: number) => (b <= 4 ? -4 * Math.log(1 - b / 8) : b <= 6 ? 4 * Math.LN2 + (b - 4) : 4 * Math.LN2 + 2 + 0.4 * (b - 6));
const frameOf = (b: number) => Math.round(secondsAt(b) * rate);

/** An engine playing a project with the map, with `clips` (engine clips) on one track. */
function mapped(planes: Float32Array[], clips: EngineClip[] = []) {
  const engine = engineWith({ s: { planes } }, [track('t', [clip('s')])], timeline120, rate, map);
  engine.command({ type: 'set-clips', trackId: 't', clips });
  return engine;
}

const engineClip = (start: number, fields: Partial<EngineClip> = {}): EngineClip => ({
  id: `c${start}`, sampleId: 's', start, length: 0.01, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, ...fields,
});

describe('the engine follows the tempo map', () => {
  it('starts clips on the exact frame of their beat through a ramp and a jump, in any block partition', () => {
    const starts = [1, 3.5, 5, 6.75];
    const clips = starts.map((start) => engineClip(start));
    const [left] = render(mapped([Float32Array.of(1)], clips), frameOf(7));
    expect(nonZero(left)).toEqual(starts.map(frameOf));
    const sizes = [1, 77, 128, 3];
    let n = 0;
    expect(render(mapped([Float32Array.of(1)], clips), frameOf(7), () => sizes[n++ % sizes.length] ?? 128)[0]).toEqual(left);
  });

  it('clicks on every beat of the meter, on its frame, accenting each bar', () => {
    const engine = mapped([Float32Array.of(0)]);
    engine.command({ type: 'set-metronome', enabled: true });
    const [left] = render(engine, frameOf(12.5));
    const onsets = nonZero(left).filter((i, n, all) => n === 0 || i - (all[n - 1] ?? 0) > 100);
    // Beats 0–7 in 4/4, then 3/4 bars from beat 8; a click's first sample is sin(0) = 0.
    expect(onsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((b) => frameOf(b) + 1));
    // The accent is the higher click: its fourth sample differs from a plain beat's.
    const accented = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((b) => left[frameOf(b) + 3] === left[3]);
    expect(accented).toEqual([0, 4, 8, 11]);
  });

  it('wraps a loop over the ramp on the frames of its beats', () => {
    const source = Float32Array.from({ length: 10 * rate }, (_, i) => i / rate);
    const engine = mapped([source], [engineClip(0, { length: 12 })]);
    engine.command({ type: 'set-loop', loop: { start: 2, end: 5 } });
    engine.command({ type: 'seek', frame: frameOf(2) });
    const loopFrames = frameOf(5) - frameOf(2);
    const [left] = render(engine, loopFrames + 10);
    expect(left[0]).toBe(source[frameOf(2)]);
    expect(left[loopFrames - 1]).toBe(source[frameOf(5) - 1]);
    expect(left[loopFrames]).toBe(source[frameOf(2)]);
  });

  it('plays an automation point on the frame of its beat', () => {
    const dc = constant(8 * rate, 1);
    const point = (beat: number, value: number, curve: AutomationPoint['curve'] = 'linear'): AutomationPoint => ({ beat, value, curve });
    const engine = engineWith({ dc: { planes: [dc, dc] } }, [track('t', [clip('dc', { length: 12 })])], timeline120, rate, {
      ...map,
      automation: [{ target: 't', param: 'gainDb', points: [point(0, -24), point(5.5, 0)] }],
    });
    const [left] = render(engine, frameOf(6));
    expect(left[frameOf(5.5)]).toBeCloseTo(1, 6);
    expect(1 - (left[frameOf(5.5) - 1] ?? 0)).toBeGreaterThan(1e-6);
    expect(left[frameOf(5.5) - 1]).toBeGreaterThan(decibelsToGain(-0.1));
  });

  it('reads a warped clip where its beats fall on the map: repitch at 120 BPM source plays half a second of source a beat', () => {
    const source = Float32Array.from({ length: 10 * rate }, (_, i) => i / rate);
    const warpedClip = engineClip(0, { length: 8, warp: { mode: 'repitch', sourceTempo: 120, markers: [] } });
    const [left] = render(mapped([source], [warpedClip]), frameOf(7.9));
    for (const beat of [0.5, 2, 3.9, 4.5, 5.99, 6.5, 7.5]) expect(left[frameOf(beat)]).toBeCloseTo(beat / 2, 3);
  });
});

describe('timeline changes reach the engine', () => {
  const document = compileEngineDocument(projectOf([]), (id) => id);
  const withTimeline = (changes: Partial<EngineTimeline>) => ({ ...document, timeline: { ...document.timeline, ...changes } });
  const sent = (before: Partial<EngineTimeline>, after: Partial<EngineTimeline>) => engineDocumentChanges(withTimeline(before), withTimeline(after)).map((command) => command.type);

  it('sends set-timeline when a tempo or meter change is added, moved or switched to a ramp, and nothing for an equal map', () => {
    const jump = { beat: 4, bpm: 90, ramp: false };
    expect(sent({ tempoChanges: [] }, { tempoChanges: [jump] })).toEqual(['set-timeline']);
    expect(sent({ tempoChanges: [jump] }, { tempoChanges: [{ ...jump, beat: 5 }] })).toEqual(['set-timeline']);
    expect(sent({ tempoChanges: [jump] }, { tempoChanges: [{ ...jump, ramp: true }] })).toEqual(['set-timeline']);
    expect(sent({ tempoChanges: [jump] }, { tempoChanges: [{ ...jump }] })).toEqual([]);
    expect(sent({ meterChanges: [{ bar: 2, timeSignature: [3, 4] }] }, { meterChanges: [{ bar: 2, timeSignature: [6, 8] }] })).toEqual(['set-timeline']);
    expect(sent({ meterChanges: [{ bar: 2, timeSignature: [3, 4] }] }, { meterChanges: [{ bar: 2, timeSignature: [3, 4] }] })).toEqual([]);
  });
});
