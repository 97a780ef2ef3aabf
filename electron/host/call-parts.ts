/**
 * Puts a call sent in parts (src/protocol/wire.ts) together again, for one WebSocket. Parts come
 * in order, one call at a time; a call announced larger than `maxCallBytes` is answered at once
 * and its parts are dropped as they come, so a client can never make the host hold more.
 */
import { maxCallBytes, type WireMessage } from '../../src/protocol/wire';
import { GlowroomError } from '../../src/std/errors';

type Part = Extract<WireMessage, { type: 'part' }>;

export type PartOutcome =
  /** More parts are to come. */
  | { readonly state: 'waiting' }
  /** The call's whole frame, to decode and serve. */
  | { readonly state: 'complete'; readonly frame: Uint8Array }
  /** The call is larger than the host accepts: answer `id` with an error (once). */
  | { readonly state: 'too-large'; readonly id: number };

export class CallParts {
  private current: { id: number; total: number; received: number; chunks: Uint8Array[] | null } | null = null;

  /** Takes the next part. Throws `transport` when the parts break the rules (interleaved, too many bytes). */
  add(part: Part): PartOutcome {
    const first = this.current === null;
    const call = (this.current ??= { id: part.id, total: part.total, received: 0, chunks: part.total <= maxCallBytes ? [] : null });
    if (part.id !== call.id || part.total !== call.total) throw broken('parts of two calls are mixed');
    call.received += part.bytes.byteLength;
    if (call.received > call.total) throw broken('more bytes came than the call announced');
    call.chunks?.push(part.bytes);
    if (call.received === call.total) this.current = null;
    if (!call.chunks) return first ? { state: 'too-large', id: call.id } : { state: 'waiting' };
    if (call.received < call.total) return { state: 'waiting' };
    return { state: 'complete', frame: Buffer.concat(call.chunks) };
  }
}

function broken(why: string): GlowroomError {
  return new GlowroomError('transport', `Malformed message parts from the page (${why}).`);
}
