import { describe, expect, it } from 'vitest';
import { createChannel } from '../../../src/model/new-track';
import { defaultParams } from '../../../src/devices/catalog';
import { createTrack } from '../../../src/model/new-track';
import { routingLoop, type Bus, type Device, type Track } from '../../../src/model/project-schema';
import { topologicalOrder } from '../../../src/std/topological-order';

const bus = (id: string, name: string, output: string, sends: string[] = []): Bus => ({
  id,
  name,
  colour: '#000000',
  channel: { ...createChannel(), output, sends: sends.map((target, i) => ({ id: `${id}-x${i}`, target, levelDb: 0, tap: 'post' })) },
});

describe('topologicalOrder', () => {
  it('puts every node after what feeds it and keeps the given order otherwise', () => {
    const edges: Record<string, string[]> = { t1: ['b2'], t2: ['master'], b1: ['master'], b2: ['b1'], master: [] };
    expect(topologicalOrder(['t1', 't2', 'b1', 'b2', 'master'], (n) => edges[n] ?? [])).toEqual({ order: ['t1', 't2', 'b2', 'b1', 'master'] });
    expect(topologicalOrder(['a', 'b', 'c'], () => [])).toEqual({ order: ['a', 'b', 'c'] });
  });

  it('names a loop as a path that comes back to its start', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['a'] };
    const result = topologicalOrder(['d', 'a', 'b', 'c'], (n) => edges[n] ?? []);
    expect(result.loop).toHaveLength(4);
    expect(result.loop?.[0]).toBe(result.loop?.[3]);
    expect(new Set(result.loop)).toEqual(new Set(['a', 'b', 'c']));
  });
});

describe('routingLoop', () => {
  it('is null for routing that ends in the master', () => {
    expect(routingLoop({ tracks: [], buses: [bus('b1', 'Verb', 'master'), bus('b2', 'Delay', 'b1', ['b1'])] })).toBeNull();
  });

  it('says which buses loop, by name, through outputs and sends', () => {
    expect(routingLoop({ tracks: [], buses: [bus('b1', 'Verb', 'b2'), bus('b2', 'Delay', 'master', ['b1'])] })).toMatch(/^(Verb → Delay → Verb|Delay → Verb → Delay)$/);
    expect(routingLoop({ tracks: [], buses: [bus('b1', '', 'b1')] })).toBe('b1 → b1');
  });

  it('counts a sidechain as an edge from its source to the listening channel', () => {
    const keyed = (sidechain: string): Device => ({ id: `c-${sidechain}`, type: 'compressor', bypass: false, params: defaultParams('compressor'), sidechain });
    const track = (id: string, output: string, inserts: Device[] = []): Track => {
      const base = createTrack(id, id === 't1' ? 'Bass' : 'Kick', 0);
      return { ...base, channel: { ...base.channel, output, inserts } };
    };
    // The bass ducks under the kick: fine.
    expect(routingLoop({ tracks: [track('t1', 'master', [keyed('t2')]), track('t2', 'master')], buses: [] })).toBeNull();
    // The bass feeds the Glue bus and listens to it: Glue would have to run before and after the bass.
    const glue: Bus = { ...bus('b1', 'Glue', 'master'), id: 'b1' };
    expect(routingLoop({ tracks: [track('t1', 'b1', [keyed('b1')])], buses: [glue] })).toMatch(/^(Bass → Glue → Bass|Glue → Bass → Glue)$/);
  });
});
