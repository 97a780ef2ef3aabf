/**
 * User preset files (`*.glowroom-preset`, UTF-8 JSON in the data folder's `presets/`): one device's
 * settings, a whole insert chain, or a drum kit (sixteen pads: name, sample file, settings). Reading refuses a damaged file or one from a newer Glowroom
 * with a reason (`bad-format`, `unsupported`) and changes nothing; parameters are checked against
 * the catalog like a project's devices.
 */
import { z } from 'zod';
import { deviceCatalog, type DeviceType } from '../devices/catalog';
import { drumPadCount, drumPadParams } from '../devices/instruments/catalog';
import { paramProblem, type ParamSpec } from '../devices/param-spec';
import { GlowroomError } from '../std/errors';
import { describeIssue, firstIssueInDocumentOrder } from './issue-message';
import { checkParams } from './schema-parts';

export const currentPresetVersion = 1;
export const presetExtension = '.glowroom-preset';

const deviceTypeNames = Object.keys(deviceCatalog) as [DeviceType, ...DeviceType[]];

const PresetDeviceSchema = z
  .strictObject({
    type: z.enum(deviceTypeNames),
    bypass: z.boolean(),
    params: z.record(z.string(), z.number().finite()),
  })
  .superRefine((device, context) => {
    const specs: readonly ParamSpec[] = deviceCatalog[device.type].params;
    for (const [key, value] of Object.entries(device.params)) {
      const spec = specs.find((candidate) => candidate.id === key);
      if (!spec) context.addIssue({ code: 'custom', path: ['params', key], message: `${deviceCatalog[device.type].name} has no parameter "${key}"` });
      else {
        const problem = paramProblem(spec, value);
        if (problem) context.addIssue({ code: 'custom', path: ['params', key], message: `${problem} (got ${value})` });
      }
    }
  });

const presetHeader = {
  format: z.literal('glowroom-preset'),
  version: z.literal(currentPresetVersion),
  name: z.string().min(1).max(100),
};

const DevicesPresetSchema = z.strictObject({
  ...presetHeader,
  /** `device`: one device's settings; `chain`: an insert chain, in order. */
  kind: z.enum(['device', 'chain']),
  devices: z.array(PresetDeviceSchema).max(64),
}).superRefine((preset, context) => {
  if (preset.kind === 'device' && preset.devices.length !== 1) context.addIssue({ code: 'custom', path: ['devices'], message: 'a device preset holds exactly one device' });
});

/** A kit's pad: its name, its sample as an absolute path (null: empty), every pad parameter. */
const KitPadPresetSchema = z
  .strictObject({ name: z.string().max(200), file: z.string().min(1).max(4096).nullable(), params: z.record(z.string(), z.number().finite()) })
  .superRefine((pad, context) => checkParams(drumPadParams, 'A drum pad', pad.params, context, ['params']));

const KitPresetSchema = z.strictObject({ ...presetHeader, kind: z.literal('kit'), pads: z.array(KitPadPresetSchema).length(drumPadCount) });

export const PresetSchema = z.discriminatedUnion('kind', [DevicesPresetSchema, KitPresetSchema]);

export type Preset = z.infer<typeof PresetSchema>;
export type KitPreset = z.infer<typeof KitPresetSchema>;

/** Parses a preset file's text; `fileName` is only for messages. */
export function parsePreset(text: string, fileName: string): Preset {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new GlowroomError('bad-format', `The preset ${fileName} is damaged (it is not valid JSON); nothing was changed.`);
  }
  const record = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
  if (record?.['format'] !== 'glowroom-preset') throw new GlowroomError('bad-format', `${fileName} is not a Glowroom preset; nothing was changed.`);
  const version = record['version'];
  if (typeof version === 'number' && version > currentPresetVersion) {
    throw new GlowroomError('unsupported', `The preset ${fileName} was saved by a newer Glowroom (preset version ${version}); update Glowroom to load it. Nothing was changed.`);
  }
  const result = PresetSchema.safeParse(doc);
  if (!result.success) {
    const issue = firstIssueInDocumentOrder(result.error.issues, doc);
    throw new GlowroomError('bad-format', `The preset ${fileName} is damaged (${issue ? describeIssue(issue, doc) : 'it is not a valid preset'}); nothing was changed.`);
  }
  return result.data;
}

export function serializePreset(preset: Preset): string {
  return `${JSON.stringify(PresetSchema.parse(preset), null, 2)}\n`;
}
