import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { Reply } from '../../src/protocol/ipc';
import { encodeWav } from '../../src/codecs/wav-writer';
import { decodeWire, encodeWire, maxCallBytes, maxFrameBytes, partBytes, wireParts, type WireMessage } from '../../src/protocol/wire';
import { startWebHost, type WebHost } from '../../electron/host/web-host';
import { frame, upgrade } from '../fuzz/hostile-web-clients';
import { createEmptyProject } from '../../src/model/new-project';
import { serializeProject } from '../../src/model/parse-project';
import { packFile } from '../support/paths';
import { tempDir } from '../support/temp-dir';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP GET, so tests control the Host and Cookie headers exactly. */
function get(host: WebHost, pathAndQuery: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathAndQuery, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
  });
}

function connect(host: WebHost, options: { query?: string; origin?: string; cookie?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ipc${options.query ?? ''}`, {
    headers: { ...(options.origin ? { Origin: options.origin } : {}), ...(options.cookie ? { Cookie: options.cookie } : {}) },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, op: string, args: unknown): Promise<Reply<unknown>> {
  return new Promise((resolve) => {
    ws.on('message', function onMessage(data: Buffer) {
      const message = decodeWire(new Uint8Array(data));
      if (message.type === 'reply' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.reply);
      }
    });
    ws.send(encodeWire({ type: 'call', id, op, args } as WireMessage));
  });
}

describe('the loopback web host', () => {
  let host: WebHost;
  let cookie: string;
  beforeEach(async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Glowroom</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
    // A data folder of its own: what the user picks is remembered there.
    vi.stubEnv('GLOWROOM_HOME', tempDir());
    host = await startWebHost({ root });
    cookie = `glowroom-token=${host.token}`;
  });
  afterEach(async () => {
    await host.close();
    vi.unstubAllEnvs();
  });

  it('listens on 127.0.0.1 only, on a random port, with a long token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses requests without the token, with a wrong token, or for another Host', async () => {
    expect((await get(host, '/')).status).toBe(403);
    expect((await get(host, '/assets/app.js')).status).toBe(403);
    expect((await get(host, `/?token=${host.token.slice(1)}x`)).status).toBe(403);
    expect((await get(host, `/?token=${host.token}`, { Host: 'evil.example:80' })).status).toBe(403);
    expect((await get(host, '/', { Cookie: 'glowroom-token=guess' })).body).toContain('open the address printed by `npm run serve`');
  });

  it('serves with the token, sets an HttpOnly cookie, and isolates the page (COOP/COEP/CSP)', async () => {
    const first = await get(host, `/?token=${host.token}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain('<title>Glowroom</title>');
    expect(first.headers['set-cookie']?.[0]).toMatch(/^glowroom-token=.+; HttpOnly; SameSite=Strict; Path=\//);
    expect(first.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(first.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await get(host, '/assets/app.js', { Cookie: cookie });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(host, '/%2e%2e/%2e%2e/etc/passwd', { Cookie: cookie })).status).toBe(403);
  });

  it('refuses WebSockets without the token or from another origin', async () => {
    await expect(connect(host, { origin: host.origin })).rejects.toThrow('403');
    await expect(connect(host, { cookie, origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(connect(host, { cookie })).rejects.toThrow('403');
    await expect(connect(host, { query: `?token=${host.token}`, origin: 'null' })).rejects.toThrow('403');
  });

  it('serves the contract over the socket: info, PCM and typed errors', async () => {
    const ws = await connect(host, { cookie, origin: host.origin });
    expect(await call(ws, 1, 'app.info', {})).toMatchObject({ ok: true, value: { name: 'Glowroom', host: 'web' } });
    const loaded = await call(ws, 2, 'audio.load', { path: packFile('Drums/Kicks/bd_klub_48k.wav') });
    expect(loaded.ok).toBe(true);
    const value = (loaded as { ok: true; value: { sampleRate: number; channels: Float32Array[] } }).value;
    expect(value.sampleRate).toBe(48_000);
    expect(value.channels[0]).toBeInstanceOf(Float32Array);
    expect(value.channels[0]?.length).toBe(17_704);
    expect(await call(ws, 3, 'audio.load', { path: '' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    ws.close();
  });

  it('refuses to read /etc/passwd or any file the user did not pick, and reads one once picked in the page', async () => {
    const ws = await connect(host, { cookie, origin: host.origin });
    for (const [id, op, args] of [
      [1, 'project.open', { path: '/etc/passwd' }],
      [2, 'audio.load', { path: '/etc/passwd' }],
      [3, 'library.import', { paths: ['/etc'] }],
      [4, 'project.findInFolder', { folder: '/etc', files: [{ name: 'passwd' }] }],
    ] as const) {
      expect(await call(ws, id, op, args)).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.not.stringContaining('root:') } });
    }
    const folder = tempDir();
    const project = path.join(folder, 'Beat.glowroom');
    writeFileSync(project, serializeProject(createEmptyProject('Beat')));
    const chosen = (await call(ws, 5, 'files.choose', { purpose: 'open-project' })) as { ok: true; value: { outcome: 'browse'; browse: { session: string } } };
    const session = chosen.value.browse.session;
    expect(await call(ws, 6, 'files.pick', { session, path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'wrong-kind' } });
    expect(await call(ws, 7, 'project.open', { path: project })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await call(ws, 8, 'files.pick', { session, path: project })).toEqual({ ok: true, value: { path: project } });
    expect(await call(ws, 9, 'project.open', { path: project })).toMatchObject({ ok: true, value: { path: project } });
    ws.close();
  });

  it('survives a malformed frame: that socket closes, the host keeps serving', async () => {
    const bad = await connect(host, { cookie, origin: host.origin });
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    bad.send(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(await closed).toBe(1007);
    const good = await connect(host, { cookie, origin: host.origin });
    expect(await call(good, 1, 'app.info', {})).toMatchObject({ ok: true });
    good.close();
  });

  /** Writes raw bytes and resolves what came back once the host closes the connection (or 2 s pass). */
  function raw(bytes: Buffer): Promise<string> {
    const { port } = new URL(host.origin);
    return new Promise((resolve) => {
      let answer = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(bytes));
      const timer = setTimeout(() => socket.destroy(), 2000);
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(answer);
      });
      socket.on('error', () => undefined);
    });
  }

  async function stillServes(): Promise<void> {
    expect((await get(host, '/', { Cookie: cookie })).status).toBe(200);
    const ws = await connect(host, { cookie, origin: host.origin });
    expect(await call(ws, 99, 'app.info', {})).toMatchObject({ ok: true });
    ws.close();
  }

  it('refuses a token of as many characters but more bytes (it made the comparison throw)', async () => {
    const multibyte = 'é'.repeat(host.token.length);
    expect((await get(host, `/?token=${encodeURIComponent(multibyte)}`)).status).toBe(403);
    expect((await raw(Buffer.from(`GET / HTTP/1.1\r\nHost: ${new URL(host.origin).host}\r\nCookie: glowroom-token=${multibyte}\r\nConnection: close\r\n\r\n`))).split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    await stillServes();
  });

  it('answers 400 to a request target it cannot read (new URL threw on it), also for an upgrade', async () => {
    const address = new URL(host.origin).host;
    expect((await raw(Buffer.from(`GET http://[ HTTP/1.1\r\nHost: ${address}\r\nConnection: close\r\n\r\n`))).split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await raw(upgrade({ host: address, token: host.token }, true, 'http://[')))).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    await stillServes();
  });

  it('closes a socket that sends a reserved opcode or a message over the size limit, and serves the rest', async () => {
    const address = { host: new URL(host.origin).host, token: host.token };
    const reserved = await raw(Buffer.concat([upgrade(address, true), frame({ opcode: 0x3, payload: Buffer.from('hi') })]));
    expect(reserved).toMatch(/^HTTP\/1\.1 101 Switching Protocols/);
    // The close frame: opcode 8, then code 1002 (protocol error).
    expect(reserved).toContain('\x88');
    expect(reserved).toContain('\x03\xea');
    const huge = await connect(host, { cookie, origin: host.origin });
    const closed = new Promise<number>((resolve) => huge.once('close', (code) => resolve(code)));
    huge.send(Buffer.alloc(maxFrameBytes + 1));
    expect(await closed).toBe(1009);
    await stillServes();
  });

  it('puts a dropped file larger than one message together from its parts, and stores it', async () => {
    const seconds = 50;
    const wav = Buffer.from(encodeWav({ sampleRate: 48_000, channels: [0, 1].map((c) => Float32Array.from({ length: seconds * 48_000 }, (_, i) => Math.sin(i / (20 + c)) * 0.5)) }, { bitDepth: 16 }));
    expect(wav.length).toBeGreaterThan(partBytes);
    const ws = await connect(host, { cookie, origin: host.origin });
    const parts = wireParts(encodeWire({ type: 'call', id: 7, op: 'audio.store', args: { name: 'long take.wav', bytes: wav, projectPath: null } }), 7);
    expect(parts.length).toBe(2);
    const replied = new Promise<Reply<unknown>>((resolve) => ws.once('message', (data: Buffer) => resolve((decodeWire(new Uint8Array(data)) as Extract<WireMessage, { type: 'reply' }>).reply)));
    for (const part of parts) ws.send(part);
    const reply = await replied;
    expect(reply).toMatchObject({ ok: true });
    expect(readFileSync((reply as { ok: true; value: { path: string } }).value.path).equals(wav)).toBe(true);
    ws.close();
  });

  it('answers a call announced larger than the host takes with a message, without closing the socket', async () => {
    const ws = await connect(host, { cookie, origin: host.origin });
    const replied = new Promise<Reply<unknown>>((resolve) => ws.once('message', (data: Buffer) => resolve((decodeWire(new Uint8Array(data)) as Extract<WireMessage, { type: 'reply' }>).reply)));
    ws.send(encodeWire({ type: 'part', id: 5, total: maxCallBytes + 1, bytes: new Uint8Array(1024) }));
    expect(await replied).toEqual({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('too large to send to the Glowroom web host (over 512 MB)') } });
    // Its remaining parts are dropped as they come; the socket goes on serving.
    ws.send(encodeWire({ type: 'part', id: 5, total: maxCallBytes + 1, bytes: new Uint8Array(1024) }));
    expect(await call(ws, 6, 'app.info', {})).toMatchObject({ ok: true });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(encodeWire({ type: 'part', id: 8, total: 100, bytes: new Uint8Array(10) }));
    ws.send(encodeWire({ type: 'part', id: 9, total: 100, bytes: new Uint8Array(10) }));
    expect(await closed).toBe(1007);
    await stillServes();
  });
});
