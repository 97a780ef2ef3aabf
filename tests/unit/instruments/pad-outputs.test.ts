import { describe, expect, it } from 'vitest';
import { createChannel } from '../../../src/model/new-track';
import type { Bus, Channel, Track } from '../../../src/model/project-schema';
import { compileGraph } from '../../../src/engine/graph/compile-graph';
import { engineWith, rate, render, timeline120 } from '../engine/engine-harness';
import { drumTrack, hits, noteClip, pattern, sourcesOf } from './instrument-tracks';

/** A one-frame click at full level, then silence. */
const click = { planes: [Float32Array.from({ length: 2400 }, (_, i) => (i === 0 ? 1 : 0))] };
const bus = (id: string, channel: Partial<Channel> = {}): Bus => ({ id, name: id, colour: '#000000', channel: { ...createChannel(), ...channel } });
const limiter = { id: 'lim', type: 'limiter' as const, bypass: false, params: { ceilingDb: 0, releaseMs: 40 } };

/**
 * A drum track whose pad 0 (kick) plays into bus `b` and pad 1 (snare) into the track, both hit
 * at beat 1 (frame 24,000); `track` and `b` changed as given.
 */
function drums(trackChannel: Partial<Channel>, busChannel: Partial<Channel> = {}, kickOutput: string | null = 'b') {
  const base = drumTrack('t1', { 0: 'click', 1: 'click' }, [noteClip('n1', 'p1', 0, 4)], { 1: { gainDb: -20 } });
  const instrument = base.instrument?.type === 'drums' ? { ...base.instrument, pads: base.instrument.pads.map((pad, i) => (i === 0 ? { ...pad, output: kickOutput } : pad)) } : base.instrument;
  const track: Track = { ...base, instrument, channel: { ...base.channel, ...trackChannel } };
  const extra = { sources: sourcesOf('click'), buses: [bus('b', busChannel)], patterns: { p1: pattern(4, [...hits(36, [1]), ...hits(37, [1])]) } };
  return engineWith({ click }, [track], timeline120, rate, extra);
}

/** Where the output is not silent: [frame, value] pairs of the left channel. */
function nonZero(left: Float32Array): [number, number][] {
  const found: [number, number][] = [];
  left.forEach((value, frame) => {
    if (value !== 0) found.push([frame, value]);
  });
  return found;
}

describe('a drum pad with its own output', () => {
  it('reaches the master through its bus only: the bus gain applies, the track fader does not', () => {
    const engine = drums({ gainDb: -40 }, { gainDb: -6 });
    const [left] = render(engine, rate);
    // The kick at the bus's −6 dB; the snare (−20 dB pad) through the track's −40 dB fader.
    const kick = Math.pow(10, -6 / 20);
    const snare = Math.pow(10, -60 / 20);
    const hit = nonZero(left);
    expect(hit.map(([frame]) => frame)).toEqual([24_000]);
    expect(hit[0]?.[1]).toBeCloseTo(kick + snare, 5);
    // Muting the bus silences the kick and leaves the snare.
    const [muted] = render(drums({ gainDb: -40 }, { gainDb: -6, mute: true }), rate);
    expect(nonZero(muted)[0]?.[1]).toBeCloseTo(snare, 6);
    // Routed to the track's channel (null), the kick takes the fader too.
    const [home] = render(drums({ gainDb: -40 }, { gainDb: -6 }, null), rate);
    expect(nonZero(home)[0]?.[1]).toBeCloseTo(Math.pow(10, -40 / 20) + snare, 6);
  });

  it('skips the track’s inserts but stays in time with them: a lookahead limiter on the track delays the bus path alike', () => {
    const [left] = render(drums({ inserts: [limiter] }, {}), rate);
    const hit = nonZero(left);
    const onset = hit[0]?.[0] as number;
    expect(onset).toBeGreaterThan(24_000);
    // Both pads land on the same frame: the kick at full level (1, untouched by the limiter) plus the limited snare.
    expect(hit[0]?.[1]).toBeGreaterThan(1);
  });

  it('is silenced by its track’s mute, and heard in its bus when the track is soloed', () => {
    const [muted] = render(drums({ mute: true }), rate);
    expect(nonZero(muted)).toEqual([]);
    // Soloed, its pads are heard in their bus (kick 1 + snare 0.1).
    const [soloed] = render(drums({ solo: true }), rate);
    const hit = nonZero(soloed);
    expect(hit.map(([frame]) => frame)).toEqual([24_000]);
    expect(hit[0]?.[1]).toBeCloseTo(1.1, 5);
  });

  it('is an edge of the graph: the bus is processed after the drum track, its latency compensated', () => {
    const channel = (id: string, kind: 'track' | 'bus' | 'master', output: string | null, extra = {}) => ({ id, kind, output, solo: false, soloSafe: false, inserts: [], sends: [], ...extra });
    const pads = Array.from({ length: 16 }, (_, i) => ({ sampleId: null, params: [], output: i === 3 ? 'b' : null }));
    const mixer = {
      channels: [
        channel('master', 'master', null),
        channel('b', 'bus', 'master'),
        channel('t1', 'track', 'master', { instrument: { id: 'd', type: 'drums' as const, zone: null, pads } }),
        channel('t2', 'track', 'b'),
      ],
    };
    const { graph } = compileGraph(mixer, (index) => (index === 3 ? 64 : 0));
    expect(graph?.order.indexOf(1)).toBeGreaterThan(graph?.order.indexOf(2) as number);
    // The bus's other input (t2) is 64 frames late: the pad path waits as long.
    expect(graph?.padRoutes[2]).toEqual([{ from: 2, to: 1, output: 0, delay: 64 }]);
  });
});
