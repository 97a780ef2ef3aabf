import { closeSync, openSync, readSync } from 'node:fs';
import { aiffSampleLayout } from '../../../src/codecs/aiff';
import { isDamagedFloat } from '../../../src/codecs/limits';
import type { SampleLayout } from '../../../src/codecs/pcm-stream';
import { wavSampleLayout } from '../../../src/codecs/wav';
import { Pcm24Placer, PCM24_FRAME_BYTES } from '../../../src/dsp/wasm/place-pcm24';
import { blockFrames } from '../../../src/protocol/engine';
import type { PooledSample, SamplePlacer, SampleWindow } from '../../../src/engine/sample-pool';

/** Frames a window holds: 2^16 (1.4 s at 48 kHz; 0.5 MiB of float planes for stereo). */
const WINDOW_FRAMES = 65_536;
/** Windows kept per source, so clips reading one file at different places do not evict each other. */
const WINDOWS_PER_SOURCE = 4;
/** Bytes read to find a WAV or AIFF file's format and audio chunks; metadata chunks rarely take more. */
const HEAD_BYTES = 256 * 1024;

interface Window {
  /** Its place in `windows`, and in the placer's byte room. */
  readonly slot: number;
  start: number;
  /** Frames loaded. */
  length: number;
  /** One plane per channel, WINDOW_FRAMES long (longer when a read asked for more). */
  planes: Float32Array[];
  view: SampleWindow;
  /** When the window last served a read (a counter, for least-recently-used replacement). */
  used: number;
  /** Whether its bytes sit in the placer's room (WINDOW_FRAMES frames at most) ... */
  placed: boolean;
  /** ... and whether `planes` hold them yet (they are converted when a read asks for them). */
  converted: boolean;
}

/**
 * Uncompressed frames read from disk a window at a time, for an offline render: a WAV or AIFF
 * source, or the PCM a compressed source was decoded to (spilled-source.ts). The render holds a
 * few windows per source instead of the decoded file, so its memory follows the work, not the
 * song's length. Reads are synchronous (the render runs in a worker thread) and open the file
 * for each window, so nothing stays open when a render stops early. Samples come out exactly as
 * the whole-file decoder gives them.
 */
export class StreamedPcm implements PooledSample, SamplePlacer {
  readonly sampleRate: number;
  readonly frames: number;
  readonly channelCount: number;
  /** This source itself for a stereo 24-bit WAV, whose windows' bytes stay in a `Pcm24Placer`'s room; null otherwise. */
  readonly placer: SamplePlacer | null;
  private readonly kernel: Pcm24Placer | null;
  private readonly windows: Window[] = [];
  private reads = 0;
  /** The window that served the last read: a miss just before it means the reads run backwards. */
  private last: Window | null = null;
  private bytes = new Uint8Array(0);
  private everything: Float32Array[] | null = null;

  private constructor(
    private readonly file: string,
    private readonly layout: SampleLayout,
  ) {
    this.sampleRate = layout.sampleRate;
    this.frames = layout.frames;
    this.channelCount = layout.channelCount;
    this.kernel = layout.stereo24le === true ? new Pcm24Placer(WINDOWS_PER_SOURCE * WINDOW_FRAMES * PCM24_FRAME_BYTES, blockFrames) : null;
    this.placer = this.kernel ? this : null;
  }

  /** Frames laid out as `layout` says in `file`, as a streamed source. */
  static of(file: string, layout: SampleLayout): StreamedPcm {
    return new StreamedPcm(file, layout);
  }

  /**
   * A WAV or AIFF file as a streamed source, or null when it is neither, its head does not hold
   * its layout, it has no frames, or its float samples need repair (the whole-file decoder makes
   * those silent, with a note, or refuses the file). Throws what the decoder throws for a
   * damaged header.
   */
  static open(file: string, fileBytes: number, name: string): StreamedPcm | null {
    const head = new Uint8Array(Math.min(HEAD_BYTES, fileBytes));
    const fd = openSync(file, 'r');
    let layout: SampleLayout | null;
    try {
      readSync(fd, head, 0, head.length, 0);
      const form = head.length >= 12 ? String.fromCharCode(...head.subarray(8, 12)) : '';
      const headerAt = (at: number): Uint8Array => {
        const header = new Uint8Array(8);
        return header.subarray(0, readSync(fd, header, 0, 8, at));
      };
      layout = form === 'WAVE' ? wavSampleLayout(head, fileBytes, headerAt, name) : form === 'AIFF' || form === 'AIFC' ? aiffSampleLayout(head, fileBytes, headerAt, name) : null;
    } finally {
      closeSync(fd);
    }
    if (!layout || layout.frames === 0) return null;
    const streamed = new StreamedPcm(file, layout);
    return layout.encoding === 'float' && streamed.hasDamagedFloat() ? null : streamed;
  }

  read(from: number, to: number): SampleWindow {
    const window = this.windowOver(Math.max(0, from), Math.min(this.frames, to), false);
    if (!window.converted) this.convert(window);
    return window.view;
  }

