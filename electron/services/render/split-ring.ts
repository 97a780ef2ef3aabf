import type { SplitExchange } from '../../../src/engine/graph/track-split';
import { GlowroomError } from '../../../src/std/errors';

/**
 * Floats the ring holds: 2^18 (1 MiB), some 30 blocks of a 64-track mix (a block per bus of the
 * split group and per track for the master). Small enough to stay in the caches the two cores
 * share: the 16 MiB it had missed them on every copy (the copy cost a third of the helper's time).
 */
const CAPACITY = 1 << 18;
const MASK = CAPACITY - 1;
/** A waiting side is woken once the other has moved this far past what it needs, not at every block. */
const SLACK = CAPACITY / 4;
/**
 * Header slots (Int32): floats written and read so far (wrapping counters), the state, and for
 * each side whether it waits and for what count of the other's counter.
 */
const WRITTEN = 0;
const READ = 1;
const STATE = 2;
const READER_WAITS = 3;
const READER_TARGET = 4;
const WRITER_WAITS = 5;
const WRITER_TARGET = 6;
const HEADER_BYTES = 32;
const stopped = 1;
const failed = 2;
/** How long a side waits for the other before it gives up on it (unless the ring is told otherwise). */
const PATIENCE_MS = 60_000;

/**
 * The `SplitExchange` of a render split over two threads: a single-producer, single-consumer ring
 * of float32 samples in shared memory. The helper thread writes, the main render reads, each
 * publishing its counter after every segment (and before it waits), and waits with Atomics.wait
 * while the ring is full or empty; the other side wakes it only once it has moved a quarter of
 * the ring past what it needs, so two threads on a busy machine do not wake each other per block. Either side can end the exchange: the main render stops the
 * helper when it is done (or fails); a helper that fails marks the ring failed and the main
 * render throws at its next read. The export's encode worker uses the same ring the other way
 * round (the export's render writes, the worker reads; `sides` names them in messages), the writer
 * ending with `endWriting`.
 */
export class SplitRing implements SplitExchange {
  private readonly header: Int32Array;
  private readonly ring: Float32Array;
  /** This side's counter: floats written (helper) or read (main), published at segment ends. */
  private count: number;

  /** The main render's end of a new ring, or the helper's end of `buffer` (the main end's). */
  constructor(
    readonly buffer = new SharedArrayBuffer(HEADER_BYTES + CAPACITY * 4),
    private readonly role: 'main' | 'helper' = 'main',
    private readonly patienceMs = PATIENCE_MS,
    private readonly sides: { readonly main: string; readonly helper: string } = { main: 'the main render', helper: 'the second render thread' },
  ) {
    this.header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.ring = new Float32Array(buffer, HEADER_BYTES, CAPACITY);
    this.count = 0;
  }

  put(plane: Float32Array, frames: number): void {
    const ring = this.ring;
    for (let done = 0; done < frames; ) {
      const room = CAPACITY - ((this.count - Atomics.load(this.header, READ)) | 0);
      if (room === 0) {
        // Room for this plane's rest and the slack: the reader must have read that far.
        this.waitFor(READ, (this.count - CAPACITY + 1) | 0, (this.count - CAPACITY + Math.min(CAPACITY, frames - done + SLACK)) | 0, this.sides.main);
        continue;
      }
      const n = Math.min(room, frames - done);
      const at = this.count & MASK;
      if (at + n <= CAPACITY) for (let i = 0; i < n; i++) ring[at + i] = plane[done + i] as number;
      else for (let i = 0; i < n; i++) ring[(at + i) & MASK] = plane[done + i] as number;
      this.count = (this.count + n) | 0;
      done += n;
    }
  }

  addInto(plane: Float32Array, frames: number): void {
    while (((Atomics.load(this.header, WRITTEN) - this.count) | 0) < frames) this.waitFor(WRITTEN, (this.count + frames) | 0, (this.count + frames + SLACK) | 0, this.sides.helper);
    const ring = this.ring;
    const at = this.count & MASK;
    if (at + frames <= CAPACITY) for (let i = 0; i < frames; i++) plane[i] = (plane[i] as number) + (ring[at + i] as number);
    else for (let i = 0; i < frames; i++) plane[i] = (plane[i] as number) + (ring[(at + i) & MASK] as number);
    this.count = (this.count + frames) | 0;
  }

  segmentDone(): void {
    this.publish();
  }

  /** Helper side: publishes all it wrote and wakes the main side whatever it waits for (nothing more will come). */
  endWriting(): void {
    this.publish();
    Atomics.notify(this.header, WRITTEN);
  }

  /** Main side: tells the helper to stop (it stops at its next wait). */
  stop(): void {
    Atomics.store(this.header, STATE, stopped);
    Atomics.notify(this.header, READ);
  }

  /** Helper side: tells the main render that no more will come. */
  fail(): void {
    Atomics.store(this.header, STATE, failed);
    Atomics.notify(this.header, WRITTEN);
  }

  /** Whether the main render has stopped the helper. */
  get isStopped(): boolean {
    return Atomics.load(this.header, STATE) === stopped;
  }

  /** Publishes this side's counter (WRITTEN for the helper, READ for the main render) and wakes the other side when it waits for no more than that. */
  private publish(): void {
    const helper = this.role === 'helper';
    const slot = helper ? WRITTEN : READ;
    Atomics.store(this.header, slot, this.count);
    const waits = helper ? READER_WAITS : WRITER_WAITS;
    if (Atomics.load(this.header, waits) === 1 && ((this.count - Atomics.load(this.header, helper ? READER_TARGET : WRITER_TARGET)) | 0) >= 0) {
      Atomics.notify(this.header, slot);
    }
  }

  /**
   * Waits until the other side moves `slot` (its counter) towards `target`, publishing ours first
   * so neither waits on the other; woken early by a stop or a failure. Returns at once when the
   * counter, read after this side said it waits, has already reached `need` (what the caller must
   * have, short of the slack): the other side may have published it just before it saw this side
   * waiting, and would then wake it only at `target`, perhaps never while it waits itself.
   */
  private waitFor(slot: number, need: number, target: number, other: string): void {
    this.publish();
    const helper = this.role === 'helper';
    const waits = helper ? WRITER_WAITS : READER_WAITS;
    Atomics.store(this.header, helper ? WRITER_TARGET : READER_TARGET, target);
    Atomics.store(this.header, waits, 1);
    try {
      const seen = Atomics.load(this.header, slot);
      const state = Atomics.load(this.header, STATE);
      if (state === stopped) throw new SplitStopped();
      if (state === failed) throw new GlowroomError('internal', `${other} failed.`);
      if (((seen - need) | 0) >= 0) return;
      if (Atomics.wait(this.header, slot, seen, this.patienceMs) === 'timed-out' && Atomics.load(this.header, slot) === seen) {
        throw new GlowroomError('internal', `${other} stopped responding.`);
      }
    } finally {
      Atomics.store(this.header, waits, 0);
    }
  }
}

/** Thrown on the helper's side when the main render has stopped it: the normal end of its work. */
export class SplitStopped extends Error {
  constructor() {
    super('The main render stopped the helper.');
  }
}
