/**
 * A time signature typed by the user ("6/8"): read into a meter the format can hold, or refused
 * with a sentence saying what is allowed. The limits are the schema's.
 */
import type { MeterChange } from './timing-schema';
import { maxMeterCount, meterUnits } from './schema-parts';

export type TimeSignature = MeterChange['timeSignature'];

export type MeterReading = { readonly timeSignature: TimeSignature } | { readonly problem: string };

const unitList = `${meterUnits.slice(0, -1).join(', ')} or ${meterUnits[meterUnits.length - 1]}`;

export function readTimeSignature(text: string): MeterReading {
  const match = /^\s*(\S+?)\s*\/\s*(\S+)\s*$/.exec(text);
  if (!match) return { problem: 'Type a time signature as two numbers with a slash, such as 6/8.' };
  const count = Number(match[1]);
  const unit = Number(match[2]);
  if (!Number.isInteger(count) || count < 1 || count > maxMeterCount) return { problem: `The top number must be a whole number from 1 to ${maxMeterCount}.` };
  const allowed = meterUnits.find((candidate) => candidate === unit);
  if (allowed === undefined) return { problem: `The bottom number must be ${unitList}.` };
  return { timeSignature: [count, allowed] };
}
