/**
 * The WebSocket framing of the IPC contract. One binary frame per message:
 *   u32 (little-endian) JSON byte length · UTF-8 JSON · padding to 4 bytes · float32 attachments.
 * Every Float32Array in the message travels as raw bytes (PCM would be ten times larger as JSON)
 * and is replaced in the JSON by `{"$f32": index}`.
 */
import { GlowroomError } from '../std/errors';
import type { EventName, OperationName, Reply } from './ipc';

export type WireMessage =
  | { type: 'call'; id: number; op: OperationName; args: unknown }
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeWire(message: WireMessage): Uint8Array<ArrayBuffer> {
  const attachments: Float32Array[] = [];
  const json = JSON.stringify(message, (_key, value: unknown) => {
    if (value instanceof Float32Array) {
      attachments.push(value);
      return { $f32: attachments.length - 1 };
    }
    return value;
  });
  const text = encoder.encode(json);
  const head = align4(4 + text.length);
  const lengths = attachments.map((a) => a.length);
  const table = 4 + 4 * lengths.length;
  const size = head + table + lengths.reduce((sum, n) => sum + 4 * n, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, text.length, true);
  bytes.set(text, 4);
  view.setUint32(head, lengths.length, true);
  lengths.forEach((n, i) => view.setUint32(head + 4 + 4 * i, n, true));
  let at = head + table;
  for (const a of attachments) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
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
  const attachments: Float32Array[] = [];
  let at = head + table;
  for (let i = 0; i < count; i++) {
    const n = view.getUint32(head + 4 + 4 * i, true);
    if (at + 4 * n > frame.byteLength) fail('attachment past the end');
    // Copy so the array owns aligned memory independent of the socket's buffer.
    attachments.push(new Float32Array(frame.slice(at, at + 4 * n).buffer));
    at += 4 * n;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(frame.subarray(4, 4 + textLength)), (_key, value: unknown) => {
      if (isAttachmentRef(value)) {
        const a = attachments[value.$f32];
        return a ?? fail('missing attachment');
      }
      return value;
    });
  } catch (error) {
    if (error instanceof GlowroomError) throw error;
    fail('invalid JSON');
  }
  if (!isWireMessage(parsed)) fail('unknown message type');
  return parsed as WireMessage;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function isAttachmentRef(value: unknown): value is { $f32: number } {
  return typeof value === 'object' && value !== null && typeof (value as { $f32?: unknown }).$f32 === 'number';
}

function isWireMessage(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'call' || type === 'reply' || type === 'event';
}
