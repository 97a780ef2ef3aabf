import type { PreloadApi } from '../../src/protocol/ipc';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Present only inside the Electron window, exposed by electron/preload. */
    readonly glowroom?: PreloadApi;
  }
}

export function electronTransport(api: PreloadApi): Transport {
  return {
    kind: 'electron',
    invoke: (name, args) => api.invoke[name](args),
    on: (name, listener) => api.on(name, listener),
    // The IPC channel lives as long as the window does.
    onClose: () => () => undefined,
  };
}
