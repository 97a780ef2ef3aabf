import { describe, expect, it } from 'vitest';
import { extendLoop, setClipFades, setClipGain, setClipLoop, setClipRate, toggleClipReverse } from '../../../../src/model/edits/clip-edits';
import { minClipLengthBeats } from '../../../../src/model/edits/clip-math';
import { durations, expectValid, findClip, project, ref } from './helpers';

const c1 = ref('t1', 'c1');
const c3 = ref('t2', 'c3');

describe('setClipFades', () => {
  it('sets either fade, clamped to [0, the clip span in source seconds]', () => {
    const p = project();
    const q = expectValid(setClipFades(p, [c1, c3], { fadeIn: 0.5 }));
    expect(findClip(q, 'c1')).toEqual({ ...findClip(p, 'c1'), fadeIn: 0.5 });
    expect(findClip(q, 'c3').fadeIn).toBe(0.5);
    // c1 spans 4 beats = 2 s; c3 at rate 2 spans 4 s of source.
    const r = expectValid(setClipFades(p, [c1, c3], { fadeIn: -1, fadeOut: 5 }));
    expect(findClip(r, 'c1')).toMatchObject({ fadeIn: 0, fadeOut: 2 });
    expect(findClip(r, 'c3')).toMatchObject({ fadeIn: 0, fadeOut: 4 });
  });

  it('is a no-op when nothing changes', () => {
    const p = project();
    expect(setClipFades(p, [ref('t1', 'c2')], { fadeIn: 0.1, fadeOut: 0.2 })).toBe(p);
    expect(setClipFades(p, [c1], {})).toBe(p);
    expect(setClipFades(p, [c1], { fadeIn: Number.NaN })).toBe(p);
    expect(setClipFades(p, [ref('t3', 'c1')], { fadeIn: 1 })).toBe(p);
  });
});

describe('setClipGain', () => {
  it('sets and clamps the gain', () => {
    const p = project();
    const q = expectValid(setClipGain(p, [c1, c3], -6));
    expect([findClip(q, 'c1').gainDb, findClip(q, 'c3').gainDb]).toEqual([-6, -6]);
    expect(q.tracks[2]).toBe(p.tracks[2]);
    expect(findClip(expectValid(setClipGain(p, [c1], 30)), 'c1').gainDb).toBe(24);
    expect(findClip(expectValid(setClipGain(p, [c1], -500)), 'c1').gainDb).toBe(-144);
    expect(setClipGain(p, [c1], 0)).toBe(p);
    expect(setClipGain(p, [c1], Infinity)).toBe(p);
  });
});

describe('toggleClipReverse', () => {
  it('reverses all unless all are reversed, keeping the offset without durations', () => {
    const p = project();
    const q = expectValid(toggleClipReverse(p, [c1, c3]));
    expect(findClip(q, 'c1')).toEqual({ ...findClip(p, 'c1'), reverse: true });
    expect(findClip(q, 'c3')).toBe(findClip(p, 'c3'));
    const r = expectValid(toggleClipReverse(q, [c1, c3]));
    expect(findClip(r, 'c1').reverse).toBe(false);
    expect(findClip(r, 'c3')).toMatchObject({ reverse: false, offset: 1 });
  });

  it('mirrors the offset so the same audio plays backwards when durations are known', () => {
    const p = project();
    // c3: 10 s source, offset 1, spans 4 s of source: mirrored offset 10 − 1 − 4 = 5.
    const q = expectValid(toggleClipReverse(p, [c3], durations));
    expect(findClip(q, 'c3')).toMatchObject({ reverse: false, offset: 5 });
    expect(findClip(expectValid(toggleClipReverse(q, [c3], durations)), 'c3')).toEqual(findClip(p, 'c3'));
    // c2: offset 0.5 of a 2 s source, 1 s long: 2 − 0.5 − 1 = 0.5. c1 runs to the end: 0.
    const r = expectValid(toggleClipReverse(p, [ref('t1', 'c2'), ref('t1', 'c1')], durations));
    expect(findClip(r, 'c2')).toMatchObject({ reverse: true, offset: 0.5 });
    expect(findClip(r, 'c1')).toMatchObject({ reverse: true, offset: 0 });
    expect(toggleClipReverse(p, [ref('t2', 'c1')])).toBe(p);
  });
});

describe('loops', () => {
  it('setClipLoop switches looping', () => {
    const p = project();
    expect(findClip(expectValid(setClipLoop(p, [c1, ref('t3', 'c4')], true)), 'c1').loop).toBe(true);
    expect(setClipLoop(p, [ref('t3', 'c4')], true)).toBe(p);
    expect(findClip(expectValid(setClipLoop(p, [ref('t3', 'c4')], false)), 'c4')).toEqual({ ...findClip(p, 'c4'), loop: false });
  });

  it('extendLoop sets the length and turns looping on', () => {
    const p = project();
    expect(findClip(expectValid(extendLoop(p, ref('t3', 'c4'), 16)), 'c4')).toEqual({ ...findClip(p, 'c4'), length: 16 });
    expect(findClip(expectValid(extendLoop(p, c1, 16)), 'c1')).toMatchObject({ loop: true, length: 16, offset: 0 });
    expect(findClip(expectValid(extendLoop(p, ref('t3', 'c4'), -2)), 'c4').length).toBe(minClipLengthBeats);
    expect(extendLoop(p, ref('t3', 'c4'), 8)).toBe(p);
    expect(extendLoop(p, ref('t1', 'c4'), 16)).toBe(p);
    expect(extendLoop(p, ref('t3', 'c4'), Number.NaN)).toBe(p);
  });
});

describe('setClipRate', () => {
  it('sets and clamps the rate, keeping the length in beats by default', () => {
    const p = project();
    expect(findClip(expectValid(setClipRate(p, [c1], 2)), 'c1')).toEqual({ ...findClip(p, 'c1'), rate: 2 });
    expect(findClip(expectValid(setClipRate(p, [c1], 100)), 'c1').rate).toBe(8);
    expect(findClip(expectValid(setClipRate(p, [c1], 0)), 'c1').rate).toBe(0.125);
    expect(setClipRate(p, [c3], 2)).toBe(p);
    expect(setClipRate(p, [c1], Number.NaN)).toBe(p);
  });

  it('scales the length with keepSourceSpan', () => {
    const p = project();
    const q = expectValid(setClipRate(p, [c1, c3], 4, { keepSourceSpan: true }));
    expect(findClip(q, 'c1')).toMatchObject({ rate: 4, length: 1 });
    expect(findClip(q, 'c3')).toMatchObject({ rate: 4, length: 2 });
  });
});
