import type { EventName, OperationName, Reply } from '../../src/protocol/ipc';
import { callTooLargeMessage, decodeWire, encodeWire, maxCallBytes, wireParts, type WireMessage } from '../../src/protocol/wire';
import type { Transport } from './transport';

/**
 * Speaks the contract to the web host over one WebSocket on the page's own origin. The socket
 * authenticates with the HttpOnly cookie the host set when the tokened URL was opened. A call
 * larger than a message (a dropped audio file) goes in parts; one too large for the host is
 * answered here, without sending it.
 */
export async function websocketTransport(location: Location): Promise<Transport> {
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc`);
  socket.binaryType = 'arraybuffer';
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener(
      'error',
      () => reject(new Error('Could not connect to the Glowroom web host. Is `npm run serve` still running? Open the address it printed.')),
      { once: true },
    );
  });

  let nextId = 1;
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const closeListeners = new Set<(reason: string) => void>();

  socket.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
    const message: WireMessage = decodeWire(new Uint8Array(event.data));
    if (message.type === 'reply') {
      pending.get(message.id)?.(message.reply);
      pending.delete(message.id);
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
    }
  });
  socket.addEventListener('close', (event) => {
    const reason = `The connection to the Glowroom web host closed${event.reason ? ` (${event.reason})` : ''}. Restart \`npm run serve\` and reload.`;
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'transport', message: reason } });
    pending.clear();
    for (const listener of closeListeners) listener(reason);
  });

  return {
    kind: 'web',
    invoke(name: OperationName, args: unknown) {
      const id = nextId++;
      return new Promise((resolve) => {
        if (socket.readyState !== WebSocket.OPEN) {
          resolve({ ok: false, error: { code: 'transport', message: 'Not connected to the Glowroom web host; reload the page.' } });
          return;
        }
        const frame = encodeWire({ type: 'call', id, op: name, args });
        if (frame.byteLength > maxCallBytes) {
          resolve({ ok: false, error: { code: 'unsupported', message: callTooLargeMessage } });
          return;
        }
        pending.set(id, resolve as (reply: Reply<unknown>) => void);
        for (const part of wireParts(frame, id)) socket.send(part);
      });
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  } as Transport;
}
