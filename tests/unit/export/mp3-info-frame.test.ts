import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeAudio } from '../../../electron/services/export/encoders';
import type { ExportFormat } from '../../../electron/services/export/export-job';
import { decodeMp3, id3v2Length, mp3Facts } from '../../../src/codecs/mp3';
import { crc16Arc, LAME_ENCODER_DELAY } from '../../../src/codecs/mp3-info-frame';
import { wavHeader } from '../../../src/codecs/wav-writer';
import { tempDir } from '../../support/temp-dir';

const RATE_HZ = 44_100;
/** Under 10 s: one encode. */
const SHORT = 3 * RATE_HZ + 301;
/** Over 10 s: two pieces on two threads, joined at a frame boundary. */
const LONG = 11 * RATE_HZ + 117;
const CBR: ExportFormat = { kind: 'mp3', mode: { cbrKbps: 320 } };
const VBR: ExportFormat = { kind: 'mp3', mode: { vbrQuality: 2 } };

const dir = tempDir('mp3tag-');
/** The independent checks need ffmpeg/ffprobe and lame (CI installs them); our own decoder's are always made. */
const has = (tool: string) => spawnSync('which', [tool]).status === 0;

/** Seeded noise through a one-pole low-pass (kept under LAME's low-pass), a different sequence per channel. */
function song(frames: number, channels = 2): Float32Array[] {
  let state = 7;
  const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32 - 0.5;
  return Array.from({ length: channels }, () => {
    const plane = new Float32Array(frames);
    let y = 0;
    for (let i = 0; i < frames; i++) plane[i] = y += 0.3 * (next() - y);
    return plane;
  });
}

function ffmpegDecode(file: string, channels: number): { samples: Float32Array; stderr: string } {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', String(channels), '-'], { maxBuffer: 1 << 28 });
  const raw = r.stdout;
  return { samples: new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)), stderr: r.stderr.toString() };
}

/** The lag in [−range, range] where the decoded left channel best matches the source's, over a window in the middle. */
function bestLag(decoded: Float32Array, channels: number, source: Float32Array, range: number): number {
  const from = Math.floor(source.length / 2);
  let best = { lag: NaN, sum: -Infinity };
  for (let lag = -range; lag <= range; lag++) {
    let sum = 0;
    for (let i = from; i < from + 8192; i++) sum += (source[i] ?? 0) * (decoded[(i + lag) * channels] ?? 0);
    if (sum > best.sum) best = { lag, sum };
  }
  return best.lag;
}

const cases = [
  { name: 'CBR 320, one piece', format: CBR, frames: SHORT, channels: 2, id: 'Info' },
  { name: 'CBR 320, two pieces', format: CBR, frames: LONG, channels: 2, id: 'Info' },
  { name: 'VBR V2, one piece', format: VBR, frames: SHORT, channels: 2, id: 'Xing' },
  { name: 'VBR V2, two pieces', format: VBR, frames: LONG, channels: 2, id: 'Xing' },
  { name: 'CBR 128 mono, two pieces', format: { kind: 'mp3', mode: { cbrKbps: 128 } } as ExportFormat, frames: LONG, channels: 1, id: 'Info' },
];

