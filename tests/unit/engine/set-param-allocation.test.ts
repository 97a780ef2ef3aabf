import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/devices/catalog';
import { createChannel } from '../../../src/model/new-track';
import type { EngineCommand } from '../../../src/protocol/engine';
import { scavengesDuring } from '../../support/garbage-collections';
import { engineWith, render, track } from './engine-harness';

/**
 * A fader ride or a knob turn reaches the audio thread as a stream of `set-param` messages: the
 * engine must find the parameter without building anything per message (a string key per message
 * was garbage per fader move). Messages arrive as fresh objects with fresh strings, as a port
 * delivers them: the ids below are rebuilt per message outside the measured loop.
 */
describe('set-param on the audio thread', () => {
  it('moves 1,000,000 channel, send and device parameters without a garbage collection', async () => {
    const eq = { id: 'eq-1', type: 'eq' as const, bypass: false, params: defaultParams('eq') };
    const engine = engineWith({}, [track('t1', [], { inserts: [eq], sends: [{ id: 'send-1', target: 'bus', levelDb: -6, tap: 'post' }], output: 'master' })], undefined, undefined, {
      buses: [{ id: 'bus', name: 'Bus', colour: '#000000', channel: createChannel() }],
    });
    render(engine, 1024);
    const addresses = [
      ['t1', 'gainDb'],
      ['t1', 'pan'],
      ['send-1', 'levelDb'],
      ['eq-1', 'p2GainDb'],
      ['eq-1', 'p2Hz'],
      ['bus', 'gainDb'],
      ['nobody', 'gainDb'],
      ['eq-1', 'noSuchParam'],
    ] as const;
    // Fresh strings per message, made before the count, as structured clone makes them; fractional values, as a fader sends.
    const messages = (count: number): EngineCommand[] =>
      Array.from({ length: count }, (_, i) => {
        const [target, param] = addresses[i % addresses.length] as (typeof addresses)[number];
        return { type: 'set-param', target: target.split('').join(''), param: param.split('').join(''), value: -(i % 12) - 0.25 };
      });
    const send = (batch: EngineCommand[]) => () => {
      for (let i = 0; i < batch.length; i++) engine.command(batch[i] as EngineCommand);
    };
    send(messages(50_000))();
    // A million messages: a key of even 32 bytes each would fill the young generation twice (3 scavenges measured with the string key).
    expect(await scavengesDuring(send(messages(1_000_000)))).toBe(0);
  }, 120_000);
});
