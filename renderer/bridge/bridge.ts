import type { EventName, EventPayload, OperationArgs, OperationName, OperationResult } from '../../src/protocol/ipc';
import { GlowroomError } from '../../src/std/errors';
import { electronTransport } from './electron-transport';
import type { Transport } from './transport';
import { websocketTransport } from './websocket-transport';

/**
 * The renderer's only way to the Node side: a typed client of `src/protocol/ipc`. A failed call
 * rejects with a GlowroomError carrying the contract's error code and message.
 */
export class Bridge {
  constructor(private readonly transport: Transport) {}

  get host(): Transport['kind'] {
    return this.transport.kind;
  }

  async call<N extends OperationName>(name: N, args: OperationArgs<N>): Promise<OperationResult<N>> {
    const reply = await this.transport.invoke(name, args);
    if (!reply.ok) throw new GlowroomError(reply.error.code, reply.error.message);
    return reply.value;
  }

  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    return this.transport.on(name, listener);
  }

  onClose(listener: (reason: string) => void): () => void {
    return this.transport.onClose(listener);
  }
}

/** Picks Electron IPC when the preload is present, else the web host's WebSocket. */
export async function connectBridge(): Promise<Bridge> {
  const transport = window.glowroom ? electronTransport(window.glowroom) : await websocketTransport(window.location);
  return new Bridge(transport);
}
