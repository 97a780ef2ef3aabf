/**
 * The web host never falls over: the seeded hostile clients of tests/fuzz/hostile-web-clients.ts
 * write raw bytes to the host (`npm run serve` in its own process, so a crash shows as an exit),
 * and after each one the host must still answer a valid page request; every tenth case, and at
 * the end, a valid WebSocket call too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeWire, encodeWire } from '../../src/protocol/wire';
import { hostileWebClients, type HostAddress } from '../fuzz/hostile-web-clients';
import { tempDir } from '../support/temp-dir';
import { startWebHostProcess } from '../support/web-host-process';
import type { ChildProcess } from 'node:child_process';

const seed = 0x5eed_0013;
const mutants = 60;

/** Writes `bytes`, then waits until the host closes the socket or `ms` pass. */
function send(port: number, bytes: Buffer, ms = 150): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket.on('data', () => undefined);
    socket.on('error', done);
    socket.on('close', done);
  });
}

function pageStatus(address: HostAddress): Promise<number> {
  return new Promise((resolve, reject) => {
    const [host, port] = address.host.split(':');
    const request = http.get({ host, port, path: '/', headers: { Cookie: `glowroom-token=${address.token}` }, timeout: 3000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(new Error('no answer in 3 s')));
    request.on('error', reject);
  });
}

async function callWorks(address: HostAddress): Promise<boolean> {
  const ws = new WebSocket(`ws://${address.host}/ipc`, { headers: { Origin: `http://${address.host}`, Cookie: `glowroom-token=${address.token}` } });
  try {
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const reply = new Promise<boolean>((resolve) => ws.once('message', (data: Buffer) => resolve(decodeWire(new Uint8Array(data)).type === 'reply')));
    ws.send(encodeWire({ type: 'call', id: 1, op: 'app.info', args: {} }));
    return await reply;
  } finally {
    ws.close();
  }
}

describe('the web host under hostile clients', () => {
  let child: ChildProcess;
  let address: HostAddress;
  let exited: string | null = null;
  beforeAll(async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Glowroom</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
    const started = await startWebHostProcess(tempDir(), root);
    child = started.child;
    child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
    const url = new URL(started.url);
    address = { host: url.host, token: url.searchParams.get('token') ?? '' };
  }, 60_000);
  afterAll(() => {
    child.kill();
  });

  it(`serves the next valid request after each of the fixed cases and ${mutants} seeded mutants`, async () => {
    const failures: string[] = [];
    const cases = hostileWebClients(address, seed, mutants);
    for (const [index, hostile] of cases.entries()) {
      await send(Number(address.host.split(':')[1]), hostile.bytes);
      const status = await pageStatus(address).catch((error: Error) => `no answer (${exited ?? error.message})`);
      const wsOk = index % 10 === 9 || index === cases.length - 1 ? await callWorks(address).catch(() => false) : true;
      if (status !== 200 || !wsOk) failures.push(`${hostile.label} → page ${status}, socket call ${wsOk ? 'ok' : 'failed'}`);
      if (exited) break;
    }
    console.info(`web host: ${cases.length} hostile clients, ${failures.length} left it unable to serve${exited ? ` (${exited})` : ''}`);
    expect(failures).toEqual([]);
    expect(exited).toBeNull();
  }, 60_000);
});
