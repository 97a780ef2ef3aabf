import type { AudioHost } from '../audio/audio-host';
import type { SamplePool } from '../audio/sample-pool';
import type { Bridge } from '../bridge/bridge';

/** The long-lived objects the stores act through, set once at start-up. */
export interface Runtime {
  readonly bridge: Bridge;
  readonly audio: AudioHost;
  readonly samples: SamplePool;
}

let current: Runtime | null = null;

export function setRuntime(runtime: Runtime): void {
  current = runtime;
}

export function runtime(): Runtime {
  if (!current) throw new Error('Glowroom has not started yet: the runtime is not set.');
  return current;
}
