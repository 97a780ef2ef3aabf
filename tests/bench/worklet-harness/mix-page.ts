/**
 * Bench page: plays a project through the block-timing processor in a realtime AudioContext
 * (48 kHz, `latencyHint: 'interactive'`, 128-frame blocks), with PCM decoded by the Node side
 * through the bridge as the app does. Exposes `startMix`, `mixTiming` and `stopMix` for the
 * benchmarks (tests/bench/dsp-load.bench.ts, soak.bench.ts), and `startSynth` (synth-worklet.bench.ts),
 * which plays held synth notes through their own timing processor into the same counters.
 */
import { parseProject } from '../../../src/model/parse-project';
import { packSample, type EngineCommand } from '../../../src/protocol/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { connectBridge } from '../../../renderer/bridge/bridge';
import { blockTimingName, synthTimingName, timingLength, timingSlots, type BlockTimingOptions, type SynthTimingOptions, type TimingSnapshot } from './block-timing';
import workletUrl from './worklet/block-timing-processor.ts?worker&url';
import synthWorkletUrl from './worklet/synth-timing-processor.ts?worker&url';

declare global {
  interface Window {
    /** Loads the project's sources, starts a context with the processor and plays from the start. */
    startMix(projectJson: string): Promise<void>;
    /** Starts a context that plays `voices` held synth notes through the synth's timing processor. */
    startSynth(voices: number): Promise<void>;
    mixTiming(): TimingSnapshot;
    stopMix(): Promise<void>;
    harnessReady: boolean;
  }
}

const bridge = await connectBridge();
let context: AudioContext | null = null;
const timing = new Float64Array(new SharedArrayBuffer(timingLength * Float64Array.BYTES_PER_ELEMENT));

window.startMix = async (projectJson) => {
  const project = parseProject(projectJson, 'bench.glowroom');
  const commands: EngineCommand[] = [];
  for (const source of Object.values(project.sources)) {
    const audio = await bridge.call('audio.load', { path: source.path });
    commands.push({ type: 'add-sample', sample: packSample(source.path, audio.sampleRate, audio.channels, (n) => new SharedArrayBuffer(n)) });
  }
  const document = compileEngineDocument(project, (sourceId) => project.sources[sourceId]?.path ?? sourceId);
  commands.push(...engineDocumentChanges(null, document), { type: 'play' });
  timing.fill(0);
  context = new AudioContext({ sampleRate: project.sampleRate, latencyHint: 'interactive' });
  await context.audioWorklet.addModule(workletUrl);
  const processorOptions: BlockTimingOptions = { timing: timing.buffer as SharedArrayBuffer, initialCommands: commands };
  const node = new AudioWorkletNode(context, blockTimingName, { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2], processorOptions });
  node.connect(context.destination);
  await context.resume();
};

window.startSynth = async (voices) => {
  timing.fill(0);
  context = new AudioContext({ sampleRate: 48_000, latencyHint: 'interactive' });
  await context.audioWorklet.addModule(synthWorkletUrl);
  const processorOptions: SynthTimingOptions = { timing: timing.buffer as SharedArrayBuffer, voices };
  const node = new AudioWorkletNode(context, synthTimingName, { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2], processorOptions });
  node.connect(context.destination);
  await context.resume();
};

window.mixTiming = () => ({
  blocks: timing[timingSlots.blocks] ?? 0,
  busyMs: timing[timingSlots.busyMs] ?? 0,
  overloads: timing[timingSlots.overloads] ?? 0,
  resolutionMs: timing[timingSlots.resolutionMs] ?? 0,
  histogram: Array.from(timing.subarray(timingSlots.histogram, timingSlots.histogram + timingSlots.histogramBins)),
});

window.stopMix = async () => {
  await context?.close();
  context = null;
};

window.harnessReady = true;
