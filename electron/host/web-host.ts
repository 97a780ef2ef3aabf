import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeWire, encodeWire, type WireMessage } from '../../src/protocol/wire';
import { Dispatcher } from '../services/dispatcher';
import { toIpcError } from '../services/ipc-error';
import { resolveStaticFile } from '../services/static-files';
import { isolationHeaders } from '../services/web-security';

export interface WebHostOptions {
  /** The built renderer to serve. */
  readonly root: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Start watching the library's folders (the real app does; tests need not). */
  readonly backgroundWork?: boolean;
}

export interface WebHost {
  /** The address to open, token included. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const cookieName = 'glowroom-token';
/** Dropped audio files travel in one message; larger ones are imported from their folder instead. */
const maxClientMessageBytes = 512 * 1024 * 1024;

/**
 * Serves the renderer and the IPC contract to a browser tab on loopback only. Every request
 * must carry the per-launch token (in the query, once, or in the cookie that query sets) and a
 * Host of this very address; the WebSocket also checks the Origin, so no other page on the
 * machine can drive the services.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const dispatcher = new Dispatcher('web');
  if (options.backgroundWork) {
    dispatcher.startBackgroundWork().catch((error: unknown) => console.error(`Glowroom could not start watching library folders: ${toIpcError(error).message}`));
  }
  const sockets = new Set<WebSocket>();
  let origin = '';
  let allowedHosts = new Set<string>();

  const authorised = (request: http.IncomingMessage, url: URL): 'query' | 'cookie' | null => {
    if (!allowedHosts.has(request.headers.host ?? '')) return null;
    if (sameSecret(url.searchParams.get('token'), token)) return 'query';
    if (sameSecret(readCookie(request.headers.cookie, cookieName), token)) return 'cookie';
    return null;
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const via = authorised(request, url);
    const headers: Record<string, string> = { ...isolationHeaders, 'Cache-Control': 'no-store' };
    if (!via) {
      response.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Glowroom refused this request: open the address printed by `npm run serve`; it carries the access token.\n');
      return;
    }
    if (via === 'query') headers['Set-Cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end();
      return;
    }
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    void resolveStaticFile(options.root, rawPath).then((resolved) => {
      if (!resolved.ok) {
        response.writeHead(resolved.status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(`${resolved.status}: ${resolved.reason}\n`);
        return;
      }
      response.writeHead(200, { ...headers, 'Content-Type': resolved.contentType });
      if (request.method === 'HEAD') response.end();
      else createReadStream(resolved.file).pipe(response);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxClientMessageBytes });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== '/ipc' || !authorised(request, url) || request.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  });

  const serveSocket = (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return ws.close(1003, 'binary frames only');
      let message: WireMessage;
      try {
        message = decodeWire(toBytes(data));
      } catch (error) {
        return ws.close(1007, toIpcError(error).message.slice(0, 120));
      }
      if (message.type !== 'call') return;
      void dispatcher.call(message.op, message.args).then((reply) => {
        if (ws.readyState === ws.OPEN) ws.send(encodeWire({ type: 'reply', id: message.id, reply }));
      });
    });
  };
  const unsubscribe = dispatcher.onEvent((name, payload) => {
    const frame = encodeWire({ type: 'event', name, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sameSecret(candidate: string | null | undefined, secret: string): boolean {
  if (!candidate || candidate.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(candidate), Buffer.from(secret));
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
