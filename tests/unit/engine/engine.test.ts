import { describe, expect, it } from 'vitest';
import { channelMeterIndex, masterMeterChannel, statusSlots } from '../../../src/protocol/engine';
import { createEmptyProject } from '../../../src/model/new-project';
import { createTrack } from '../../../src/model/new-track';
import type { Project } from '../../../src/model/project-schema';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { clip, constant, engineWith, nonZero, projectOf, ramp, rate, render, status, timeline120, track } from './engine-harness';

/** Frame of a beat at a tempo: the format's rule, round(beats × 60 / tempo × rate). */
const frameOf = (beats: number, tempo: number, sampleRate = rate) => Math.round(((beats * 60) / tempo) * sampleRate);

describe('engine: clips on the timeline', () => {
  it('plays a same-rate clip sample for sample from its exact start frame', () => {
    const source = ramp(1000);
    const engine = engineWith({ a: { planes: [source, source.map((x) => -x)] } }, [track('t', [clip('a', { start: 1.5 })])]);
    const [left, right] = render(engine, 40_000);
    const start = frameOf(1.5, 120);
    expect(left.subarray(0, start).every((x) => x === 0)).toBe(true);
    expect(Array.from(left.subarray(start, start + 1000))).toEqual(Array.from(source));
    expect(Array.from(right.subarray(start, start + 1000))).toEqual(Array.from(source.map((x) => -x)));
    expect(left.subarray(start + 1000).every((x) => x === 0)).toBe(true);
  });

  it.each([87, 120, 137.5, 174, 61.7])('lands single-sample clicks on their beats exactly at %s BPM', (tempo) => {
    const click = Float32Array.of(1);
    const beats = [0, 1, 2.5, 3.25, 7, 13.125];
    const engine = engineWith(
      { click: { planes: [click] } },
      [track('t', beats.map((start) => clip('click', { id: `c${start}`, start, length: 0.25 })))],
      { ...timeline120, tempo },
    );
    const [left] = render(engine, frameOf(14, tempo));
    expect(nonZero(left)).toEqual(beats.map((b) => frameOf(b, tempo)));
  });

  it('reads from the offset, stops when the source runs out, and loops from the offset when asked', () => {
    const source = ramp(1000);
    const offset = 100 / rate;
    const plain = engineWith({ a: { planes: [source] } }, [track('t', [clip('a', { offset, length: 1 })])]);
    const [once] = render(plain, 3000);
    expect(once[0]).toBe(source[100]);
    expect(nonZero(once).at(-1)).toBe(899);

    const looped = engineWith({ a: { planes: [source] } }, [track('t', [clip('a', { offset, length: 0.1, loop: true })])]);
    const [loop] = render(looped, 3000);
    const length = frameOf(0.1, 120);
    expect(nonZero(loop).length).toBe(length);
    expect(loop[900]).toBe(source[100]);
    expect(loop[1799]).toBe(source[999]);
  });

  it('loops a same-rate clip from its offset frame for frame through many wraps, in any block partition, also reversed', () => {
    const source = ramp(333);
    const offset = 40 / rate;
    const body = 293;
    const start = 0.01;
    const looped = (reverse: boolean) => engineWith({ a: { planes: [source] } }, [track('t', [clip('a', { offset, start, length: 0.2, loop: true, reverse })])]);
    const first = frameOf(start, 120);
    const length = frameOf(start + 0.2, 120) - first;
    for (const reverse of [false, true]) {
      const expected = Float32Array.from({ length }, (_, i) => source[reverse ? 332 - (40 + (i % body)) : 40 + (i % body)] as number);
      for (const block of [128, 37, () => 1 + Math.floor(Math.random() * 128)]) {
        const [left] = render(looped(reverse), first + length + 100, block);
        expect(left.subarray(0, first).every((x) => x === 0)).toBe(true);
        expect(Array.from(left.subarray(first, first + length))).toEqual(Array.from(expected));
      }
    }
  });

  it('plays reversed clips back to front', () => {
    const source = ramp(500);
    const engine = engineWith({ a: { planes: [source] } }, [track('t', [clip('a', { reverse: true })])]);
    const [left] = render(engine, 600);
    expect(Array.from(left.subarray(0, 500))).toEqual(Array.from(source).reverse());
  });

  it('fades in and out linearly over seconds of source time', () => {
    const engine = engineWith({ a: { planes: [constant(rate, 1)] } }, [
      track('t', [clip('a', { length: 1, fadeIn: 0.01, fadeOut: 0.02 })]),
    ]);
    const [left] = render(engine, rate);
    const end = frameOf(1, 120);
    expect(left[0]).toBe(0);
    expect(left[240]).toBeCloseTo(0.5, 6);
    expect(left[480]).toBe(1);
    expect(left[end - 480]).toBeCloseTo(0.5, 6);
    expect(left[end - 1]).toBeCloseTo(1 / 960, 6);
    expect(left[end]).toBe(0);
  });

  it('applies clip, track and master gain in dB', () => {
    const engine = engineWith({ a: { planes: [constant(1000, 0.5)] } }, [track('t', [clip('a', { gainDb: -6 })], { gainDb: 6 })], {
      ...timeline120,
      masterGainDb: -20,
    });
    const [left] = render(engine, 128);
    expect(left[10]).toBeCloseTo(0.5 * 10 ** (-6 / 20) * 10 ** (6 / 20) * 0.1, 7);
  });

  it('pans mono sources with constant power and stereo sources with balance; pan 0 is unity', () => {
    const mono = (pan: number) => render(engineWith({ m: { planes: [constant(256, 0.5)] } }, [track('t', [clip('m')], { pan })]), 128);
    const stereo = (pan: number) =>
      render(engineWith({ s: { planes: [constant(256, 0.5), constant(256, 0.25)] } }, [track('t', [clip('s')], { pan })]), 128);
    expect([mono(0)[0][5], mono(0)[1][5]]).toEqual([0.5, 0.5]);
    expect(mono(-1)[0][5]).toBeCloseTo(0.5 * Math.SQRT2, 6);
    expect(mono(-1)[1][5]).toBeCloseTo(0, 6);
    const [l, r] = mono(0.5);
    expect((l[5] ?? 0) ** 2 + (r[5] ?? 0) ** 2).toBeCloseTo(2 * 0.25, 6);
    expect([stereo(0)[0][5], stereo(0)[1][5]]).toEqual([0.5, 0.25]);
    expect([stereo(0.5)[0][5], stereo(0.5)[1][5]]).toEqual([0.25, 0.25]);
    expect([stereo(-0.5)[0][5], stereo(-0.5)[1][5]]).toEqual([0.5, 0.125]);
  });

  it('silences muted tracks, and only soloed tracks sound while any is soloed', () => {
    const samples = { a: { planes: [constant(256, 0.25)] }, b: { planes: [constant(256, 0.5)] } };
    const level = (tracks: ReturnType<typeof track>[]) => render(engineWith(samples, tracks), 128)[0][3];
    expect(level([track('ta', [clip('a')]), track('tb', [clip('b')])])).toBe(0.75);
    expect(level([track('ta', [clip('a')], { mute: true }), track('tb', [clip('b')])])).toBe(0.5);
    expect(level([track('ta', [clip('a')], { solo: true }), track('tb', [clip('b')])])).toBe(0.25);
    expect(level([track('ta', [clip('a')], { solo: true, mute: true }), track('tb', [clip('b')])])).toBe(0);
  });

  it('silences muted clips, and still ends the song after the last of them', () => {
    const samples = { a: { planes: [constant(256, 0.25)] }, b: { planes: [constant(256, 0.5)] } };
    const engine = engineWith(samples, [track('t', [clip('a'), clip('b', { mute: true }), clip('b', { start: 8, mute: true })])]);
    const [left, right] = render(engine, 256);
    expect([left[3], right[3], left[255]]).toEqual([0.25, 0.25, 0.25]);
    expect(engine.endFrame).toBe(frameOf(12, 120));
  });

  it('unmutes a clip when the document says so, from the next block', () => {
    const samples = { a: { planes: [constant(1024, 0.25)] } };
    const muted = track('t', [clip('a', { mute: true })]);
    const engine = engineWith(samples, [muted]);
    expect(nonZero(render(engine, 128)[0])).toEqual([]);
    const unmuted = { ...muted, clips: [clip('a')] };
    const compile = (project: Project) => compileEngineDocument(project, (sourceId) => sourceId);
    const changes = engineDocumentChanges(compile(projectOf([muted])), compile(projectOf([unmuted])));
    expect(changes.map((change) => change.type)).toEqual(['set-clips']);
    for (const change of changes) engine.command(change);
    expect(render(engine, 128)[0][0]).toBe(0.25);
  });

  it('converts rates: 44.1 kHz sources and varispeed keep pitch-correct lengths', () => {
    const cd = engineWith({ a: { sampleRate: 44_100, planes: [constant(44_100, 0.5)] } }, [track('t', [clip('a', { length: 8 })])]);
    const [left] = render(cd, 2 * rate);
    expect(Math.abs((nonZero(left).at(-1) ?? 0) + 1 - rate)).toBeLessThanOrEqual(40);
    expect(left[rate / 2]).toBeCloseTo(0.5, 4);
    const fast = engineWith({ a: { planes: [constant(rate, 0.5)] } }, [track('t', [clip('a', { length: 8, rate: 2 })])]);
    expect(Math.abs((nonZero(render(fast, rate)[0]).at(-1) ?? 0) + 1 - rate / 2)).toBeLessThanOrEqual(40);
  });

  it('gives the same samples whatever the block partition', () => {
    const source = Float32Array.from({ length: 30_000 }, (_, i) => Math.sin(i / 9) * 0.8);
    const tracks = [
      track('t1', [clip('a', { start: 0.3, rate: 1.37, fadeIn: 0.05, fadeOut: 0.1, length: 2 }), clip('b', { id: 'x', start: 1, loop: true, offset: 0.01 })], { pan: 0.3 }),
      track('t2', [clip('a', { id: 'r', start: 0.77, reverse: true, gainDb: -3 })], { pan: -0.6 }),
    ];
    const samples = { a: { sampleRate: 44_100, planes: [source] }, b: { planes: [source, source.map((x) => x / 2)] } };
    const sizes = [128, 1, 37, 100, 128, 5];
    let n = 0;
    const reference = render(engineWith(samples, tracks), 96_000);
    const odd = render(engineWith(samples, tracks), 96_000, () => sizes[n++ % sizes.length] ?? 128);
    expect(odd[0]).toEqual(reference[0]);
    expect(odd[1]).toEqual(reference[1]);
  });

  it('keeps clips on their beats when the tempo changes', () => {
    const engine = engineWith({ a: { planes: [Float32Array.of(1)] } }, [track('t', [clip('a', { start: 4, length: 0.1 })])]);
    engine.command({ type: 'set-timeline', timeline: { tempo: 90, timeSignature: [4, 4], tempoChanges: [], meterChanges: [] } });
    const [left] = render(engine, frameOf(5, 90));
    expect(nonZero(left)).toEqual([frameOf(4, 90)]);
  });

  it('plays clips whose sample arrives after the document, and silences removed samples', () => {
    const engine = engineWith({}, [track('t', [clip('late')])]);
    expect(nonZero(render(engine, 128)[0])).toEqual([]);
    engine.command({ type: 'add-sample', sample: { sampleId: 'late', sampleRate: rate, frames: 4096, channelCount: 1, pcm: constant(4096, 0.5).buffer } });
    expect(render(engine, 128)[0][0]).toBe(0.5);
    engine.command({ type: 'remove-sample', sampleId: 'late' });
    expect(nonZero(render(engine, 128)[0])).toEqual([]);
  });
});

