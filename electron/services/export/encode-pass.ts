import { readFileSync } from 'node:fs';
import { LoudnessMeter, type LoudnessResult } from '../../../src/analysis/loudness/loudness-meter';
import type { AudioTags } from '../../../src/codecs/audio-tags';
import { MIX_CHUNK_FRAMES } from '../render/mix-file';
import { MemorySink, openEncoder, reportsHeard, type StreamEncoder } from './encoders';
import type { ExportFormat } from './export-job';
import { FileSink } from './file-sink';
import type { Stereo } from './master-chain';

/** Where an export's file goes: `temp` (staged), named in messages as `target`. */
export interface FileOutput {
  readonly target: string;
  readonly temp: string;
}

/** What an encode pass writes: the format and its tags at a rate, `frames` long (null: as long as what is pushed). */
export interface EncodeSpec {
  readonly format: ExportFormat;
  readonly sampleRate: number;
  readonly tags: AudioTags | undefined;
  readonly frames: number | null;
  /**
   * Frames the file has whatever the render's tail does (the span), known before the render
   * ends: an MP3 places the seam of its two-thread encode from it, so the file's bytes are the
   * same whether its pass ran beside the render or after it.
   */
  readonly leastFrames?: number;
}

/**
 * One pass of the written file: the master stage's output encoded into `output.temp` (into
 * memory when there is no output) and measured as the listener's decoder reads it: lossless
 * formats as they are encoded (the encoder hands over the decoded samples), MP3 by decoding the
 * written bytes a chunk at a time at the end. The same work wherever it runs: on the export's
 * thread after the render, or in the encode worker while the render goes on.
 */
export class EncodePass {
  private readonly meter: LoudnessMeter;
  private readonly heard: Stereo = [new Float32Array(MIX_CHUNK_FRAMES), new Float32Array(MIX_CHUNK_FRAMES)];
  private readonly lossless: boolean;

  private constructor(
    private readonly spec: EncodeSpec,
    private readonly output: FileOutput | null,
    private readonly file: FileSink | null,
    private readonly memory: MemorySink | null,
    private readonly encoder: StreamEncoder,
  ) {
    this.lossless = reportsHeard(spec.format);
    this.meter = new LoudnessMeter(spec.sampleRate, 2, undefined, { truePeak: true });
  }

  static async open(spec: EncodeSpec, output: FileOutput | null): Promise<EncodePass> {
    const file = output ? new FileSink(output.temp, output.target) : null;
    const memory = file ? null : new MemorySink();
    try {
      const encoder = await openEncoder(spec.format, spec.sampleRate, 2, spec.frames, spec.tags, file ?? (memory as MemorySink), spec.leastFrames);
      return new EncodePass(spec, output, file, memory, encoder);
    } catch (error) {
      file?.close();
      throw error;
    }
  }

  /** Frames [0, frames) of the master's output (frames ≤ MIX_CHUNK_FRAMES), in order. */
  push(planes: Stereo, frames: number): void {
    this.encoder.push(planes, frames, this.heard);
    if (this.lossless) this.meter.push(this.heard, frames);
  }

  /** Completes the file (durable on disk) and measures it. */
  async finish(): Promise<LoudnessResult> {
    await this.encoder.finish();
    this.file?.finish();
    if (this.lossless) return this.meter.result();
    const bytes = this.file && this.output ? readFileSync(this.output.temp) : (this.memory as MemorySink).bytes();
    // Loaded only here: the MP3 decoder is of no use to the other formats' passes.
    const { measureWrittenMp3 } = await import('./measure-written');
    return measureWrittenMp3(bytes, this.spec.sampleRate);
  }

  /** Closes the file without making it durable (after a failure; harmless after `finish`). */
  close(): void {
    this.file?.close();
  }
}
