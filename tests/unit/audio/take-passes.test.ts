import { describe, expect, it } from 'vitest';
import { TakePasses } from '../../../renderer/audio/take-passes';

/**
 * Feeds `total` heard frames numbered from `heard` in chunks of `chunk` (as the recorder drains),
 * and answers the passes and which heard positions were written, in file order.
 */
function record(passes: TakePasses, heard: number, total: number, chunk: number) {
  const written: number[] = [];
  for (let done = 0; done < total; done += chunk) {
    const count = Math.min(chunk, total - done);
    const base = heard + done;
    passes.place(base, count, (from, frames) => {
      for (let i = 0; i < frames; i++) written.push(base + from + i);
    });
  }
  return { passes: passes.passes, written };
}

describe('where a take\'s frames go', () => {
  it('without loop or punch, keeps everything from the timeline\'s start on, as one pass', () => {
    const { passes, written } = record(new TakePasses(null, null), -30, 130, 64);
    expect(passes).toEqual([{ timelineFrame: 0, fileFrame: 0, frames: 100 }]);
    expect(written[0]).toBe(0);
    expect(written).toHaveLength(100);
  });

  it('while looping, each wrap is a pass over the loop range; the first begins where recording began, the last where it stopped', () => {
    // Loop [1000, 1400): recording heard from 1100 for 1000 frames (to 2100 unwrapped).
    const { passes, written } = record(new TakePasses({ start: 1000, end: 1400 }, null), 1100, 1000, 128);
    expect(passes).toEqual([
      { timelineFrame: 1100, fileFrame: 0, frames: 300 },
      { timelineFrame: 1000, fileFrame: 300, frames: 400 },
      { timelineFrame: 1000, fileFrame: 700, frames: 300 },
    ]);
    expect(written).toHaveLength(1000);
    expect(written.slice(298, 302)).toEqual([1398, 1399, 1400, 1401]);
  });

  it('keeps only the loop range when recording began before it', () => {
    const { passes } = record(new TakePasses({ start: 1000, end: 1400 }, null), 600, 1200, 100);
    expect(passes).toEqual([
      { timelineFrame: 1000, fileFrame: 0, frames: 400 },
      { timelineFrame: 1000, fileFrame: 400, frames: 400 },
    ]);
  });

  it('keeps nothing heard before where recording began', () => {
    const { passes, written } = record(new TakePasses(null, null, 480), 0, 1000, 128);
    expect(passes).toEqual([{ timelineFrame: 480, fileFrame: 0, frames: 520 }]);
    expect(written[0]).toBe(480);
  });

  it('with a punch range, writes only the frames inside it', () => {
    const { passes, written } = record(new TakePasses(null, { start: 500, end: 700 }), 0, 1000, 96);
    expect(passes).toEqual([{ timelineFrame: 500, fileFrame: 0, frames: 200 }]);
    expect(written[0]).toBe(500);
    expect(written.at(-1)).toBe(699);
  });

  it('punches inside every pass of a loop', () => {
    const { passes, written } = record(new TakePasses({ start: 0, end: 400 }, { start: 100, end: 200 }), 0, 1200, 128);
    expect(passes).toEqual([
      { timelineFrame: 100, fileFrame: 0, frames: 100 },
      { timelineFrame: 100, fileFrame: 100, frames: 100 },
      { timelineFrame: 100, fileFrame: 200, frames: 100 },
    ]);
    expect(written.slice(99, 102)).toEqual([199, 500, 501]);
  });
});
