import type { Slices } from '../../dsp/stretch/beat-slicer';
import { detectTransients } from '../../dsp/stretch/transients';
import type { PooledSample } from '../sample-pool';
import type { ClipTimeMap } from './clip-time-map';

/** Slices fall on transients and, where none is near, on every sixteenth note of the clip. */
const gridBeats = 0.25;
/** A grid slice this close to a transient (source seconds) is dropped. */
const nearTransient = 0.03;

/** Attack frames per pooled sample: found once, shared by every clip of that sample. */
const transientsOf = new WeakMap<PooledSample, readonly number[]>();

function transients(sample: PooledSample): readonly number[] {
  let found = transientsOf.get(sample);
  if (!found) transientsOf.set(sample, (found = detectTransients(sample.whole(), sample.sampleRate)));
  return found;
}

/** The slices of one pass of a beats-mode clip (the first pass; later ones repeat it). */
export function beatSlices(sample: PooledSample, map: ClipTimeMap): Slices {
  const { curve, offsetBeat, endBeat } = map;
  const rate = sample.sampleRate;
  const starts: { beat: number; attack: boolean }[] = [];
  const attacks = transients(sample).map((frame) => frame / rate);
  for (const seconds of attacks) {
    const beat = curve.beatAt(seconds);
    if (beat > offsetBeat && beat < endBeat) starts.push({ beat, attack: true });
  }
  const firstGrid = Math.ceil(offsetBeat / gridBeats) * gridBeats;
  for (let beat = firstGrid; beat < endBeat; beat += gridBeats) {
    const seconds = curve.secondsAt(beat);
    if (beat > offsetBeat && !attacks.some((attack) => Math.abs(attack - seconds) < nearTransient)) starts.push({ beat, attack: false });
  }
  starts.sort((a, b) => a.beat - b.beat);
  // The clip's content starts a slice too; it is an attack when a transient sits right there.
  const opening = attacks.some((seconds) => Math.abs(curve.beatAt(seconds) - offsetBeat) < 1e-9);
  starts.unshift({ beat: offsetBeat, attack: opening });
  return {
    // Whole frames on both sides (±½ frame, 10 µs at 48 kHz): an untransposed same-rate slice then copies its samples exactly.
    sourceStart: Float64Array.from(starts, (start) => Math.round(curve.secondsAt(start.beat) * rate)),
    outputStart: Float64Array.from(starts, (start) => Math.round(map.outputFrameOf(start.beat))),
    attack: Uint8Array.from(starts, (start) => (start.attack ? 1 : 0)),
    passOutput: map.passBeats === Infinity ? Infinity : map.outputFrameOf(offsetBeat + map.passBeats) - map.outputFrameOf(offsetBeat),
    passSource: map.passSource,
  };
}
