/**
 * The WebSocket framing of the IPC contract. One binary frame per message:
 *   u32 (little-endian) JSON byte length · UTF-8 JSON · padding to 4 bytes ·
 *   u32 attachment count · u32 byte length of each · the attachments, each padded to 4 bytes.
 * Every Float32Array (PCM), Int8Array (waveform peaks) and Uint8Array (file bytes) travels as raw
 * bytes — PCM would be ten times larger as JSON — and is replaced in the JSON by
 * `{"$f32": index}`, `{"$i8": index}` or `{"$u8": index}`.
 *
 * Sizes: no message is larger than `maxFrameBytes`. A call that is (a dropped audio file rides in
 * `audio.store`) travels as `part` messages, each a slice of its frame in order, the first
 * announcing the whole size; the host puts the call together again only up to `maxCallBytes`.
 */
import { GlowroomError } from '../std/errors';
import type { EventName, OperationName, Reply } from './ipc';

export type WireMessage =
  | { type: 'call'; id: number; op: OperationName; args: unknown }
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'event'; name: EventName; payload: unknown }
  /** Bytes `bytes` of a call frame of `total` bytes, whose id is `id`: the parts come in order, one call at a time. */
  | { type: 'part'; id: number; total: number; bytes: Uint8Array };

/** The largest WebSocket message the web host accepts: room for a part and its header. */
export const maxFrameBytes = 8 * 1024 * 1024 + 64 * 1024;
/** How many bytes of a call one part carries. */
export const partBytes = 8 * 1024 * 1024;
/**
 * The largest call the web host puts together from parts: a dropped audio file (an hour of
 * 24-bit stereo at 48 kHz is about 1 GB, so 512 MB is half an hour) plus its name. Larger files
 * are imported from their folder through the library, which reads them from disk.
 */
export const maxCallBytes = 512 * 1024 * 1024;
/** Said when a call is larger than `maxCallBytes`, on whichever side finds it. */
export const callTooLargeMessage =
  'This is too large to send to the Glowroom web host (over 512 MB). For a file this large, import its folder into the library and add it from there.';

/** `frame`, a call with id `id`, as the messages to send: itself, or its parts when it is larger than a part. */
export function wireParts(frame: Uint8Array<ArrayBuffer>, id: number): Uint8Array<ArrayBuffer>[] {
  if (frame.byteLength <= partBytes) return [frame];
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0; at < frame.byteLength; at += partBytes) {
    parts.push(encodeWire({ type: 'part', id, total: frame.byteLength, bytes: frame.subarray(at, at + partBytes) }));
  }
  return parts;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeWire(message: WireMessage): Uint8Array<ArrayBuffer> {
  const attachments: (Float32Array | Int8Array | Uint8Array)[] = [];
  // The holder's own value, not `value`: JSON.stringify hands the replacer what toJSON made of it,
  // and Node's Buffer has a toJSON (an array of numbers, ten times larger).
  const json = JSON.stringify(message, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    const tag = attachmentTag(original);
    if (!tag) return value;
    attachments.push(original as Float32Array | Int8Array | Uint8Array);
    return { [tag]: attachments.length - 1 };
  });
  const text = encoder.encode(json);
  const head = align4(4 + text.length);
  const table = 4 + 4 * attachments.length;
  const size = head + table + attachments.reduce((sum, a) => sum + align4(a.byteLength), 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, text.length, true);
  bytes.set(text, 4);
  view.setUint32(head, attachments.length, true);
  attachments.forEach((a, i) => view.setUint32(head + 4 + 4 * i, a.byteLength, true));
  let at = head + table;
  for (const a of attachments) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align4(a.byteLength);
  }
  return bytes;
}

export function decodeWire(frame: Uint8Array): WireMessage {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const fail = (why: string): never => {
    throw new GlowroomError('transport', `Malformed message from the other side (${why}).`);
  };
  if (frame.byteLength < 8) fail('too short');
  const textLength = view.getUint32(0, true);
  const head = align4(4 + textLength);
  if (head + 4 > frame.byteLength) fail('bad header');
  const count = view.getUint32(head, true);
  const table = 4 + 4 * count;
  if (head + table > frame.byteLength) fail('bad attachment table');
  // Copies, so each array owns aligned memory independent of the socket's buffer (a Node Buffer's
  // `slice` is a view into its pool: never use it here).
  const attachments: Uint8Array[] = [];
  let at = head + table;
  for (let i = 0; i < count; i++) {
    const n = view.getUint32(head + 4 + 4 * i, true);
    if (at + n > frame.byteLength) fail('attachment past the end');
    attachments.push(new Uint8Array(frame.subarray(at, at + n)));
    at += align4(n);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(frame.subarray(4, 4 + textLength)), (_key, value: unknown) => {
      const ref = attachmentRef(value);
      if (!ref) return value;
      const bytes = attachments[ref.index] ?? fail('missing attachment');
      if (ref.type === 'i8') return new Int8Array(bytes.buffer);
      if (ref.type === 'u8') return bytes;
      if (bytes.byteLength % 4 !== 0) fail('float attachment of odd length');
      return new Float32Array(bytes.buffer);
    });
  } catch (error) {
    if (error instanceof GlowroomError) throw error;
    fail('invalid JSON');
  }
  if (!isWireMessage(parsed)) fail('unknown message type or fields');
  return parsed as WireMessage;
}

/** `n` rounded up to a multiple of 4, for any length a u32 can declare (bit operators would wrap past 2^31). */
function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

function attachmentTag(value: unknown): '$f32' | '$i8' | '$u8' | null {
  if (value instanceof Float32Array) return '$f32';
  if (value instanceof Int8Array) return '$i8';
  // Node's Buffer is a Uint8Array too, and travels the same way.
  if (value instanceof Uint8Array) return '$u8';
  return null;
}

function attachmentRef(value: unknown): { type: 'f32' | 'i8' | 'u8'; index: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { $f32, $i8, $u8 } = value as { $f32?: unknown; $i8?: unknown; $u8?: unknown };
  if (typeof $f32 === 'number') return { type: 'f32', index: $f32 };
  if (typeof $i8 === 'number') return { type: 'i8', index: $i8 };
  if (typeof $u8 === 'number') return { type: 'u8', index: $u8 };
  return null;
}

/** The shape each type promises (the contract checks the arguments and payloads themselves). */
function isWireMessage(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; id?: unknown; op?: unknown; reply?: unknown; name?: unknown; total?: unknown; bytes?: unknown };
  switch (message.type) {
    case 'call':
      return Number.isSafeInteger(message.id) && typeof message.op === 'string';
    case 'reply':
      return Number.isSafeInteger(message.id) && typeof message.reply === 'object' && message.reply !== null;
    case 'event':
      return typeof message.name === 'string';
    case 'part':
      return Number.isSafeInteger(message.id) && Number.isSafeInteger(message.total) && (message.total as number) > 0 && message.bytes instanceof Uint8Array;
    default:
      return false;
  }
}
