import { closeSync, openSync, readSync } from 'node:fs';
import { aiffSampleLayout } from '../../../src/codecs/aiff';
import { isDamagedFloat } from '../../../src/codecs/limits';
import type { SampleLayout } from '../../../src/codecs/pcm-stream';
import { wavSampleLayout } from '../../../src/codecs/wav';
import type { PooledSample, SampleWindow } from '../../../src/engine/sample-pool';

/** Frames a window holds: 2^16 (1.4 s at 48 kHz; 0.5 MiB of float planes for stereo). */
const WINDOW_FRAMES = 65_536;
/** Windows kept per source, so clips reading one file at different places do not evict each other. */
const WINDOWS_PER_SOURCE = 4;
/** Bytes read to find a WAV or AIFF file's format and audio chunks; metadata chunks rarely take more. */
const HEAD_BYTES = 256 * 1024;

interface Window {
  start: number;
  /** Frames loaded. */
  length: number;
  /** One plane per channel, WINDOW_FRAMES long (longer when a read asked for more). */
  planes: Float32Array[];
  view: SampleWindow;
  /** When the window last served a read (a counter, for least-recently-used replacement). */
  used: number;
}

/**
 * Uncompressed frames read from disk a window at a time, for an offline render: a WAV or AIFF
 * source, or the PCM a compressed source was decoded to (spilled-source.ts). The render holds a
 * few windows per source instead of the decoded file, so its memory follows the work, not the
 * song's length. Reads are synchronous (the render runs in a worker thread) and open the file
 * for each window, so nothing stays open when a render stops early. Samples come out exactly as
 * the whole-file decoder gives them.
 */
export class StreamedPcm implements PooledSample {
  readonly sampleRate: number;
  readonly frames: number;
  readonly channelCount: number;
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
    const first = Math.max(0, from);
    const end = Math.min(this.frames, to);
    this.reads++;
    for (const window of this.windows) {
      if (window.start <= first && window.start + window.length >= end) {
        window.used = this.reads;
        this.last = window;
        return window.view;
      }
    }
    const loaded = this.load(first, end);
    this.last = loaded;
    return loaded.view;
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
    const window = this.windowFor(size);
    const bytes = this.bufferFor(length * this.layout.frameBytes);
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
    for (let c = 0; c < this.channelCount; c++) this.layout.readInto(bytes, c, length, window.planes[c] as Float32Array, 0);
    window.start = start;
    window.length = length;
    window.view = { planes: window.planes.map((plane) => plane.subarray(0, length)), start };
    window.used = this.reads;
    return window;
  }

  /** Whether any float sample is damaged (see `isDamagedFloat`): one pass over the file, a window at a time. */
  private hasDamagedFloat(): boolean {
    for (let start = 0; start < this.frames; start += WINDOW_FRAMES) {
      const window = this.read(start, Math.min(this.frames, start + WINDOW_FRAMES));
      for (const plane of window.planes) for (const sample of plane) if (isDamagedFloat(sample)) return true;
    }
    return false;
  }

  /** A free window slot or the least recently used one, with planes of at least `size` frames. */
  private windowFor(size: number): Window {
    let window: Window | undefined;
    if (this.windows.length < WINDOWS_PER_SOURCE) {
      window = { start: 0, length: 0, planes: [], view: { planes: [], start: 0 }, used: 0 };
      this.windows.push(window);
    } else {
      window = this.windows.reduce((oldest, candidate) => (candidate.used < oldest.used ? candidate : oldest));
    }
    if ((window.planes[0]?.length ?? 0) < size) window.planes = Array.from({ length: this.channelCount }, () => new Float32Array(size));
    return window;
  }

  private bufferFor(length: number): Uint8Array {
    if (this.bytes.length < length) this.bytes = new Uint8Array(length);
    return this.bytes.subarray(0, length);
  }
}