describe('MP3 export: the Xing/Info frame with a LAME tag', () => {
  for (const c of cases) {
    it(`${c.name}: ffmpeg decodes exactly the song, aligned, silently; ffprobe and our decoder agree on the length`, async () => {
      const planes = song(c.frames, c.channels);
      const bytes = await encodeAudio(planes, RATE_HZ, c.format, { title: 'Hook' });
      const file = path.join(dir, `${c.name.replace(/\W+/g, '-')}.mp3`);
      writeFileSync(file, bytes);
      const first = id3v2Length(bytes);
      expect(first).toBeGreaterThan(0);
      const xing = first + 4 + (c.channels === 1 ? 17 : 32);
      expect(String.fromCharCode(...bytes.subarray(xing, xing + 4))).toBe(c.id);

      if (has('ffmpeg')) {
        const { samples, stderr } = ffmpegDecode(file, c.channels);
        expect(stderr).toBe('');
        expect(samples.length / c.channels).toBe(c.frames);
        expect(bestLag(samples, c.channels, planes[0] ?? new Float32Array(0), 1200)).toBe(0);

        // ffprobe 5.1 gives a tagged file's length untrimmed, as it does for LAME's own files (frames ×
        // 1,152, from the Xing count: without it a VBR file's length is guessed from its first frame's
        // bit rate), and the delay LAME's tag names as the start.
        const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=start_time', '-of', 'json', file], { encoding: 'utf8' });
        expect(probe.stderr).toBe('');
        const probed = JSON.parse(probe.stdout) as { format: { duration: string }; streams: { start_time: string }[] };
        const view = new DataView(bytes.buffer, bytes.byteOffset);
        const xingFrames = view.getUint32(xing + 8);
        expect(Number(probed.format.duration)).toBeCloseTo((xingFrames * 1152) / RATE_HZ, 5);
        expect(Math.abs(Number(probed.format.duration) - c.frames / RATE_HZ)).toBeLessThan((3 * 1152) / RATE_HZ);
        expect(Number(probed.streams[0]?.start_time)).toBeCloseTo((LAME_ENCODER_DELAY + 529) / RATE_HZ, 5);
      }

      // Our decoder (import, preview) reads the tag: the library's length and the decoded samples are the song's.
      expect(mp3Facts(bytes).frames).toBe(c.frames);
      const ours = await decodeMp3(bytes);
      expect(ours.channels[0]?.length).toBe(c.frames);
    }, 60_000);
  }

  it('the same song gives the same bytes (two pieces, VBR)', async () => {
    const planes = song(LONG);
    const a = await encodeAudio(planes, RATE_HZ, VBR, undefined);
    const b = await encodeAudio(planes, RATE_HZ, VBR, undefined);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  }, 60_000);

  it.skipIf(!has('lame'))('its tag CRC is computed as LAME computes its own, and LAME writes the same encoder delay', async () => {
    const planes = song(SHORT, 2);
    const pcm = new Int16Array(SHORT * 2);
    for (let i = 0; i < SHORT; i++) for (let ch = 0; ch < 2; ch++) pcm[i * 2 + ch] = Math.round((planes[ch]?.[i] ?? 0) * 32_767);
    const wav = path.join(dir, 'lame-in.wav');
    const header = wavHeader(RATE_HZ, 2, SHORT, { bitDepth: 16 });
    writeFileSync(wav, Buffer.concat([header, Buffer.from(pcm.buffer)]));
    const lameOut = path.join(dir, 'lame-out.mp3');
    expect(spawnSync('lame', ['--quiet', '-b', '320', wav, lameOut]).status).toBe(0);
    for (const bytes of [new Uint8Array(readFileSync(lameOut)), await encodeAudio(planes, RATE_HZ, CBR, undefined)]) {
      const at = id3v2Length(bytes);
      const lame = at + 4 + 32 + 120;
      expect(String.fromCharCode(...bytes.subarray(lame, lame + 4))).toBe('LAME');
      expect(((bytes[lame + 21] ?? 0) << 4) | ((bytes[lame + 22] ?? 0) >> 4)).toBe(LAME_ENCODER_DELAY);
      const stored = ((bytes[lame + 34] ?? 0) << 8) | (bytes[lame + 35] ?? 0);
      expect(crc16Arc(bytes, 0, at, lame + 34)).toBe(stored);
      // The music CRC covers the audio frames after the tag frame, to the end of the last.
      const frameLength = ((bytes[lame + 28] ?? 0) << 24) | ((bytes[lame + 29] ?? 0) << 16) | ((bytes[lame + 30] ?? 0) << 8) | (bytes[lame + 31] ?? 0);
      const b2 = bytes[at + 2] ?? 0;
      const tagFrame = at + Math.floor((144_000 * 320) / RATE_HZ) + ((b2 >> 1) & 1);
      expect(b2 >> 4).toBe(14); // 320 kbit/s
      expect(crc16Arc(bytes, 0, tagFrame, at + frameLength)).toBe(((bytes[lame + 32] ?? 0) << 8) | (bytes[lame + 33] ?? 0));
    }
  }, 60_000);
});
