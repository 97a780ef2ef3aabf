/**
 * The AudioWorkletGlobalScope, which TypeScript's DOM library does not describe. Only what the
 * processors use is declared.
 */
declare const sampleRate: number;
declare const currentFrame: number;
declare const currentTime: number;

interface AudioWorkletProcessorOptions<T> {
  readonly numberOfInputs?: number;
  readonly numberOfOutputs?: number;
  readonly outputChannelCount?: number[];
  readonly processorOptions: T;
}

interface WorkletMessagePort {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

declare abstract class AudioWorkletProcessor {
  readonly port: WorkletMessagePort;
  abstract process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean;
}

declare function registerProcessor(
  name: string,
  processor: new (options: AudioWorkletProcessorOptions<never>) => AudioWorkletProcessor,
): void;

/** Present in some AudioWorklet scopes only; DspLoadMeter falls back to Date.now(). */
declare const performance: { now(): number } | undefined;
