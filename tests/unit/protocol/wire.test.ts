import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, maxFrameBytes, partBytes, wireParts, type WireMessage } from '../../../src/protocol/wire';
import { GlowroomError } from '../../../src/std/errors';

describe('wire framing', () => {
  it('round-trips a reply carrying float PCM bit for bit', () => {
    const left = Float32Array.from({ length: 1001 }, (_, i) => Math.sin(i / 7));
    const right = Float32Array.from({ length: 1001 }, (_, i) => -Math.cos(i / 3) * 1e-30);
    const message: WireMessage = { type: 'reply', id: 42, reply: { ok: true, value: { name: 'é 🎧.wav', channels: [left, right] } } };
    const decoded = decodeWire(encodeWire(message));
    expect(decoded.type).toBe('reply');
    const value = (decoded as Extract<WireMessage, { type: 'reply' }>).reply as { ok: true; value: { name: string; channels: Float32Array[] } };
    expect(value.value.name).toBe('é 🎧.wav');
    expect(value.value.channels[0]).toBeInstanceOf(Float32Array);
    expect(value.value.channels[0]).toEqual(left);
    expect(value.value.channels[1]).toEqual(right);
  });

  it('round-trips waveform peaks as Int8Array beside PCM', () => {
    const peaks = Int8Array.of(-127, 127, -3, 5, 0);
    const decoded = decodeWire(encodeWire({ type: 'reply', id: 3, reply: { ok: true, value: { peaks, pcm: Float32Array.of(0.25) } } })) as Extract<WireMessage, { type: 'reply' }>;
    const value = (decoded.reply as { ok: true; value: { peaks: Int8Array; pcm: Float32Array } }).value;
    expect(value.peaks).toBeInstanceOf(Int8Array);
    expect(Array.from(value.peaks)).toEqual([-127, 127, -3, 5, 0]);
    expect(value.pcm).toEqual(Float32Array.of(0.25));
    const file = Uint8Array.of(82, 73, 70, 70, 1);
    const back = decodeWire(encodeWire({ type: 'call', id: 4, op: 'audio.store', args: { bytes: file } })) as Extract<WireMessage, { type: 'call' }>;
    expect((back.args as { bytes: Uint8Array }).bytes).toEqual(file);
  });

  it('round-trips calls and events without attachments', () => {
    const call: WireMessage = { type: 'call', id: 1, op: 'app.info', args: {} };
    expect(decodeWire(encodeWire(call))).toEqual(call);
    const event: WireMessage = { type: 'event', name: 'job.progress', payload: { done: 3 } };
    expect(decodeWire(encodeWire(event))).toEqual(event);
  });

  it('reads a frame that sits at an odd offset of a larger buffer', () => {
    const frame = encodeWire({ type: 'reply', id: 7, reply: { ok: true, value: [Float32Array.of(0.5, -0.25)] } });
    const padded = new Uint8Array(frame.length + 3);
    padded.set(frame, 3);
    const decoded = decodeWire(padded.subarray(3)) as Extract<WireMessage, { type: 'reply' }>;
    expect((decoded.reply as { ok: true; value: Float32Array[] }).value[0]).toEqual(Float32Array.of(0.5, -0.25));
  });

  it('reads float PCM from a frame inside a Node Buffer pool (what the web host receives), not the pool around it', () => {
    const frame = encodeWire({ type: 'call', id: 3, op: 'recording.append', args: { takeId: 't', channels: [Float32Array.of(0.5, -0.25, 0.125)] } });
    const pool = Buffer.alloc(frame.length + 64, 0x7f);
    pool.set(frame, 32);
    const decoded = decodeWire(pool.subarray(32, 32 + frame.length)) as Extract<WireMessage, { type: 'call' }>;
    expect((decoded.args as { channels: Float32Array[] }).channels[0]).toEqual(Float32Array.of(0.5, -0.25, 0.125));
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['length past the end', Uint8Array.of(255, 255, 0, 0, 0, 0, 0, 0)],
    ['not JSON', frameOf('{nope', [])],
    ['unknown type', frameOf('{"type":"hello"}', [])],
    ['missing attachment', frameOf('{"type":"event","name":"job.progress","payload":{"$f32":3}}', [])],
  ])('refuses a malformed frame (%s) with a transport error', (_label, bytes) => {
    expect(() => decodeWire(bytes)).toThrowError(GlowroomError);
    try {
      decodeWire(bytes);
    } catch (error) {
      expect((error as GlowroomError).code).toBe('transport');
    }
  });

  it('refuses an attachment that claims more bytes than the frame holds', () => {
    const frame = encodeWire({ type: 'event', name: 'job.progress', payload: Float32Array.of(1, 2, 3) });
    expect(() => decodeWire(frame.subarray(0, frame.length - 4))).toThrowError(/attachment past the end/);
    const bytes = encodeWire({ type: 'event', name: 'job.progress', payload: Int8Array.of(1, 2, 3) });
    expect(() => decodeWire(bytes.subarray(0, bytes.length - 4))).toThrowError(/attachment past the end/);
  });

  it('sends a Node Buffer as raw bytes, not as the array of numbers its toJSON makes', () => {
    const bytes = Buffer.from('RIFF and then some audio');
    const frame = encodeWire({ type: 'call', id: 1, op: 'audio.store', args: { bytes } });
    expect(frame.byteLength).toBeLessThan(200);
    const back = decodeWire(frame) as Extract<WireMessage, { type: 'call' }>;
    expect(Buffer.from((back.args as { bytes: Uint8Array }).bytes).equals(bytes)).toBe(true);
  });

  it('splits a call larger than a part into parts that put it back together, and leaves a small one whole', () => {
    const small = encodeWire({ type: 'call', id: 1, op: 'app.info', args: {} });
    expect(wireParts(small, 1)).toEqual([small]);
    const big = encodeWire({ type: 'call', id: 2, op: 'audio.store', args: { bytes: new Uint8Array(partBytes + 10).fill(3) } });
    const parts = wireParts(big, 2);
    expect(Math.max(...parts.map((part) => part.byteLength))).toBeLessThanOrEqual(maxFrameBytes);
    const decoded = parts.map((part) => decodeWire(part) as Extract<WireMessage, { type: 'part' }>);
    expect(decoded.map((part) => [part.type, part.id, part.total])).toEqual([['part', 2, big.byteLength], ['part', 2, big.byteLength]]);
    expect(Buffer.concat(decoded.map((part) => part.bytes)).equals(Buffer.from(big))).toBe(true);
  });

  it('refuses a frame declaring 4 GB of JSON, and messages whose id, operation or bytes are not what their type has', () => {
    const lying = new Uint8Array(16);
    new DataView(lying.buffer).setUint32(0, 0xffff_ffff, true);
    expect(() => decodeWire(lying)).toThrow('Malformed message from the other side (bad header).');
    for (const message of [{ type: 'call', id: '__proto__', op: 'app.info' }, { type: 'call', id: 1, op: { toString: 1 } }, { type: 'part', id: 1, total: 10, bytes: [1, 2] }]) {
      expect(() => decodeWire(frameOf(JSON.stringify(message), []))).toThrow('Malformed message from the other side (unknown message type or fields).');
    }
  });
});

function frameOf(json: string, lengths: number[]): Uint8Array {
  const text = new TextEncoder().encode(json);
  const head = (4 + text.length + 3) & ~3;
  const bytes = new Uint8Array(head + 4 + 4 * lengths.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, text.length, true);
  bytes.set(text, 4);
  view.setUint32(head, lengths.length, true);
  return bytes;
}
