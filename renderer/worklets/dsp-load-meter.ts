/**
 * DSP load of the audio thread: time spent rendering ÷ the duration of the audio rendered,
 * averaged over about one second, and a count of blocks that took longer than they last (each
 * one risks a dropout). The AudioWorklet scope has no high-resolution clock in every browser, so
 * this uses `Date.now()` (1 ms steps): summed over a second of blocks the rounding averages out.
 */
const windowSeconds = 1;

export class DspLoadMeter {
  load = 0;
  overloads = 0;
  private busyMs = 0;
  private audioMs = 0;

  constructor(private readonly sampleRate: number) {}

  begin(): number {
    return now();
  }

  end(started: number, frames: number): void {
    const spent = now() - started;
    const lasted = (frames / this.sampleRate) * 1000;
    if (spent > lasted) this.overloads++;
    this.busyMs += spent;
    this.audioMs += lasted;
    if (this.audioMs >= windowSeconds * 1000) {
      this.load = this.busyMs / this.audioMs;
      this.busyMs = 0;
      this.audioMs = 0;
    }
  }
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}
