import type { ParamSpec } from './param-spec';

/** One device type as data: what the UI calls it and its parameters. */
export interface DeviceSpec {
  /** What the UI calls the device. */
  readonly name: string;
  /** In the order the UI lays out the controls. */
  readonly params: readonly ParamSpec[];
  /**
   * Whether the device can listen to another channel (a compressor's sidechain): its `sidechain`
   * field in the document names a track or bus, which the graph then processes first.
   */
  readonly sidechain?: boolean;
}

/** A bool parameter (0 off, 1 on) that switches at the next block. */
export function switchParam<const Id extends string>(id: Id, name: string, on: boolean) {
  return { id, name, unit: 'bool', min: 0, max: 1, default: on ? 1 : 0, taper: 'linear', smoothingMs: 0 } as const;
}

/** An `enum` parameter: the value is the index of one of `options`. */
export function choiceParam<const Id extends string>(id: Id, name: string, options: readonly string[], defaultIndex: number) {
  return { id, name, unit: 'enum', min: 0, max: options.length - 1, default: defaultIndex, taper: 'linear', smoothingMs: 0, options } as const;
}

/** A dry/wet share in percent, gliding over 20 ms. */
export function mixParam(defaultPercent: number) {
  return { id: 'mix', name: 'Mix', unit: '%', min: 0, max: 100, default: defaultPercent, taper: 'linear', smoothingMs: 20 } as const;
}
