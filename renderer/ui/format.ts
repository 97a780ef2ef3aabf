import { bpm, hertz, samples, samplesToSeconds, secondsToBeats } from '../../src/std/units';

/** Bars.beats.sixteenths, 1-based, as DAWs show a position: "3.2.4". */
export function formatBarsBeats(frame: number, sampleRate: number, tempo: number, beatsPerBar: number): string {
  const totalBeats = secondsToBeats(samplesToSeconds(samples(frame), hertz(sampleRate)), bpm(tempo));
  const bar = Math.floor(totalBeats / beatsPerBar) + 1;
  const beat = Math.floor(totalBeats % beatsPerBar) + 1;
  const sixteenth = Math.floor((totalBeats % 1) * 4) + 1;
  return `${bar}.${beat}.${sixteenth}`;
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
