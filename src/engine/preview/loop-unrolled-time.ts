import { Clock, type TempoPoint, type TimeMap } from '../../std/clock';
import { beats } from '../../std/units';
import type { LoopRange } from '../../protocol/engine';

/**
 * The song's tempo as a listener hears it while the transport loops: the song's own tempo up to
 * the loop's end, then the loop's tempo (its steps and ramps, a ramp cut where the loop cuts it)
 * again and again, each pass `end − start` beats long, until beat `until`. A sound that runs on
 * through transport wraps at its own pace (the library's synced preview) follows this map, so its
 * beats after a wrap fall where the looping transport plays them. The meter is left out: a clip's
 * voice never reads it. Built when a preview starts (it allocates), never inside a block.
 * A pass here lasts the loop's exact length in seconds, while the transport wraps on whole frames:
 * the two part by less than a frame a pass (a 32-pass preview of a 1-beat loop: under 0.7 ms).
 */
export function loopUnrolledTime(map: TimeMap, loop: LoopRange, until: number): TimeMap {
  const song = Clock.of(map);
  const changes = map.tempoChanges ?? [];
  const span = loop.end - loop.start;
  const inside = changes.filter((change) => change.beat > loop.start && change.beat < loop.end);
  const following = changes.find((change) => change.beat >= loop.end);
  // A ramp running across the loop's end stops where the loop ends, at the tempo it had reached there.
  const cutRamp = following?.ramp ? song.tempoAt(beats(loop.end)) : null;
  const startTempo = song.tempoAt(beats(loop.start));
  const unrolled: TempoPoint[] = changes.filter((change) => change.beat < loop.end);
  for (let pass = loop.end; span > 0 && pass < until; pass += span) {
    if (cutRamp !== null) unrolled.push({ beat: pass, bpm: cutRamp, ramp: true });
    unrolled.push({ beat: pass, bpm: startTempo, ramp: false });
    for (const change of inside) unrolled.push({ beat: pass + change.beat - loop.start, bpm: change.bpm, ramp: change.ramp });
  }
  return { tempo: map.tempo, tempoChanges: unrolled, ...(map.timeSignature ? { timeSignature: map.timeSignature } : {}) };
}