  place(from: number, frames: number, at: number, gains: Float64Array, stripLeft: Float32Array, stripRight: Float32Array, outLeft: Float32Array, outRight: Float32Array): void {
    const kernel = this.kernel as Pcm24Placer;
    const window = this.windowOver(from, from + frames, true);
    kernel.gains.set(gains);
    kernel.place(window.slot * WINDOW_FRAMES * PCM24_FRAME_BYTES + (from - window.start) * PCM24_FRAME_BYTES, frames, at, stripLeft, stripRight, outLeft, outRight);
  }

  /** The window holding frames [first, end), loaded when none does; `placed`: one whose bytes sit in the placer's room. */
  private windowOver(first: number, end: number, placed: boolean): Window {
    this.reads++;
    for (const window of this.windows) {
      if (window.start <= first && window.start + window.length >= end && (window.placed || !placed)) {
        window.used = this.reads;
        this.last = window;
        return window;
      }
    }
    const loaded = this.load(first, end);
    this.last = loaded;
    return loaded;
  }

  whole(): readonly Float32Array[] {
    if (!this.everything) {
      const planes = Array.from({ length: this.channelCount }, () => new Float32Array(this.frames));
      for (let start = 0; start < this.frames; start += WINDOW_FRAMES) {
        const window = this.read(start, Math.min(this.frames, start + WINDOW_FRAMES));
        planes.forEach((plane, c) => plane.set((window.planes[c] as Float32Array).subarray(start - window.start, start - window.start + Math.min(WINDOW_FRAMES, this.frames - start)), start));
      }
      this.everything = planes;
    }
    return this.everything;
  }

  /** Loads a window covering [first, end): onwards from `first` for a forward read, back from `end` when the read moved backwards (reverse play). */
  private load(first: number, end: number): Window {
    const size = Math.max(WINDOW_FRAMES, end - first);
    const backwards = this.last !== null && first < this.last.start && end > this.last.start - size;
    const start = Math.max(0, Math.min(backwards ? end - size : first, this.frames - size));
    const length = Math.min(size, this.frames - start);
    const window = this.windowFor();
    const kernel = this.kernel;
    window.placed = kernel !== null && size === WINDOW_FRAMES;
    const room = window.slot * WINDOW_FRAMES * PCM24_FRAME_BYTES;
    const bytes = window.placed ? (kernel as Pcm24Placer).bytes.subarray(room, room + length * PCM24_FRAME_BYTES) : this.bufferFor(length * this.layout.frameBytes);
    const fd = openSync(this.file, 'r');
    try {
      let done = 0;
      while (done < bytes.length) {
        const got = readSync(fd, bytes, done, bytes.length - done, this.layout.dataStart + start * this.layout.frameBytes + done);
        if (got === 0) throw new Error(`${this.file} became shorter while it was being rendered.`);
        done += got;
      }
    } finally {
      closeSync(fd);
    }
    window.start = start;
    window.length = length;
    window.used = this.reads;
    window.converted = false;
    if (!window.placed) this.convert(window, bytes);
    return window;
  }

  /** Fills the window's planes from its bytes (`bytes`, or its room in the placer). */
  private convert(window: Window, bytes?: Uint8Array): void {
    const { length, start } = window;
    const room = window.slot * WINDOW_FRAMES * PCM24_FRAME_BYTES;
    const source = bytes ?? (this.kernel as Pcm24Placer).bytes.subarray(room, room + length * PCM24_FRAME_BYTES);
    if ((window.planes[0]?.length ?? 0) < length) window.planes = Array.from({ length: this.channelCount }, () => new Float32Array(Math.max(WINDOW_FRAMES, length)));
    for (let c = 0; c < this.channelCount; c++) this.layout.readInto(source, c, length, window.planes[c] as Float32Array, 0);
    window.view = { planes: window.planes.map((plane) => plane.subarray(0, length)), start };
    window.converted = true;
  }

  /** Whether any float sample is damaged (see `isDamagedFloat`): one pass over the file, a window at a time. */
  private hasDamagedFloat(): boolean {
    for (let start = 0; start < this.frames; start += WINDOW_FRAMES) {
      const window = this.read(start, Math.min(this.frames, start + WINDOW_FRAMES));
      for (const plane of window.planes) for (const sample of plane) if (isDamagedFloat(sample)) return true;
    }
    return false;
  }

  /** A free window slot or the least recently used one (its planes are sized when converted). */
  private windowFor(): Window {
    if (this.windows.length < WINDOWS_PER_SOURCE) {
      const window: Window = { slot: this.windows.length, start: 0, length: 0, planes: [], view: { planes: [], start: 0 }, used: 0, placed: false, converted: false };
      this.windows.push(window);
      return window;
    }
    return this.windows.reduce((oldest, candidate) => (candidate.used < oldest.used ? candidate : oldest));
  }

  private bufferFor(length: number): Uint8Array {
    if (this.bytes.length < length) this.bytes = new Uint8Array(length);
    return this.bytes.subarray(0, length);
  }
}
