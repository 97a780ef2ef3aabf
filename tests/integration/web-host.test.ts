import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Reply } from '../../src/protocol/ipc';
import { decodeWire, encodeWire, type WireMessage } from '../../src/protocol/wire';
import { startWebHost, type WebHost } from '../../electron/host/web-host';
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
    host = await startWebHost({ root });
    cookie = `glowroom-token=${host.token}`;
  });
  afterEach(() => host.close());

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

  it('survives a malformed frame: that socket closes, the host keeps serving', async () => {
    const bad = await connect(host, { cookie, origin: host.origin });
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    bad.send(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(await closed).toBe(1007);
    const good = await connect(host, { cookie, origin: host.origin });
    expect(await call(good, 1, 'app.info', {})).toMatchObject({ ok: true });
    good.close();
  });
});
