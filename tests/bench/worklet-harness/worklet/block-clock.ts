/**
 * The benchmarks' clock inside the AudioWorklet. Chromium gives the AudioWorkletGlobalScope no
 * `performance`, but it has `Temporal`, whose `Now.instant()` reads the system clock as finely as
 * the page may see time (Chromium 156: 0.1 ms steps on a page that is not cross-origin isolated,
 * finer on the isolated bench page; the resolution is measured and reported); `Date.now()` (1 ms)
 * stands in where Temporal is missing. A reading allocates a small object and a BigInt: about
 * 200 bytes per block for the two, a young-generation collection of a nearly empty heap every
 * few tens of seconds, far below one block's time — a clock for the benches, not for the app.
 * Readings land in fields, so no fractional double crosses a call.
 */
import type { BlockClockReadings } from '../block-timing';

declare const Temporal: { readonly Now: { instant(): { readonly epochNanoseconds: bigint } } } | undefined;

export class BlockClock implements BlockClockReadings {
  /** ms since the epoch at the last `begin()`. */
  startedMs = 0;
  /** ms since the epoch at the last `end()`. */
  endedMs = 0;
  /** The smallest step seen between back-to-back readings when made, ms: the clock's resolution. */
  readonly resolutionMs: number;

  constructor() {
    // Read back to back until the clock has stepped five times (or 20 ms passed): its finest step.
    let finest = Number.POSITIVE_INFINITY;
    this.end();
    const until = Date.now() + 20;
    for (let steps = 0; steps < 5 && Date.now() < until; ) {
      this.begin();
      this.end();
      const step = this.endedMs - this.startedMs;
      if (step > 0) {
        steps++;
        if (step < finest) finest = step;
      }
    }
    this.resolutionMs = finest;
  }

  begin(): void {
    this.startedMs = nowMs();
  }

  end(): void {
    this.endedMs = nowMs();
  }
}

function nowMs(): number {
  return typeof Temporal === 'undefined' ? Date.now() : Number(Temporal.Now.instant().epochNanoseconds) / 1e6;
}
