import { exp, sin } from '../std/det-math';
import { blockFrames } from '../protocol/engine';
import type { Clock } from '../std/clock';

const clickSeconds = 0.03;
const accentHz = 1_760;
const beatHz = 1_320;
const clickGain = 0.5;

/**
 * The metronome: a short decaying sine on every beat of the meter, higher on the first beat of
 * the bar. Each click starts on the clock's frame of its beat, like a clip's start, so clicks and
 * clips line up sample for sample.
 */
export class Metronome {
  enabled = false;
  readonly buffer = new Float32Array(blockFrames);
  private readonly accent: Float32Array;
  private readonly beat: Float32Array;
  /** Whether the next click starts a bar, as the clock writes it. */
  private readonly accented = new Float64Array(1);

  constructor(private readonly sampleRate: number) {
    this.accent = click(accentHz, sampleRate);
    this.beat = click(beatHz, sampleRate);
  }

  /** Writes the clicks sounding in timeline frames [frame, frame + count) at `at` of the buffer. */
  render(at: number, frame: number, count: number, clock: Clock): void {
    // From the earliest click that can still sound in this segment, every click that starts before its end.
    for (let start = clock.nextClickFrame(frame - this.accent.length, this.sampleRate, this.accented); start < frame + count; start = clock.nextClickFrame(start + 1, this.sampleRate, this.accented)) {
      const table = this.accented[0] === 1 ? this.accent : this.beat;
      const from = Math.max(start, frame);
      const to = Math.min(start + table.length, frame + count);
      for (let f = from; f < to; f++) this.buffer[at + f - frame] = (this.buffer[at + f - frame] ?? 0) + (table[f - start] ?? 0);
    }
  }
}

function click(frequency: number, sampleRate: number): Float32Array {
  const length = Math.round(clickSeconds * sampleRate);
  const table = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    table[i] = clickGain * sin(2 * Math.PI * frequency * t) * exp(-t / (clickSeconds / 5));
  }
  return table;
}