describe('engine: transport, metronome, preview and meters', () => {
  it('wraps at the loop end on the exact frame', () => {
    const source = ramp(rate * 4);
    const engine = engineWith({ a: { planes: [source] } }, [track('t', [clip('a', { length: 8 })])]);
    engine.command({ type: 'set-loop', loop: { start: 1, end: 1.5 } });
    engine.command({ type: 'seek', frame: frameOf(1, 120) });
    const loopLength = frameOf(1.5, 120) - frameOf(1, 120);
    const [left] = render(engine, loopLength * 2 + 10);
    expect(left[0]).toBe(source[frameOf(1, 120)]);
    expect(left[loopLength - 1]).toBe(source[frameOf(1.5, 120) - 1]);
    expect(left[loopLength]).toBe(source[frameOf(1, 120)]);
    expect(left[2 * loopLength + 3]).toBe(source[frameOf(1, 120) + 3]);
  });

  it('stops, seeks and reports the playhead', () => {
    const engine = engineWith({}, []);
    render(engine, 256);
    engine.command({ type: 'stop' });
    render(engine, 384);
    expect(status(engine)[statusSlots.playheadFrame]).toBe(256);
    expect(status(engine)[statusSlots.playing]).toBe(0);
    expect(status(engine)[statusSlots.blocksRendered]).toBe(5);
    engine.command({ type: 'seek', frame: 1000 });
    engine.command({ type: 'play' });
    render(engine, 128);
    expect(status(engine)[statusSlots.playheadFrame]).toBe(1128);
  });

  it('clicks on every beat when the metronome is on, accented on the bar, and is silent when off', () => {
    const engine = engineWith({}, [], { ...timeline120, beatsPerBar: 3 });
    engine.command({ type: 'set-metronome', enabled: true });
    const [left] = render(engine, frameOf(4, 120));
    const onsets = nonZero(left).filter((i, n, all) => n === 0 || i - (all[n - 1] ?? 0) > 100);
    expect(onsets).toEqual([0, 1, 2, 3].map((b) => frameOf(b, 120) + 1));
    const off = engineWith({}, []);
    expect(nonZero(render(off, rate)[0])).toEqual([]);
  });

  it('auditions on the preview channel whether or not the transport runs', () => {
    const engine = engineWith({ p: { planes: [constant(300, 0.5)] } }, []);
    engine.command({ type: 'stop' });
    engine.command({ type: 'preview', sampleId: 'p', gainDb: -6.0206 });
    expect(status(engine)[statusSlots.previewing]).toBe(1);
    const [left] = render(engine, 512);
    expect(left[0]).toBeCloseTo(0.25, 4);
    expect(nonZero(left).length).toBe(300);
    expect(status(engine)[statusSlots.previewing]).toBe(0);
  });

  it('meters each track and the master, with a peak hold that play resets', () => {
    const amplitude = 0.25;
    const sine = Float32Array.from({ length: 3 * rate }, (_, i) => amplitude * Math.sin((2 * Math.PI * 1000 * i) / rate));
    const engine = engineWith({ s: { planes: [sine] } }, [track('quiet', []), track('tone', [clip('s', { length: 6 })])]);
    render(engine, 2 * rate);
    const s = status(engine);
    const master = (slot: Parameters<typeof channelMeterIndex>[1]) => channelMeterIndex(masterMeterChannel, slot);
    expect(s[master('peakLeft')]).toBeCloseTo(amplitude, 3);
    expect(s[master('rmsRight')]).toBeCloseTo(amplitude / Math.SQRT2, 2);
    // Channels in meter order: the master, then the tracks.
    expect(s[channelMeterIndex(2, 'peakLeft')]).toBeCloseTo(amplitude, 3);
    expect(s[channelMeterIndex(1, 'peakLeft')]).toBe(0);
    expect(s[master('peakHoldLeft')]).toBeCloseTo(amplitude, 3);
    expect(s[channelMeterIndex(2, 'peakHoldRight')]).toBeCloseTo(amplitude, 3);
    engine.command({ type: 'stop' });
    render(engine, rate);
    expect(status(engine)[master('peakLeft')]).toBeLessThan(amplitude / 2);
    engine.command({ type: 'reset-peak-hold' });
    render(engine, 128);
    expect(status(engine)[master('peakHoldLeft')]).toBe(0);
    expect(status(engine)[channelMeterIndex(2, 'peakHoldLeft')]).toBe(0);
  });

  it("shows on the master's meter what leaves the engine: the mix, the click and the preview", () => {
    const master = (slot: Parameters<typeof channelMeterIndex>[1]) => channelMeterIndex(masterMeterChannel, slot);
    const previewed = engineWith({ p: { planes: [constant(4096, 0.5)] } }, []);
    previewed.command({ type: 'stop' });
    previewed.command({ type: 'preview', sampleId: 'p', gainDb: -6.0206 });
    render(previewed, 1024);
    expect(status(previewed)[master('peakLeft')]).toBeCloseTo(0.25, 3);
    const clicking = engineWith({}, []);
    clicking.command({ type: 'set-metronome', enabled: true });
    render(clicking, 1024);
    expect(status(clicking)[master('peakHoldLeft')]).toBeGreaterThan(0.25);
  });
});

