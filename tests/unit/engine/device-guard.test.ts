import { describe, expect, it, vi } from 'vitest';
import type { DeviceProcessor } from '../../../src/engine/devices/device-processor';
import type * as Registry from '../../../src/engine/devices/registry';
import type { Device, Track } from '../../../src/model/project-schema';
import { blockFrames, channelMeterIndex, statusSlots } from '../../../src/protocol/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { clip, constant, engineWith, projectOf, rate, render, status, track } from './engine-harness';

/** Resets of the faulty devices, counted by the wrapper below. */
const resets = { count: 0 };

// A device that breaks like a real one can: its utility works until its gain goes above 20 dB,
// then it writes NaN into frame 5 of every block it processes.
vi.mock('../../../src/engine/devices/registry', async (importOriginal) => {
  const real = await importOriginal<typeof Registry>();
  return {
    ...real,
    createDeviceProcessor: (type: Parameters<typeof real.createDeviceProcessor>[0], sampleRate: number): DeviceProcessor => {
      const inner = real.createDeviceProcessor(type, sampleRate);
      return {
        latencyFrames: inner.latencyFrames,
        process(left, right, params, frames, context) {
          inner.process(left, right, params, frames, context);
          if ((params.end[params.base] as number) > 20) left[5] = NaN;
        },
        reset() {
          resets.count++;
          inner.reset();
        },
        gainReductionDb: inner.gainReductionDb,
      };
    },
  };
});

const utility = (id: string, bypass = false): Device => ({ id, type: 'utility', bypass, params: { gainDb: 0, pan: 0, width: 100, mono: 0, invertLeft: 0, invertRight: 0 } });
const samples = { bass: { planes: [constant(4 * rate, 0.25)] }, keys: { planes: [constant(4 * rate, 0.125)] } };
const tracksWith = (bypass: boolean): Track[] => [
  track('bass', [clip('bass', { length: 8 })], { inserts: [utility('eq', bypass)] }),
  track('keys', [clip('keys', { length: 8 })], { inserts: [utility('keys-utility')] }),
];
/** Meter order: the master, then the tracks. */
const bassChannel = 1;
const keysChannel = 2;

function blocksUntilFault(engine: ReturnType<typeof engineWith>): Float32Array[] {
  const blocks: Float32Array[] = [];
  while ((status(engine)[statusSlots.deviceFaults] ?? 0) === 0 && blocks.length < 100) blocks.push(render(engine, blockFrames)[0]);
  return blocks;
}

describe('the device guard', () => {
  it('silences the block a device filled with NaN, resets the device, switches it off and reports it once; other channels play on', () => {
    resets.count = 0;
    const keysAlone = render(engineWith(samples, [tracksWith(false)[1] as Track]), blockFrames)[0][0] as number;
    const engine = engineWith(samples, tracksWith(false));
    const healthy = render(engine, blockFrames)[0][0] as number;
    engine.command({ type: 'set-param', target: 'eq', param: 'gainDb', value: 24 });
    const blocks = blocksUntilFault(engine);
    const faultBlock = blocks[blocks.length - 1] as Float32Array;
    // The bass's whole block is silent, the keys' sound in it untouched, and nothing invalid reached the output.
    expect([...faultBlock].every((x) => x === keysAlone)).toBe(true);
    expect(blocks.every((block) => block.every(Number.isFinite))).toBe(true);
    expect(resets.count).toBe(1);

    // From the next block on the device is off: the bass passes through dry, as before the ride.
    const [after] = render(engine, 20 * blockFrames);
    expect(after.every((x) => x === healthy)).toBe(true);
    expect(resets.count).toBe(1);

    const report = status(engine);
    expect(report[statusSlots.deviceFaults]).toBe(1);
    expect(report[statusSlots.deviceFaultChannel]).toBe(bassChannel);
    expect(report[statusSlots.deviceFaultInsert]).toBe(0);
    expect(report[channelMeterIndex(bassChannel, 'faultedInserts')]).toBe(1);
    expect(report[channelMeterIndex(keysChannel, 'faultedInserts')]).toBe(0);
    // The output safety stage had nothing to catch.
    expect(report[channelMeterIndex(0, 'fault')]).toBe(0);
  });

  it('stays off through other routing changes and runs again once the user bypasses it and turns it back on', () => {
    const engine = engineWith(samples, tracksWith(false));
    engine.command({ type: 'set-param', target: 'eq', param: 'gainDb', value: 24 });
    blocksUntilFault(engine);
    const documentOf = (bypass: boolean, extraTrack = false) =>
      compileEngineDocument(projectOf([...tracksWith(bypass), ...(extraTrack ? [track('pad', [])] : [])]), (id) => id);
    const send = (from: ReturnType<typeof documentOf>, to: ReturnType<typeof documentOf>) => {
      for (const command of engineDocumentChanges(from, to)) if (command.type === 'set-mixer') engine.command({ ...command, params: [] });
    };
    // A new track elsewhere recompiles the graph; the device stays off.
    send(documentOf(false), documentOf(false, true));
    render(engine, 10 * blockFrames);
    expect(status(engine)[statusSlots.deviceFaults]).toBe(1);
    expect(status(engine)[channelMeterIndex(bassChannel, 'faultedInserts')]).toBe(1);
    // Bypass, then on again: it processes again (and, its gain still above 20 dB, is caught again).
    send(documentOf(false, true), documentOf(true, true));
    render(engine, blockFrames);
    expect(status(engine)[channelMeterIndex(bassChannel, 'faultedInserts')]).toBe(0);
    send(documentOf(true, true), documentOf(false, true));
    const [left] = render(engine, blockFrames);
    expect(left.every(Number.isFinite)).toBe(true);
    expect(status(engine)[statusSlots.deviceFaults]).toBe(2);
  });

  it('does not blame a device for invalid audio it was given', () => {
    const broken = { planes: [Float32Array.from({ length: rate }, (_, i) => (i === 300 ? Infinity : 0.25))] };
    const engine = engineWith({ ...samples, bass: broken }, tracksWith(false));
    render(engine, 4 * blockFrames);
    expect(status(engine)[statusSlots.deviceFaults]).toBe(0);
    expect(status(engine)[channelMeterIndex(bassChannel, 'faultedInserts')]).toBe(0);
  });
});
