import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/devices/catalog';
import type { AutomationLane } from '../../../src/model/project-schema';
import type { EngineCommand } from '../../../src/protocol/engine';
import { scavengesDuring } from '../../support/garbage-collections';
import { constant, clip, engineWith, rate, render, timeline120, track } from './engine-harness';

/**
 * A control touched while the transport plays (automation Touch, Latch or Write) reaches the
 * audio thread as `write-automation`, once per touch and once per release: the engine must hand
 * the parameter to the control and back without building anything (a string key per message was
 * garbage per touch). Messages arrive as fresh objects with fresh strings, as a port delivers
 * them: they are built before the measured loop.
 */
describe('write-automation on the audio thread', () => {
  it('takes 1,000,000 touches and releases of automated and unautomated parameters, playing and stopped, without a garbage collection', async () => {
    const eq = { id: 'eq-1', type: 'eq' as const, bypass: false, params: defaultParams('eq') };
    const lanes: AutomationLane[] = [
      { target: 't1', param: 'gainDb', points: [{ beat: 0, value: -24, curve: 'linear' }, { beat: 1, value: 0, curve: 'exponential' }, { beat: 2, value: -6, curve: 'hold' }] },
      { target: 'eq-1', param: 'p2Hz', points: [{ beat: 0, value: 200, curve: 'exponential' }, { beat: 4, value: 4000, curve: 'linear' }] },
      { target: 'send-1', param: 'levelDb', points: [{ beat: 0.5, value: -30, curve: 'linear' }, { beat: 3, value: 0, curve: 'linear' }] },
    ];
    const dc = constant(rate, 0.5);
    const engine = engineWith({ dc: { planes: [dc, dc] } }, [track('t1', [clip('dc', { loop: true, length: 8 })], { inserts: [eq], sends: [{ id: 'send-1', target: 'master', levelDb: -6, tap: 'post' }] })], timeline120, rate, {
      automation: lanes,
    });
    render(engine, 4096);
    const addresses = [
      ['t1', 'gainDb'],
      ['eq-1', 'p2Hz'],
      ['send-1', 'levelDb'],
      ['t1', 'pan'],
      ['eq-1', 'p2GainDb'],
      ['nobody', 'gainDb'],
    ] as const;
    // Per address a touch then a release; fresh strings per message, made before the count.
    const messages = (count: number): EngineCommand[] =>
      Array.from({ length: count }, (_, i) => {
        const [target, param] = addresses[(i >> 1) % addresses.length] as (typeof addresses)[number];
        return { type: 'write-automation', target: target.split('').join(''), param: param.split('').join(''), writing: i % 2 === 0 };
      });
    const send = (batch: EngineCommand[]) => () => {
      for (let i = 0; i < batch.length; i++) engine.command(batch[i] as EngineCommand);
    };
    send(messages(60_000))();
    // Playing: each message binds the lanes again and marks a jump (the next segment glides).
    expect(await scavengesDuring(send(messages(1_000_000)))).toBe(0);
    // Stopped: each message also holds the lanes' values at the playhead.
    engine.command({ type: 'stop' });
    send(messages(60_000))();
    expect(await scavengesDuring(send(messages(1_000_000)))).toBe(0);
  }, 120_000);

  it('hands a written parameter to set-param and back to its lane, keyed by the slot, across a routing change', () => {
    const lanes: AutomationLane[] = [{ target: 't1', param: 'gainDb', points: [{ beat: 0, value: -12, curve: 'linear' }] }];
    const dc = constant(4 * rate, 1);
    const engine = engineWith({ dc: { planes: [dc, dc] } }, [track('t1', [clip('dc', { length: 8 })])], timeline120, rate, { automation: lanes });
    render(engine, 1024);
    engine.command({ type: 'write-automation', target: 't1', param: 'gainDb', writing: true });
    engine.command({ type: 'set-param', target: 't1', param: 'gainDb', value: 0 });
    expect(render(engine, 8192)[0][8191]).toBeCloseTo(1, 6);
    // A routing change (an insert added) builds a new parameter table: the control still writes.
    const eq = { id: 'eq-1', type: 'eq' as const, bypass: false, params: defaultParams('eq') };
    engine.command({ type: 'set-mixer', mixer: { channels: [{ id: 'master', kind: 'master', output: null, solo: false, soloSafe: false, inserts: [], sends: [] }, { id: 't1', kind: 'track', output: 'master', solo: false, soloSafe: false, inserts: [{ ...eq, sidechain: null }], sends: [] }] }, params: [] });
    expect(render(engine, 8192)[0][8191]).toBeCloseTo(1, 6);
    engine.command({ type: 'write-automation', target: 't1', param: 'gainDb', writing: false });
    expect(render(engine, 8192)[0][8191]).toBeCloseTo(10 ** (-12 / 20), 6);
  });
});
