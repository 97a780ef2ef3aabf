import { describe, expect, it } from 'vitest';
import { tappedTempo, tempoFromBars } from '../../../renderer/state/tap-tempo';

const every = (ms: number, count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i * ms);

describe('tap tempo', () => {
  it('needs two taps, then reads the mean interval', () => {
    expect(tappedTempo([])).toBeNull();
    expect(tappedTempo([1000])).toBeNull();
    expect(tappedTempo(every(500, 2))).toBe(120);
    expect(tappedTempo(every(437.956, 6))).toBe(137);
  });

  it('averages an unsteady hand over the latest eight intervals', () => {
    // 480, 520, 490, 510 ms: a mean of 500 ms, 120 BPM, whatever the single intervals say.
    expect(tappedTempo([0, 480, 1000, 1490, 2000])).toBe(120);
    // An early stumble (a 900 ms gap) falls out once eight later intervals have come.
    expect(tappedTempo([0, 900, ...every(400, 9, 1300)])).toBe(150);
  });

  it('starts a new count after a pause of more than two seconds', () => {
    expect(tappedTempo([...every(500, 4), ...every(600, 3, 4000)])).toBe(100);
    expect(tappedTempo([...every(500, 4), 5000])).toBeNull();
  });
});

describe('tempo from the loop’s length', () => {
  it('offers 1, 2, 4 and 8 bars of the song’s meter within 50–220 BPM', () => {
    // 4 s: one 4/4 bar at 60 BPM, two at 120, four at 240 (left out).
    expect(tempoFromBars(4, 4)).toEqual([
      { bars: 1, bpm: 60 },
      { bars: 2, bpm: 120 },
    ]);
    // 3/4 bars (3 quarter notes): 2 s is one bar at 90 BPM, two at 180.
    expect(tempoFromBars(2, 3)).toEqual([
      { bars: 1, bpm: 90 },
      { bars: 2, bpm: 180 },
    ]);
    expect(tempoFromBars(0, 4)).toEqual([]);
  });
});
