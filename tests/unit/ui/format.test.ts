import { describe, expect, it } from 'vitest';
import { Clock } from '../../../src/std/clock';
import { beats } from '../../../src/std/units';
import { amplitudeToDbfs, formatBarsBeats, formatClock, formatDb, formatDbfs, formatLufs } from '../../../renderer/ui/format';

describe('display formats', () => {
  it('shows positions in bars.beats.sixteenths in the meter', () => {
    const fourFour = Clock.of({ tempo: 120, timeSignature: [4, 4] });
    expect(formatBarsBeats(beats(0), fourFour)).toBe('1.1.1');
    expect(formatBarsBeats(beats(1), fourFour)).toBe('1.2.1');
    expect(formatBarsBeats(beats(4.25), fourFour)).toBe('2.1.2');
    expect(formatBarsBeats(beats(3), Clock.of({ tempo: 120, timeSignature: [3, 4] }))).toBe('2.1.1');
    // 6/8: a bar is three quarter notes of six eighth-note beats, two sixteenths each.
    const sixEight = Clock.of({ tempo: 120, timeSignature: [6, 8] });
    expect(formatBarsBeats(beats(2.75), sixEight)).toBe('1.6.2');
    expect(formatBarsBeats(beats(3), sixEight)).toBe('2.1.1');
    // A change to 3/4 at bar 2 (0-based): bars 0–1 of 4/4 end on beat 8.
    const changing = Clock.of({ tempo: 120, timeSignature: [4, 4], meterChanges: [{ bar: 2, timeSignature: [3, 4] }] });
    expect(formatBarsBeats(beats(11.5), changing)).toBe('4.1.3');
  });

  it('shows time as m:ss.mmm', () => {
    expect(formatClock(0)).toBe('0:00.000');
    expect(formatClock(65.25)).toBe('1:05.250');
    expect(formatClock(-1)).toBe('0:00.000');
  });

  it('shows levels in dBFS with a floor for silence', () => {
    expect(amplitudeToDbfs(1)).toBe(0);
    expect(amplitudeToDbfs(0)).toBe(-120);
    expect(formatDbfs(amplitudeToDbfs(0.5))).toBe('−6.0 dBFS');
    expect(formatDbfs(-120)).toBe('−∞ dBFS');
  });

  it('writes level changes with their sign and loudness with a typographic minus', () => {
    expect(formatDb(2.46)).toBe('+2.5 dB');
    expect(formatDb(-6)).toBe('−6.0 dB');
    expect(formatDb(-0.01)).toBe('0.0 dB');
    expect(formatLufs(-14.04)).toBe('−14.0 LUFS');
    expect(formatLufs(-0.02)).toBe('0.0 LUFS');
  });
});
