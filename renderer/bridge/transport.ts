import type { EventName, EventPayload, OperationArgs, OperationName, OperationResult, Reply } from '../../src/protocol/ipc';

/** How the bridge reaches the Node side: Electron IPC through the preload, or the web host's WebSocket. */
export interface Transport {
  readonly kind: 'electron' | 'web';
  invoke<N extends OperationName>(name: N, args: OperationArgs<N>): Promise<Reply<OperationResult<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
  /** Called when the connection to the Node side is lost for good. */
  onClose(listener: (reason: string) => void): () => void;
}
