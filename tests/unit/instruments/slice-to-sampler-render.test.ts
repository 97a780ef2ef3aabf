import { describe, expect, it } from 'vitest';
import { sliceToSampler } from '../../../src/model/edits/slice-to-sampler';
import { clip, engineWith, projectOf, rate, render, timeline120, track } from '../engine/engine-harness';

/** 2 s of silence with short bursts at these seconds: the loop to slice. */
const burstSeconds = [0.1, 0.62, 1.13, 1.47];
const loop = new Float32Array(2 * rate);
for (const at of burstSeconds) for (let i = 0; i < 240; i++) loop[Math.round(at * rate) + i] = 0.8 * Math.cos((2 * Math.PI * 1000 * i) / rate);

/** Frames where the signal first rises above 0.05 after at least 50 ms below it. */
function onsets(signal: Float32Array): number[] {
  const found: number[] = [];
  let quiet = rate;
  for (let i = 0; i < signal.length; i++) {
    if (Math.abs(signal[i] as number) > 0.05) {
      if (quiet >= rate / 20) found.push(i);
      quiet = 0;
    } else quiet++;
  }
  return found;
}

describe('Slice to Sampler, rendered', () => {
  it('the sampler track replays the loop’s bursts on the same frames as the audio clip it came from', () => {
    // At 120 BPM a beat is 0.5 s: the clip sits at beat 2 (1 s) and is cut at source 0.5, 1.0 and 1.4 s.
    const audio = track('t1', [clip('loop', { start: 2, length: 4 })]);
    const project = projectOf([audio]);
    const result = sliceToSampler(project, [{ trackId: 't1', clipId: audio.clips[0]!.id }], [3, 4, 4.8], { sourceDurations: { loop: 2 } });
    if ('refused' in result) throw new Error(result.refused);
    const sampler = result.project.tracks.find((t) => t.id === result.trackId)!;
    const [fromAudio] = render(engineWith({ loop: { planes: [loop] } }, [audio]), 4 * rate);
    const [fromSampler] = render(engineWith({ loop: { planes: [loop] } }, [sampler], timeline120, rate, { sources: result.project.sources, patterns: result.project.patterns }), 4 * rate);
    const expected = burstSeconds.map((at) => Math.round((1 + at) * rate));
    expect(onsets(fromAudio)).toEqual(expected);
    expect(onsets(fromSampler)).toEqual(expected);
  });
});
