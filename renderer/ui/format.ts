import type { Clock } from '../../src/std/clock';
import type { Beats } from '../../src/std/units';

/**
 * Bars.beats.sixteenths, 1-based, as DAWs show a position: "3.2.4". The beat counts in the bar's
 * meter (eighths in 6/8), the sixteenth within that beat.
 */
export function formatBarsBeats(position: Beats, clock: Clock): string {
  const bar = clock.barAt(position);
  const unit = clock.meterBeatLength(position);
  const inBar = (position - clock.barStart(bar)) / unit;
  const sixteenth = Math.floor((inBar % 1) * unit * 4) + 1;
  return `${bar + 1}.${Math.floor(inBar) + 1}.${sixteenth}`;
}

/** Minutes:seconds.milliseconds: "1:05.250". */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole - minutes * 60;
  return `${minutes}:${rest.toFixed(3).padStart(6, '0')}`;
}

/** Linear amplitude → dBFS, floored at −120 so silence has a number. */
export function amplitudeToDbfs(amplitude: number): number {
  return amplitude > 1e-6 ? 20 * Math.log10(amplitude) : -120;
}

export function formatDbfs(db: number): string {
  return db <= -120 ? '−∞ dBFS' : `${db.toFixed(1).replace('-', '−')} dBFS`;
}
/** A level change in decibels with its sign and one decimal: "+2.5 dB", "−6.0 dB", "0.0 dB". */
export function formatDb(db: number): string {
  const text = Math.abs(db).toFixed(1);
  return `${db < 0 && text !== '0.0' ? '−' : db > 0 && text !== '0.0' ? '+' : ''}${text} dB`;
}

/** A loudness with a typographic minus and one decimal: "−14.0 LUFS". */
export function formatLufs(lufs: number): string {
  const text = Math.abs(lufs).toFixed(1);
  return `${lufs < 0 && text !== '0.0' ? '−' : ''}${text} LUFS`;
}

/** A file size as file managers show it: 820 B, 12.4 KB, 3.1 MB, 1.2 GB (powers of 1000). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A modification time, in the user's locale: the date, and the time when it is today. */
export function formatDate(ms: number, now: Date = new Date()): string {
  const date = new Date(ms);
  const today = date.toDateString() === now.toDateString();
  return today ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
