/**
 * What a file's device parameters become when they are out of range: the nearest value the
 * parameter can hold, and a note saying so, instead of refusing the whole project over one knob
 * (a file written by hand, by another tool, or by a build whose ranges were wider). Runs on the
 * migrated document before validation; anything that is not a finite number is left for the
 * schema to refuse.
 */
import { deviceCatalog, isDeviceType } from '../devices/catalog';
import { clampParam, paramProblem, type ParamSpec } from '../devices/param-spec';
import { formatParamValue } from '../devices/param-format';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as the file had it: a switch or a choice that is not a whole number reads as that number. */
function shown(spec: ParamSpec, value: number): string {
  return (spec.unit === 'bool' || spec.unit === 'enum') && !Number.isInteger(value) ? String(value) : formatParamValue(spec, value);
}

/** Clamps out-of-range device parameters of `document` in place; one note per value changed, in document order. */
export function clampDeviceParams(document: unknown): string[] {
  if (!isObject(document)) return [];
  const notes: string[] = [];
  const visit = (owner: string, channel: unknown) => {
    if (!isObject(channel) || !Array.isArray(channel['inserts'])) return;
    for (const device of channel['inserts']) {
      if (!isObject(device) || typeof device['type'] !== 'string' || !isDeviceType(device['type']) || !isObject(device['params'])) continue;
      const { name, params: specs } = deviceCatalog[device['type']];
      const params = device['params'];
      for (const spec of specs as readonly ParamSpec[]) {
        const value = params[spec.id];
        if (typeof value !== 'number' || !Number.isFinite(value) || paramProblem(spec, value) === null) continue;
        const clamped = clampParam(spec, value);
        params[spec.id] = clamped;
        notes.push(`${owner}: ${name} ${spec.name} was ${shown(spec, value)}, which it cannot be; it is now ${formatParamValue(spec, clamped)}.`);
      }
    }
  };
  const named = (list: unknown, kind: string) => (Array.isArray(list) ? list.filter(isObject) : []).map((item) => ({ label: `${kind} "${typeof item['name'] === 'string' && item['name'] ? item['name'] : String(item['id'])}"`, channel: item['channel'] }));
  for (const { label, channel } of [...named(document['tracks'], 'Track'), ...named(document['buses'], 'Bus')]) visit(label, channel);
  visit('Master', document['master']);
  return notes;
}
