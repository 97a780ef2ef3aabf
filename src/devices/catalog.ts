/**
 * Every device type Glowroom has, declared once as data: its name and its parameters. The project
 * schema validates a device's parameters against this table, the UI draws a device's controls
 * from it, and the engine's processor registry (`src/engine/devices/registry.ts`) is typed
 * `satisfies Record<DeviceType, …>`, so a type without a processor, or a processor without an
 * entry here, fails the typecheck. Adding a device: one entry here, one line in the registry.
 *
 * The mixer's own controls (a channel's fader, pan and mute, a send's level) are parameters too,
 * declared here with the same `ParamSpec`, so automation and `set-param` treat them alike.
 */
import type { DeviceSpec } from './device-spec';
import { compressorSpec } from './effects/compressor';
import { delaySpec } from './effects/delay';
import { bitcrusherSpec, saturationSpec } from './effects/distortion';
import { eqSpec } from './effects/eq';
import { chorusSpec, filterSpec } from './effects/modulation';
import { reverbSpec } from './effects/reverb';
import { paramDefaults, type ParamSpec } from './param-spec';

export type { DeviceSpec } from './device-spec';

const gainRange = { unit: 'dB', min: -144, max: 24, taper: 'linear' } as const;

export const deviceCatalog = {
  utility: {
    name: 'Utility',
    params: [
      { id: 'gainDb', name: 'Gain', ...gainRange, min: -48, default: 0, smoothingMs: 20 },
      { id: 'pan', name: 'Pan', unit: 'pan', min: -1, max: 1, default: 0, taper: 'linear', smoothingMs: 20 },
      { id: 'width', name: 'Width', unit: '%', min: 0, max: 200, default: 100, taper: 'linear', smoothingMs: 20 },
      { id: 'mono', name: 'Mono', unit: 'bool', min: 0, max: 1, default: 0, taper: 'linear', smoothingMs: 5 },
      { id: 'invertLeft', name: 'Invert left', unit: 'bool', min: 0, max: 1, default: 0, taper: 'linear', smoothingMs: 5 },
      { id: 'invertRight', name: 'Invert right', unit: 'bool', min: 0, max: 1, default: 0, taper: 'linear', smoothingMs: 5 },
    ],
  },
  limiter: {
    name: 'Limiter',
    params: [
      { id: 'ceilingDb', name: 'Ceiling', unit: 'dB', min: -24, max: 0, default: -1, taper: 'linear', smoothingMs: 0 },
      { id: 'releaseMs', name: 'Release', unit: 'ms', min: 1, max: 1000, default: 50, taper: 'log', smoothingMs: 0 },
    ],
  },
  eq: eqSpec,
  compressor: compressorSpec,
  reverb: reverbSpec,
  delay: delaySpec,
  saturation: saturationSpec,
  bitcrusher: bitcrusherSpec,
  filter: filterSpec,
  chorus: chorusSpec,
} as const satisfies Record<string, DeviceSpec>;

export type DeviceType = keyof typeof deviceCatalog;

export const deviceTypes = Object.keys(deviceCatalog) as DeviceType[];

export function isDeviceType(type: string): type is DeviceType {
  return Object.hasOwn(deviceCatalog, type);
}

/** A channel's own parameters: the fields of the same names on a track's, bus's or the master's channel. */
export const channelParams = [
  { id: 'gainDb', name: 'Volume', ...gainRange, default: 0, smoothingMs: 20 },
  { id: 'pan', name: 'Pan', unit: 'pan', min: -1, max: 1, default: 0, taper: 'linear', smoothingMs: 20 },
  // A bool the engine fades over 5 ms, so muting never clicks.
  { id: 'mute', name: 'Mute', unit: 'bool', min: 0, max: 1, default: 0, taper: 'linear', smoothingMs: 5 },
] as const satisfies readonly ParamSpec[];

/** A send's one parameter: its level, the field of the same name on the send. */
export const sendParams = [{ id: 'levelDb', name: 'Send level', ...gainRange, default: 0, smoothingMs: 20 }] as const satisfies readonly ParamSpec[];

export type ChannelParamId = (typeof channelParams)[number]['id'];

/** Whether devices of `type` can listen to another channel (a `sidechain` in the document). */
export function takesSidechain(type: DeviceType): boolean {
  const spec: DeviceSpec = deviceCatalog[type];
  return spec.sidechain === true;
}

/** The spec of parameter `id` among `specs`, if there is one. */
export function findParam(specs: readonly ParamSpec[], id: string): ParamSpec | undefined {
  return specs.find((spec) => spec.id === id);
}

/** A device of `type` with every parameter at its default, in catalog order. */
export function defaultParams(type: DeviceType): Record<string, number> {
  return paramDefaults(deviceCatalog[type].params);
}
