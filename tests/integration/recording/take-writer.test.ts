import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../src/codecs/wav';
import { TakeJournal } from '../../../electron/services/recording/take-journal';
import { repairTake } from '../../../electron/services/recording/take-repair';
import { TakeWriter } from '../../../electron/services/recording/take-writer';
import { tempDir } from '../../support/temp-dir';
import { takeChunk, takeSample } from './support/take-signal';

const format = { sampleRate: 48_000, channelCount: 2 } as const;

async function decode(file: string) {
  return decodeWav(new Uint8Array(await fs.readFile(file)), path.basename(file));
}

function expectSignal(channels: readonly Float32Array[], frames: number): void {
  expect(channels[0]?.length).toBe(frames);
  channels.forEach((plane, channel) => {
    for (let i = 0; i < frames; i++) if (plane[i] !== takeSample(i, channel)) expect.fail(`channel ${channel} frame ${i}: ${plane[i]} ≠ ${takeSample(i, channel)}`);
  });
}

/** A disk with `free` bytes left for audio: a write past that is cut short, the next one fails with ENOSPC. */
function fillingDisk(free: number) {
  return async (file: string): Promise<FileHandle> => {
    const handle = await fs.open(file, 'wx');
    let used = 0;
    return new Proxy(handle, {
      get(target, key) {
        if (key !== 'write') {
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (bytes: Uint8Array, offset: number, length: number, position: number) => {
          // Header fields (small, in place) always fit; audio eats the free space.
          if (position === 0 || length <= 4) return target.write(bytes, offset, length, position);
          if (used >= free) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          const fits = Math.min(length, free - used);
          used += fits;
          return target.write(bytes, offset, fits, position);
        };
      },
    });
  };
}

describe('a take streamed to disk', () => {
  it('holds exactly the frames appended, as a float WAV anyone can read', async () => {
    const dir = tempDir();
    const writer = await TakeWriter.create(dir, 'Vocal', format, { checkpointFrames: 1000 });
    for (let first = 0; first < 10_000; first += 777) await writer.append(takeChunk(first, Math.min(777, 10_000 - first), 2));
    const result = await writer.finish();
    expect(result).toEqual({ path: path.join(dir, 'Vocal.wav'), frames: 10_000, stoppedEarly: null });
    const audio = await decode(result.path);
    expect(audio.sampleRate).toBe(48_000);
    expectSignal(audio.channels, 10_000);
  });

  it('never overwrites a file: a second take of the same name is numbered', async () => {
    const dir = tempDir();
    await fs.writeFile(path.join(dir, 'Vocal.wav'), 'someone else');
    const writer = await TakeWriter.create(dir, 'Vocal', format);
    expect(path.basename(writer.path)).toBe('Vocal 2.wav');
    await writer.finish();
    expect(await fs.readFile(path.join(dir, 'Vocal.wav'), 'utf8')).toBe('someone else');
  });

  it('refuses a chunk whose channels do not match the take', async () => {
    const writer = await TakeWriter.create(tempDir(), 'Vocal', format);
    await expect(writer.append(takeChunk(0, 10, 1))).rejects.toThrow(/2 channel/);
    await writer.finish();
  });

  it('stops cleanly on a full disk and keeps every whole frame that fitted', async () => {
    const dir = tempDir();
    const free = 8 * 3000 + 5; // 3,000 stereo float frames and part of the next one
    const writer = await TakeWriter.create(dir, 'Vocal', format, { open: fillingDisk(free), checkpointFrames: 1000 });
    let appended = 0;
    while (await writer.append(takeChunk(appended, 512, 2))) appended += 512;
    const result = await writer.finish();
    expect(result.frames).toBe(3000);
    expect(result.stoppedEarly).toMatch(/disk is full.*0\.1 s.*kept/);
    expectSignal((await decode(result.path)).channels, 3000);
  });
});

describe('mending a take after a crash', () => {
  it('cuts a torn last frame and sets the sizes to cover all the audio that reached the disk', async () => {
    const dir = tempDir();
    const writer = await TakeWriter.create(dir, 'Vocal', format, { checkpointFrames: 1000 });
    await writer.append(takeChunk(0, 1500, 2));
    expect(writer.savedFrames).toBe(1500);
    await writer.append(takeChunk(1500, 700, 2));
    // The process dies here: the header covers 1,500 frames, the disk holds 2,200 and 3 bytes of the next.
    await fs.appendFile(writer.path, new Uint8Array(3));
    expect((await decode(writer.path)).channels[0]?.length).toBe(1500);
    const repaired = await repairTake(writer.path);
    expect(repaired).toEqual({ path: writer.path, frames: 2200, sampleRate: 48_000 });
    expectSignal((await decode(writer.path)).channels, 2200);
  });

  it('leaves a file that is not a take untouched', async () => {
    const file = path.join(tempDir(), 'notes.wav');
    await fs.writeFile(file, 'not audio at all');
    await expect(repairTake(file)).rejects.toThrow(/not a take/);
    expect(await fs.readFile(file, 'utf8')).toBe('not audio at all');
  });

  it('the journal mends what was being recorded, skips what is gone, and empties itself', async () => {
    const dir = tempDir();
    const journal = new TakeJournal(path.join(dir, 'recordings.json'));
    const writer = await TakeWriter.create(dir, 'Vocal', format, { checkpointFrames: 48_000 });
    await journal.add(writer.path);
    await journal.add(path.join(dir, 'deleted.wav'));
    await writer.append(takeChunk(0, 4800, 2));
    const recovered = await journal.recover();
    expect(recovered.map((take) => [path.basename(take.path), take.frames])).toEqual([['Vocal.wav', 4800]]);
    expect(await journal.recover()).toEqual([]);
  });
});
