/** Exporting the song from the app and measuring the written file: what the mixing e2e specs judge by. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { decodeAudio } from '../../src/codecs/decode';
import { fft } from '../../src/dsp/fft';
import { expect } from './fixtures';

/** An exported file's channels and rate. */
export interface ExportedAudio {
  readonly left: Float32Array;
  readonly right: Float32Array;
  readonly rate: number;
}

/** Exports the song as WAV 24-bit without loudness normalisation to `name` in the test's home, and decodes the file. */
export async function exportSong(app: Page, name: string): Promise<ExportedAudio> {
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('WAV 24-bit');
  await dialog.getByRole('combobox', { name: 'Loudness target' }).selectOption('off');
  const out = path.join(process.env['GLOWROOM_HOME'] ?? '', name);
  await dialog.getByRole('textbox', { name: 'Export file path' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Loudness report' })).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  const audio = await decodeAudio(await readFile(out), name);
  const left = audio.channels[0] ?? new Float32Array(0);
  return { left, right: audio.channels[1] ?? left, rate: audio.sampleRate };
}

/** RMS level in dBFS of `channel` over seconds [from, to) (−Infinity for digital silence). */
export function rmsDb(channel: Float32Array, rate: number, from: number, to: number): number {
  const first = Math.round(from * rate);
  const last = Math.min(channel.length, Math.round(to * rate));
  let sum = 0;
  for (let i = first; i < last; i++) sum += (channel[i] ?? 0) ** 2;
  return 10 * Math.log10(sum / Math.max(1, last - first));
}

/** Mean power (dB) in [lowHz, highHz] over Hann-windowed 4096-point frames of the left channel in seconds [from, to) (the whole file by default). */
export function bandPowerDb({ left, rate }: Pick<ExportedAudio, 'left' | 'rate'>, lowHz: number, highHz: number, from = 0, to = left.length / rate): number {
  const size = 4096;
  let total = 0;
  let count = 0;
  for (let start = Math.round(from * rate); start + size <= Math.min(left.length, Math.round(to * rate)); start += size) {
    const re = new Float64Array(size);
    const im = new Float64Array(size);
    for (let i = 0; i < size; i++) re[i] = (left[start + i] ?? 0) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
    fft(re, im);
    for (let bin = Math.ceil((lowHz * size) / rate); bin <= Math.floor((highHz * size) / rate); bin++) {
      total += (re[bin] ?? 0) ** 2 + (im[bin] ?? 0) ** 2;
      count++;
    }
  }
  return 10 * Math.log10(total / count);
}
