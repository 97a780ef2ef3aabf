/**
 * Records the input it is fed (the chosen device's channels) into the shared ring of
 * src/protocol/capture.ts from the block after `start`, noting the AudioContext frame of the first
 * recorded sample (the recorder places the take by it). A block without input channels (the device
 * went away) records silence and is counted. Nothing in `process` allocates.
 */
import { captureHeader, captureProcessorName, captureStartFrameOffset, type CaptureCommand, type CaptureProcessorOptions, type InputChannels } from '../../src/protocol/capture';

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly header: Int32Array;
  private readonly startFrame: Float64Array;
  private readonly planes: readonly [Float32Array, Float32Array];
  private readonly ringFrames: number;
  private channels: InputChannels = [0];
  private recording = false;
  private written = 0;

  constructor(options: AudioWorkletProcessorOptions<CaptureProcessorOptions>) {
    super();
    const { header, ring, ringFrames } = options.processorOptions;
    this.header = new Int32Array(header, 0, 4);
    this.startFrame = new Float64Array(header, captureStartFrameOffset, 1);
    this.planes = [new Float32Array(ring, 0, ringFrames), new Float32Array(ring, ringFrames * 4, ringFrames)];
    this.ringFrames = ringFrames;
    this.port.onmessage = (event) => this.command(event.data as CaptureCommand);
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.recording) return true;
    const input = inputs[0] ?? [];
    const frames = input[0]?.length ?? 128;
    if (this.written === 0) this.startFrame[0] = currentFrame;
    if (input.length === 0) Atomics.add(this.header, captureHeader.silentBlocks, 1);
    for (let c = 0; c < this.channels.length; c++) {
      const source = input[Math.min(this.channels[c] ?? 0, input.length - 1)];
      const plane = this.planes[c] as Float32Array;
      let at = this.written % this.ringFrames;
      for (let i = 0; i < frames; i++) {
        plane[at] = source ? (source[i] ?? 0) : 0;
        at = at + 1 === this.ringFrames ? 0 : at + 1;
      }
    }
    this.written += frames;
    Atomics.store(this.header, captureHeader.framesWritten, this.written);
    return true;
  }

  private command(command: CaptureCommand): void {
    if (command.type === 'start') {
      this.channels = command.channels;
      this.written = 0;
      Atomics.store(this.header, captureHeader.framesWritten, 0);
      Atomics.store(this.header, captureHeader.silentBlocks, 0);
    }
    this.recording = command.type === 'start';
    Atomics.store(this.header, captureHeader.recording, this.recording ? 1 : 0);
  }
}

registerProcessor(captureProcessorName, CaptureProcessor as unknown as new (options: AudioWorkletProcessorOptions<never>) => AudioWorkletProcessor);
