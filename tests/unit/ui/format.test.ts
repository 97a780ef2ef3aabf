import { describe, expect, it } from 'vitest';
import { amplitudeToDbfs, formatBarsBeats, formatClock, formatDb, formatDbfs, formatLufs } from '../../../renderer/ui/format';

describe('display formats', () => {
  it('shows positions in bars.beats.sixteenths from frames', () => {
    expect(formatBarsBeats(0, 48_000, 120, 4)).toBe('1.1.1');
    // At 120 BPM a beat is 0.5 s = 24,000 frames.
    expect(formatBarsBeats(24_000, 48_000, 120, 4)).toBe('1.2.1');
    expect(formatBarsBeats(4 * 24_000 + 6_000, 48_000, 120, 4)).toBe('2.1.2');
    expect(formatBarsBeats(3 * 24_000, 48_000, 120, 3)).toBe('2.1.1');
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
