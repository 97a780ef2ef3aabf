/**
 * The only door from Glowroom's page to the Node side: `window.glowroom`, generated from the IPC
 * contract. One `invoke` function per operation and a typed `on` for events; `ipcRenderer` itself
 * never crosses into the page. Runs sandboxed, so it is bundled into one CommonJS file and may
 * require nothing but `electron`.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { EventPayload, OperationArgs, OperationResult, PreloadApi, Reply } from '../../src/protocol/ipc';
import { droppedFileChannel, eventChannel, eventNames, invokeChannel, operationNames, type EventName, type OperationName } from '../../src/protocol/ipc-names';

/** Calls one operation. Always resolves to a `Reply`, as the contract promises, even if IPC itself fails. */
function invoker<N extends OperationName>(name: N): (args: OperationArgs<N>) => Promise<Reply<OperationResult<N>>> {
  const channel = invokeChannel(name);
  return (args) => ipcRenderer.invoke(channel, args).catch((error: unknown) => notAnswered(name, error));
}

function notAnswered(name: OperationName, error: unknown): Reply<never> {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: {
      code: 'transport',
      message: `Glowroom's main process did not answer "${name}" (${reason}). Restart Glowroom; if this keeps happening, please report it.`,
    },
  };
}

const invoke = Object.freeze(
  Object.fromEntries(operationNames.map((name) => [name, invoker(name)])),
) as PreloadApi['invoke'];

/** Subscribes to one contract event; the listener gets only the payload. Returns the unsubscribe function. */
function on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
  if (!(eventNames as readonly string[]).includes(name)) {
    throw new Error(`Glowroom has no event "${String(name)}"; the events are: ${eventNames.join(', ')}.`);
  }
  const channel = eventChannel(name);
  const forward = (_event: Electron.IpcRendererEvent, payload: EventPayload<N>) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

/**
 * Dropped files carry their real path in Electron, so nothing needs copying; main hears of each
 * so it may read it (only a file the user really dropped or picked has a path here).
 */
const pathForFile = (file: object): string => {
  const path = webUtils.getPathForFile(file as File);
  if (path) ipcRenderer.send(droppedFileChannel, path);
  return path;
};

contextBridge.exposeInMainWorld('glowroom', Object.freeze({ invoke, on, pathForFile }) satisfies PreloadApi);
