/**
 * A seeded set of hostile clients of the web host, as raw bytes for a TCP socket: malformed HTTP
 * requests (request targets `new URL` cannot parse, tokens of multibyte characters, huge and
 * broken headers), refused and malformed WebSocket upgrades, and raw WebSocket frames after a good
 * upgrade (reserved opcodes, unmasked or oversized frames, huge declared lengths, garbage
 * messages), each with and without the token.
 */
import { seededRandom, type Random } from '../support/seeded-random';

export interface HostileClient {
  readonly label: string;
  readonly bytes: Buffer;
}

export interface HostAddress {
  /** `127.0.0.1:port`. */
  readonly host: string;
  readonly token: string;
}

interface Frame {
  readonly opcode: number;
  readonly payload?: Buffer;
  readonly fin?: boolean;
  /** The three RSV bits, 0–7. */
  readonly rsv?: number;
  readonly masked?: boolean;
  /** Declares this length instead of the payload's (the bytes sent stay the payload). */
  readonly declared?: bigint;
}

/** One WebSocket frame as a client writes it (masked unless told otherwise). */
export function frame({ opcode, payload = Buffer.alloc(0), fin = true, rsv = 0, masked = true, declared }: Frame): Buffer {
  const length = declared ?? BigInt(payload.length);
  const head = [(fin ? 0x80 : 0) | (rsv << 4) | opcode];
  const mask = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126n) head.push(mask | Number(length));
  else if (length < 65_536n) {
    head.push(mask | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(Number(length));
  } else {
    head.push(mask | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(length);
  }
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = masked ? Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!)) : payload;
  return Buffer.concat([Buffer.from(head), extended, masked ? key : Buffer.alloc(0), body]);
}

/** A WebSocket upgrade for `/ipc`; `withToken` adds the cookie and the page's origin. */
export function upgrade(address: HostAddress, withToken: boolean, target = '/ipc', extra = ''): Buffer {
  const auth = withToken ? `Origin: http://${address.host}\r\nCookie: glowroom-token=${address.token}\r\n` : '';
  return Buffer.from(
    `GET ${target} HTTP/1.1\r\nHost: ${address.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${auth}${extra}\r\n`,
  );
}

function request(address: HostAddress, line: string, headers = ''): Buffer {
  return Buffer.from(`${line}\r\nHost: ${address.host}\r\n${headers}\r\n`);
}

function fixedCases(address: HostAddress): HostileClient[] {
  const { token } = address;
  const sameLengthMultibyte = 'é'.repeat(token.length);
  const cookie = `Cookie: glowroom-token=${token}\r\n`;
  const http: [string, Buffer][] = [
    ['a target new URL cannot parse', request(address, 'GET http://[ HTTP/1.1')],
    ['a target new URL cannot parse, with the token', request(address, 'GET http://[ HTTP/1.1', cookie)],
    ['an absolute target with a bad port', request(address, `GET http://127.0.0.1:99999999/?token=${token} HTTP/1.1`)],
    ['a token of multibyte characters, as long as the real one', request(address, `GET /?token=${encodeURIComponent(sameLengthMultibyte)} HTTP/1.1`)],
    ['a cookie of multibyte characters, as long as the token', Buffer.concat([Buffer.from(`GET / HTTP/1.1\r\nHost: ${address.host}\r\nCookie: glowroom-token=`), Buffer.from(sameLengthMultibyte), Buffer.from('\r\n\r\n')])],
    ['an asterisk target', request(address, 'OPTIONS * HTTP/1.1', cookie)],
    ['bad percent-encoding', request(address, 'GET /%zz%C0%AF HTTP/1.1', cookie)],
    ['path traversal', request(address, 'GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1', cookie)],
    ['a 60 kB target', request(address, `GET /${'a'.repeat(60_000)} HTTP/1.1`, cookie)],
    ['a 100 kB header', request(address, 'GET / HTTP/1.1', `X-Big: ${'b'.repeat(100_000)}\r\n${cookie}`)],
    ['no Host', Buffer.from(`GET /?token=${token} HTTP/1.1\r\n\r\n`)],
    ['HTTP/9.9', request(address, 'GET / HTTP/9.9', cookie)],
    ['an unknown method', request(address, 'BREW / HTTP/1.1', cookie)],
    ['a POST with a body', request(address, 'POST / HTTP/1.1', `${cookie}Content-Length: 5\r\n`)],
    ['a lying chunked body', Buffer.concat([request(address, 'POST / HTTP/1.1', `${cookie}Transfer-Encoding: chunked\r\n`), Buffer.from('zz\r\nxx\r\n')])],
    ['a header with a NUL', request(address, 'GET / HTTP/1.1', `X-Bad: a\u0000b\r\n${cookie}`)],
    ['request smuggling', request(address, 'GET / HTTP/1.1', `${cookie}Content-Length: 3\r\nTransfer-Encoding: chunked\r\n`)],
    ['a half request', Buffer.from('GET / HT')],
  ];
  const upgrades: [string, Buffer][] = [
    ['an upgrade without the token', upgrade(address, false)],
    ['an upgrade to a target new URL cannot parse', upgrade(address, true, 'http://[')],
    ['an upgrade with a multibyte token', upgrade({ ...address, token: sameLengthMultibyte }, true)],
    ['an upgrade to another path', upgrade(address, true, '/other')],
    ['an upgrade of version 8', upgrade(address, true, '/ipc', 'Sec-WebSocket-Version: 8\r\n')],
    ['an upgrade with a second key', upgrade(address, true, '/ipc', 'Sec-WebSocket-Key: !!!\r\n')],
  ];
  const frames: [string, Buffer][] = [
    ['a reserved opcode', frame({ opcode: 0x3, payload: Buffer.from('hi') })],
    ['a reserved control opcode', frame({ opcode: 0xb })],
    ['an unmasked frame', frame({ opcode: 0x2, payload: Buffer.from('abcd'), masked: false })],
    ['RSV bits without an extension', frame({ opcode: 0x2, payload: Buffer.from('abcd'), rsv: 7 })],
    ['a message declared at 2^63 bytes', frame({ opcode: 0x2, declared: 2n ** 63n })],
    ['a message declared at 600 MB', frame({ opcode: 0x2, declared: 600_000_000n, payload: Buffer.alloc(1000) })],
    ['a ping of 200 bytes', frame({ opcode: 0x9, payload: Buffer.alloc(200) })],
    ['a fragmented ping', frame({ opcode: 0x9, fin: false })],
    ['a continuation with nothing to continue', frame({ opcode: 0x0, payload: Buffer.from('x') })],
    ['a close with code 999', frame({ opcode: 0x8, payload: Buffer.from([0x03, 0xe7]) })],
    ['a text frame of bad UTF-8', frame({ opcode: 0x1, payload: Buffer.from([0xc0, 0xaf]) })],
    ['a text frame', frame({ opcode: 0x1, payload: Buffer.from('{"type":"call"}') })],
    ['a binary frame of garbage', frame({ opcode: 0x2, payload: Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) })],
    ['a wire message declaring 4 GB of JSON', frame({ opcode: 0x2, payload: Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]) })],
    ['a call of an unknown operation', frame({ opcode: 0x2, payload: wireJson({ type: 'call', id: 1, op: 'process.exit', args: {} }) })],
    ['a call with hostile arguments', frame({ opcode: 0x2, payload: wireJson({ type: 'call', id: 2, op: 'project.open', args: { path: { toString: 1 } } }) })],
    ['a call with a __proto__ id', frame({ opcode: 0x2, payload: wireJson({ type: 'call', id: '__proto__', op: 'app.info', args: null }) })],
    ['parts of two calls interleaved', Buffer.concat([partFrame(1, 10, 4), partFrame(2, 10, 4)])],
    ['a part larger than announced', partFrame(3, 4, 8)],
    ['a part announcing 2 GB', partFrame(4, 2 ** 31, 16)],
  ];
  return [
    ...http.map(([label, bytes]) => ({ label: `HTTP: ${label}`, bytes })),
    ...upgrades.map(([label, bytes]) => ({ label: `upgrade: ${label}`, bytes })),
    ...frames.flatMap(([label, bytes]) => [
      { label: `frame with the token: ${label}`, bytes: Buffer.concat([upgrade(address, true), bytes]) },
      { label: `frame without the token: ${label}`, bytes: Buffer.concat([upgrade(address, false), bytes]) },
    ]),
  ];
}

