/**
 * The engine's AudioWorkletProcessor (renderer/worklets/engine-processor.ts) in Node, with only
 * the audio thread's globals stubbed (the platform: AudioWorkletProcessor, registerProcessor,
 * sampleRate, currentFrame). Playback ends in the output safety stage: a runaway channel reaches
 * the speakers muted and the status names it, while quiet audio passes bit for bit as the engine
 * made it. The offline render (export) runs the engine without that stage: the same project
 * renders unmuted there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deviceCatalog, type DeviceType } from '../../../src/devices/catalog';
import { isDeviceTypePrimed } from '../../../src/engine/devices/prime-device';
import { blockFrames, createStatusBuffer, engineProcessorName, safetyReasons, statusSlots, type EngineCommand } from '../../../src/protocol/engine';
import { clip, constant, engineCommands, engineWith, rate, render, track } from '../engine/engine-harness';

interface Processor {
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type ProcessorClass = new (options: { processorOptions: { status: SharedArrayBuffer; initialCommands: readonly EngineCommand[] } }) => Processor;

/** The worklet module, loaded by a path tsc does not follow: it is typed for the AudioWorklet scope, not Node's. */
const workletModule = '../../../renderer/worklets/engine-processor.ts';
let EngineProcessor: ProcessorClass;

beforeAll(async () => {
  const scope = globalThis as Record<string, unknown>;
  const registered = new Map<string, ProcessorClass>();
  scope['sampleRate'] = rate;
  scope['currentFrame'] = 0;
  scope['AudioWorkletProcessor'] = class {
    readonly port = { onmessage: null, postMessage: () => undefined };
  };
  scope['registerProcessor'] = (name: string, processor: ProcessorClass) => registered.set(name, processor);
  await import(/* @vite-ignore */ workletModule);
  const found = registered.get(engineProcessorName);
  if (!found) throw new Error(`${engineProcessorName} was not registered`);
  EngineProcessor = found;
});

/** Plays `blocks` blocks through a processor started with `commands`; returns the left output and the status. */
function play(commands: readonly EngineCommand[], blocks: number): { left: Float32Array; status: Float64Array } {
  const buffer = createStatusBuffer();
  const processor = new EngineProcessor({ processorOptions: { status: buffer, initialCommands: commands } });
  const left = new Float32Array(blocks * blockFrames);
  const outputs = [[new Float32Array(blockFrames), new Float32Array(blockFrames)]];
  for (let block = 0; block < blocks; block++) {
    processor.process([[]], outputs);
    left.set(outputs[0]?.[0] as Float32Array, block * blockFrames);
  }
  return { left, status: new Float64Array(buffer) };
}

describe('the engine processor', () => {
  it('primes every device type as it is built, so a device added while the song plays primes nothing on the audio thread', () => {
    const types = Object.keys(deviceCatalog) as DeviceType[];
    expect(types.filter(isDeviceTypePrimed)).toEqual([]);
    new EngineProcessor({ processorOptions: { status: createStatusBuffer(), initialCommands: [] } });
    expect(types.filter((type) => !isDeviceTypePrimed(type))).toEqual([]);
  });

  const runaway = { blast: { planes: [constant(rate, 1000)] } };
  const tracks = () => [track('quiet', []), track('loud', [clip('blast')])];

  it('mutes a runaway channel at the output and names it in the status; the engine alone, as the offline render runs it, does not', () => {
    const { left, status } = play(engineCommands(runaway, tracks()), 8);
    expect(left.every((sample) => sample === 0)).toBe(true);
    expect([status[statusSlots.safetyTrips], status[statusSlots.safetyChannel], status[statusSlots.safetyReason]]).toEqual([1, 2, safetyReasons.runaway]);
    const [offline] = render(engineWith(runaway, tracks()), 8 * blockFrames);
    expect(offline.some((sample) => Math.abs(sample) > 100)).toBe(true);
  });

  it('passes quiet audio exactly as the engine renders it, without a trip', () => {
    const quiet = { tone: { planes: [Float32Array.from({ length: rate }, (_, i) => 0.5 * Math.sin(i / 7))] } };
    const { left, status } = play(engineCommands(quiet, [track('t', [clip('tone')])]), 16);
    const [offline] = render(engineWith(quiet, [track('t', [clip('tone')])]), 16 * blockFrames);
    expect(left.some((sample) => sample !== 0)).toBe(true);
    expect(left).toEqual(offline);
    expect(status[statusSlots.safetyTrips]).toBe(0);
  });
});
