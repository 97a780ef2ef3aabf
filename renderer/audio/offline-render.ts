import { createStatusBuffer, engineProcessorName, type EngineCommand, type EngineProcessorOptions } from '../../src/protocol/engine';
import workletUrl from '../worklets/engine-processor.ts?worker&url';

/**
 * Renders `frames` frames of the engine in an OfflineAudioContext through the very processor
 * that plays live, faster than realtime. `commands` set it up (samples, document, transport)
 * before the first block. Returns the left and right channels.
 */
export async function renderOffline(commands: readonly EngineCommand[], sampleRate: number, frames: number): Promise<[Float32Array, Float32Array]> {
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: frames, sampleRate });
  await context.audioWorklet.addModule(workletUrl);
  const processorOptions: EngineProcessorOptions = { status: createStatusBuffer(), initialCommands: commands };
  const node = new AudioWorkletNode(context, engineProcessorName, {
    numberOfInputs: 0,
    numberOfOutputs: 1,
    outputChannelCount: [2],
    processorOptions,
  });
  node.connect(context.destination);
  const rendered = await context.startRendering();
  return [rendered.getChannelData(0), rendered.getChannelData(1)];
}
