import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { callTooLargeMessage, decodeWire, encodeWire, maxFrameBytes, type WireMessage } from '../../src/protocol/wire';
import { Dispatcher } from '../services/dispatcher';
import { CallParts } from './call-parts';
import type { Reply } from '../../src/protocol/ipc';
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

/**
 * Serves the renderer and the IPC contract to a browser tab on loopback only. Every request
 * must carry the per-launch token (in the query, once, or in the cookie that query sets) and a
 * Host of this very address; the WebSocket also checks the Origin, so no other page on the
 * machine can drive the services. Nothing a client sends can stop the host: a malformed request
 * is answered 400 or 403, a socket that breaks the WebSocket or wire rules is closed, and every
 * other client goes on being served.
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
    const headers: Record<string, string> = { ...isolationHeaders, 'Cache-Control': 'no-store' };
    const url = requestTarget(request, origin);
    if (!url) {
      response.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Glowroom could not read this request.\n');
      return;
    }
    const via = authorised(request, url);
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
    const refuse = (status: number, reason: string) => {
      response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`${status}: ${reason}\n`);
    };
    resolveStaticFile(options.root, rawPath).then(
      (resolved) => {
        if (!resolved.ok) return refuse(resolved.status, resolved.reason);
        response.writeHead(200, { ...headers, 'Content-Type': resolved.contentType });
        if (request.method === 'HEAD') return response.end();
        // A file removed between the check and the read ends this response, not the host.
        createReadStream(resolved.file)
          .on('error', () => response.destroy())
          .pipe(response);
      },
      () => refuse(404, 'not found'),
    );
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  server.on('upgrade', (request, socket: Duplex, head) => {
    // A client that resets the connection mid-handshake must not take the host with it.
    socket.on('error', () => socket.destroy());
    const url = requestTarget(request, origin);
    if (!url) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    if (url.pathname !== '/ipc' || !authorised(request, url) || request.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  });

  const serveSocket = (ws: WebSocket) => {
    sockets.add(ws);
    const parts = new CallParts();
    ws.on('close', () => sockets.delete(ws));
    // Frames that break the WebSocket rules (a reserved opcode, a message over maxFrameBytes):
    // ws closes this socket with the matching code; the host carries on.
    ws.on('error', () => undefined);
    const reply = (id: number, answer: Reply<unknown>) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeWire({ type: 'reply', id, reply: answer }));
    };
    const serve = (message: Extract<WireMessage, { type: 'call' }>) => {
      dispatcher.call(message.op, message.args).then(
        (answer) => reply(message.id, answer),
        (error: unknown) => reply(message.id, { ok: false, error: toIpcError(error) }),
      );
    };
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return ws.close(1003, 'binary frames only');
      let message: WireMessage;
      try {
        message = decodeWire(toBytes(data));
        if (message.type === 'part') {
          const outcome = parts.add(message);
          if (outcome.state === 'too-large') reply(outcome.id, { ok: false, error: { code: 'unsupported', message: callTooLargeMessage } });
          if (outcome.state !== 'complete') return;
          message = decodeWire(outcome.frame);
          if (message.type !== 'call') return ws.close(1008, 'parts make no call');
        }
      } catch (error) {
        return ws.close(1007, toIpcError(error).message.slice(0, 120));
      }
      if (message.type === 'call') serve(message);
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

/** The request's target as a URL on this host; null when it cannot be read (`GET http://[`). */
function requestTarget(request: http.IncomingMessage, origin: string): URL | null {
  try {
    return new URL(request.url ?? '/', origin);
  } catch {
    return null;
  }
}

/** Constant-time comparison of UTF-8 bytes: a string of as many characters but more bytes is simply different. */
function sameSecret(candidate: string | null | undefined, secret: string): boolean {
  if (!candidate) return false;
  const given = Buffer.from(candidate);
  const expected = Buffer.from(secret);
  return given.byteLength === expected.byteLength && timingSafeEqual(given, expected);
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
