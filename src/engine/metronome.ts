import { blockFrames, type EngineTimeline } from '../protocol/engine';
import { beatsToSamples, beats, bpm, hertz } from '../std/units';

const clickSeconds = 0.03;
const accentHz = 1_760;
const beatHz = 1_320;
const clickGain = 0.5;

/**
 * The metronome: a short decaying sine on every beat of the time signature, higher on the first
 * beat of the bar. Each click starts on the exact frame of its beat, computed the same way as a
 * clip's start, so clicks and clips line up sample for sample.
 */
export class Metronome {
  enabled = false;
  readonly buffer = new Float32Array(blockFrames);
  private readonly accent: Float32Array;
  private readonly beat: Float32Array;

  constructor(private readonly sampleRate: number) {
    this.accent = click(accentHz, sampleRate);
    this.beat = click(beatHz, sampleRate);
  }

  /**
   * Writes the clicks sounding in timeline frames [frame, frame + count) at `at` of the buffer.
   * The timeline travels as an object: fractional tempos passed as arguments would be boxed.
   */
  render(at: number, frame: number, count: number, timeline: EngineTimeline): void {
    const { tempo, beatsPerBar } = timeline;
    const quarterNotesPerBeat = 4 / timeline.beatUnit;
    const rate = hertz(this.sampleRate);
    const framesPerBeat = ((quarterNotesPerBeat * 60) / tempo) * this.sampleRate;
    // The latest beat that can still sound in this segment, then every later beat inside it.
    let index = Math.max(0, Math.floor((frame - this.accent.length) / framesPerBeat));
    for (;;) {
      const start = beatsToSamples(beats(index * quarterNotesPerBeat), bpm(tempo), rate);
      if (start >= frame + count) return;
      const table = index % beatsPerBar === 0 ? this.accent : this.beat;
      const from = Math.max(start, frame);
      const to = Math.min(start + table.length, frame + count);
      for (let f = from; f < to; f++) this.buffer[at + f - frame] = (this.buffer[at + f - frame] ?? 0) + (table[f - start] ?? 0);
      index++;
    }
  }
}

function click(frequency: number, sampleRate: number): Float32Array {
  const length = Math.round(clickSeconds * sampleRate);
  const table = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    table[i] = clickGain * Math.sin(2 * Math.PI * frequency * t) * Math.exp(-t / (clickSeconds / 5));
  }
  return table;
}
