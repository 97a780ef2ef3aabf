import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWav } from '../../src/codecs/wav';
import type { AudioClip } from '../../src/model/project-schema';
import { decodeWire, encodeWire } from '../../src/protocol/wire';
import { expect, screens, test } from './fixtures';
import { installLoopback } from './loopback';
import { cableSeconds, rate, saveAs, takePathOf } from './recording-helpers';

/** What the recording service says when the disk fills (electron/services/recording/take-writer.ts). */
const diskFull = 'The disk is full, so the recording stopped at 1.0 s. Everything up to there is kept; free some space to record more.';

test.beforeEach(async ({ page }) => {
  await installLoopback(page, cableSeconds);
  // The disk "fills" at the fourth chunk of the take: the recording service's answer to it says so,
  // as it does when a write fails with ENOSPC (the writer itself is tested against a filling disk).
  await page.routeWebSocket(/./, (ws) => {
    const server = ws.connectToServer();
    const appends = new Set<number>();
    ws.onMessage((message) => {
      if (typeof message !== 'string') {
        const call = decodeWire(new Uint8Array(message));
        if (call.type === 'call' && call.op === 'recording.append') appends.add(call.id);
      }
      server.send(message);
    });
    let answered = 0;
    server.onMessage((message) => {
      if (typeof message === 'string') return ws.send(message);
      const reply = decodeWire(new Uint8Array(message));
      if (reply.type !== 'reply' || !appends.has(reply.id) || !reply.reply.ok) return ws.send(message);
      answered++;
      const value = answered >= 4 ? { ...(reply.reply.value as object), stoppedEarly: diskFull } : reply.reply.value;
      ws.send(Buffer.from(encodeWire({ type: 'reply', id: reply.id, reply: { ok: true, value } })));
    });
  });
});

test('a full disk stops the take by itself, keeps what was written and says so', async ({ app }) => {
  await app.getByRole('button', { name: 'Add audio track' }).click();
  await app.getByRole('button', { name: 'Arm Audio 1 for recording' }).click();
  await app.getByRole('button', { name: 'Metronome' }).click();
  const record = app.getByRole('button', { name: 'Record', exact: true });
  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'true');
  // No Stop: the take ends by itself after the fourth chunk (about a second).
  await expect(record).toHaveAttribute('aria-pressed', 'false', { timeout: 10_000 });
  await expect(app.getByRole('contentinfo')).toContainText(diskFull);
  await app.screenshot({ path: `${screens}/rec/disk-full.png` });
  const file = path.join(process.env['GLOWROOM_HOME'] ?? '', 'disk full.glowroom');
  const saved = await saveAs(app, file);
  const clip = saved.tracks[0]?.clips[0] as AudioClip;
  expect(clip.take).toEqual({ group: 'g1', pass: 1 });
  const take = decodeWav(new Uint8Array(readFileSync(takePathOf(saved, clip, file))));
  // Four chunks of about a quarter second were written, and nothing after the one that filled the disk.
  expect(take.channels[0]?.length).toBeGreaterThan(0.5 * rate);
  expect(take.channels[0]?.length).toBeLessThan(2 * rate);
});
