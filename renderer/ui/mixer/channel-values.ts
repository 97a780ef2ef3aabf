/**
 * How the mixer writes and reads its values: gains as "−6.0" (−∞ at the floor), pans as "C",
 * "25L", "100R". Parsing accepts what people type: "-6", "−6 dB", "+3,5", "-inf", "L25", "25 r",
 * "-25" (left), "center". Unreadable text gives null, so the field can say so.
 */
import { faderFloorDb } from './fader-taper';

const minus = '−';

/** A gain for a strip's readout: one decimal, typographic minus, "−∞" at the floor. */
export function formatGain(db: number): string {
  if (db <= faderFloorDb) return `${minus}∞`;
  const text = Math.abs(db).toFixed(1);
  return `${db < 0 && text !== '0.0' ? minus : db > 0 && text !== '0.0' ? '+' : ''}${text}`;
}

/** A gain for assistive technology: "−6.0 dB", "minus infinity dB" reads badly, so "silent". */
export function describeGain(db: number): string {
  return db <= faderFloorDb ? 'silent (−∞ dB)' : `${formatGain(db)} dB`;
}

/** A typed gain in dB, or null when the text is not one; −∞/-inf give the floor. */
export function parseGain(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/[−–]/g, '-').replace(',', '.').replace(/\s*db$/, '').trim();
  if (/^-\s*(inf|infinity|∞)$/.test(t)) return faderFloorDb;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** A pan −1…+1 as "C", "25L", "100R" (percent, rounded). */
export function formatPan(pan: number): string {
  const percent = Math.round(Math.abs(pan) * 100);
  if (percent === 0) return 'C';
  return `${percent}${pan < 0 ? 'L' : 'R'}`;
}

export function describePan(pan: number): string {
  const text = formatPan(pan);
  return text === 'C' ? 'centre' : `${text.slice(0, -1)} % ${text.endsWith('L') ? 'left' : 'right'}`;
}

/** A typed pan as −1…+1 (clamped), or null when the text is not one. */
export function parsePan(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/[−–]/g, '-').replace(',', '.').replace(/\s+/g, '').replace(/%/g, '');
  if (t === 'c' || t === 'center' || t === 'centre') return 0;
  const sided = /^(l|r)?([+-]?(?:\d+\.?\d*|\.\d+))(l|r)?$/.exec(t);
  if (!sided || (sided[1] && sided[3])) return null;
  const side = sided[1] ?? sided[3];
  const amount = Number(sided[2]);
  if (side && amount < 0) return null;
  const signed = side === 'l' ? -amount : amount;
  return Math.min(1, Math.max(-1, signed / 100));
}