/** A wire message whose JSON is `value` and that has no attachments. */
function wireJson(value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  const padding = Buffer.alloc((4 - (json.length % 4)) % 4);
  return Buffer.concat([head, json, padding, Buffer.alloc(4)]);
}

/** A `part` wire message: `length` bytes of a call `id` announced as `total` bytes. */
function partFrame(id: number, total: number, length: number): Buffer {
  const json = Buffer.from(JSON.stringify({ type: 'part', id, total, bytes: { $u8: 0 } }));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  const padding = Buffer.alloc((4 - (json.length % 4)) % 4);
  const table = Buffer.alloc(8);
  table.writeUInt32LE(1, 0);
  table.writeUInt32LE(length, 4);
  const bytes = Buffer.alloc(Math.ceil(length / 4) * 4, 7);
  return frame({ opcode: 0x2, payload: Buffer.concat([head, json, padding, table, bytes]) });
}

function mutate(bytes: Buffer, random: Random): { bytes: Buffer; what: string } {
  const copy = Buffer.from(bytes);
  if (random.next() < 0.3) {
    const at = random.below(copy.length);
    return { bytes: copy.subarray(0, at), what: `cut at ${at}` };
  }
  const places: number[] = [];
  for (let n = 1 + random.below(4); n > 0; n--) {
    const at = random.below(copy.length);
    copy[at] = random.below(256);
    places.push(at);
  }
  return { bytes: copy, what: `bytes changed at ${places.join(', ')}` };
}

/** The fixed cases, then `mutants` seeded mutants of good requests, upgrades and frames. */
export function hostileWebClients(address: HostAddress, seed: number, mutants: number): HostileClient[] {
  const random = seededRandom(seed);
  const good = [
    request(address, `GET /?token=${address.token} HTTP/1.1`),
    request(address, 'GET /assets/app.js HTTP/1.1', `Cookie: glowroom-token=${address.token}\r\n`),
    upgrade(address, true),
    Buffer.concat([upgrade(address, true), frame({ opcode: 0x2, payload: wireJson({ type: 'call', id: 1, op: 'app.info', args: {} }) })]),
  ];
  const cases = fixedCases(address);
  for (let i = 0; i < mutants; i++) {
    const { bytes, what } = mutate(random.pick(good), random);
    cases.push({ label: `mutant ${i}: ${what}`, bytes });
  }
  return cases;
}