describe('compileEngineDocument', () => {
  it('passes the mute of each clip to the engine', () => {
    const base = createEmptyProject();
    const clips = [true, false].map((mute, i) => ({ kind: 'audio' as const, id: `c${i}`, name: '', source: 's1', start: i, length: 1, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute, transpose: 0, detune: 0 }));
    const project = { ...base, sources: { s1: { path: 'kick.wav' } }, tracks: [{ ...createTrack('t1', 'Drums', 0), clips }] };
    const compiled = compileEngineDocument(project, (sourceId) => `pool:${sourceId}`);
    expect(compiled.clips['t1']?.map((c) => [c.id, c.sampleId, c.mute])).toEqual([
      ['c0', 'pool:s1', true],
      ['c1', 'pool:s1', false],
    ]);
  });
});

describe('engine document changes', () => {
  const compile = (project: Project) => compileEngineDocument(project, (sourceId) => sourceId);
  const a = track('a', [clip('x')]);
  const b = track('b', [clip('y')]);
  const before = compile(projectOf([a, b]));

  it('sends nothing for an equal document', () => {
    expect(engineDocumentChanges(before, compile(projectOf([a, { ...b, clips: [...b.clips] }])))).toEqual([]);
  });

  it('sends the clips of the one track whose clips changed', () => {
    const moved = { ...b, clips: [clip('y', { start: 2 })] };
    const changes = engineDocumentChanges(before, compile(projectOf([a, moved])));
    expect(changes).toEqual([{ type: 'set-clips', trackId: 'b', clips: compile(projectOf([a, moved])).clips['b'] }]);
  });

  it('sends the timeline alone when the tempo changes', () => {
    expect(engineDocumentChanges(before, compile(projectOf([a, b], { ...timeline120, tempo: 100 })))).toEqual([
      { type: 'set-timeline', timeline: { tempo: 100, timeSignature: [4, 4], tempoChanges: [], meterChanges: [] } },
    ]);
  });

  it('sends a fader, pan, mute, send level or device parameter as set-param only: no mixer, no clips', () => {
    const faded = projectOf([{ ...a, channel: { ...a.channel, gainDb: -7.5, pan: 0.25, mute: true } }, b], { ...timeline120, masterGainDb: -2 });
    expect(engineDocumentChanges(before, compile(faded))).toEqual([
      { type: 'set-param', target: 'master', param: 'gainDb', value: -2 },
      { type: 'set-param', target: 'a', param: 'gainDb', value: -7.5 },
      { type: 'set-param', target: 'a', param: 'pan', value: 0.25 },
      { type: 'set-param', target: 'a', param: 'mute', value: 1 },
    ]);
  });

  it('sends the routing, with the values of new parameters, when tracks come and go or devices are added', () => {
    const removed = engineDocumentChanges(before, compile(projectOf([b])));
    expect(removed.map((c) => c.type)).toEqual(['set-mixer']);
    const withLimiter = projectOf([{ ...a, channel: { ...a.channel, inserts: [{ id: 'd1', type: 'limiter', bypass: false, params: { ceilingDb: -3, releaseMs: 80 } }] } }, b]);
    const added = engineDocumentChanges(before, compile(withLimiter));
    expect(added).toEqual([
      {
        type: 'set-mixer',
        mixer: compile(withLimiter).mixer,
        params: [
          { target: 'd1', param: 'ceilingDb', value: -3 },
          { target: 'd1', param: 'releaseMs', value: 80 },
        ],
      },
    ]);
  });
});
