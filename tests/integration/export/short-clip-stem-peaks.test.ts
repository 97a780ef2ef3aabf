import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePeakDbfs } from '../../../src/analysis/levels';
import { decodeWav } from '../../../src/codecs/wav';
import type { ExportOptions } from '../../../electron/services/export/export-job';
import { exportProject } from '../../../electron/services/export/export-project';
import { clipAfterSongEnd, shortClipNote } from '../../../src/protocol/short-clip';
import { seconds } from '../../../src/std/units';
import { tempDir } from '../../support/temp-dir';
import { RATE, tone, writeProject } from './export-fixtures';

const float = { kind: 'wav', bits: '32f' } as const;
const clip = (startBeats: number, length: number): ExportOptions['range'] => ({ kind: 'clip', startBeats, seconds: length, fadeInSeconds: 0.05, fadeOutSeconds: 1 });
const options = (range: ExportOptions['range'], format: ExportOptions['format'] = float): ExportOptions => ({ range, format, tailSeconds: 0, normalize: null });

describe('export: a short clip longer than the song', () => {
  it('is shortened to what is left of the song, never padded with silence, and the report says so', async () => {
    const dir = tempDir();
    const projectPath = writeProject(dir, 'Ten', [{ name: 'Bed', source: tone(10, 220, 0.5) }]);

    const whole = path.join(dir, 'whole.wav');
    const report = await exportProject({ projectPath, outPath: whole, options: options(clip(0, 15)) });
    const [left] = decodeWav(readFileSync(whole)).channels;
    expect(left?.length).toBe(10 * RATE);
    expect(report.duration).toBeCloseTo(10, 9);
    expect(report.warnings).toContain(shortClipNote(15, seconds(10)));
    expect(report.warnings).toContain('The song has only 10.0 s left from the clip’s start, so the 15 s clip is shortened to 10.0 s.');
    // The fade out ends the shortened clip, at the song's end.
    expect(Math.abs(left?.[10 * RATE - 1] ?? 1)).toBe(0);
    expect(Math.abs(left?.[10 * RATE - RATE - 100] ?? 0)).toBeGreaterThan(0.01);

    // From beat 4 (2 s at 120 BPM) 8 s are left; a clip that fits is not touched.
    const later = await exportProject({ projectPath, outPath: path.join(dir, 'later.wav'), options: options(clip(4, 15)) });
    expect(later.duration).toBeCloseTo(8, 9);
    expect(later.warnings).toContain(shortClipNote(15, seconds(8)));
    const fits = await exportProject({ projectPath, outPath: path.join(dir, 'fits.wav'), options: options(clip(4, 5)) });
    expect(fits.duration).toBe(5);
    expect(fits.warnings).toEqual([]);

    await expect(exportProject({ projectPath, outPath: path.join(dir, 'after.wav'), options: options(clip(20, 15)) })).rejects.toThrow(clipAfterSongEnd);
  });
});

describe('export: stems over 0 dBFS', () => {
  it('the report gives every stem its peak and names each one over 0 dBFS with what to do', async () => {
    const dir = tempDir();
    // 0.9 at +6 dB: about +5 dBFS in the stem (no limiter on stems); Keys stays well under.
    const projectPath = writeProject(dir, 'Loud', [
      { name: 'Bass', source: tone(2, 110, 0.9), gainDb: 6 },
      { name: 'Keys', source: tone(2, 440, 0.2) },
    ]);
    const floatReport = await exportProject({ projectPath, stems: { folder: path.join(dir, 'float'), zip: false }, options: options({ kind: 'song' }) });
    const [bass, keys] = floatReport.stems;
    const written = samplePeakDbfs(decodeWav(readFileSync(bass?.path ?? '')).channels);
    expect(written).toBeGreaterThan(4);
    expect(bass?.peakDbfs).toBeCloseTo(written, 4);
    expect(keys?.peakDbfs).toBeLessThan(-6);
    const over = (Math.ceil(written * 10) / 10).toFixed(1);
    expect(floatReport.warnings).toEqual([
      `Stem “Bass” peaks at +${over} dBFS: kept in the 32-bit float file, but an app that reads it at 16 or 24 bits will clip it; turn the channel down by ${over} dB for a stem that never clips.`,
    ]);

    const fixed = await exportProject({ projectPath, stems: { folder: path.join(dir, 'fixed'), zip: false }, options: options({ kind: 'song' }, { kind: 'wav', bits: 24 }) });
    expect(fixed.stems.map((stem) => stem.peakDbfs)).toEqual(floatReport.stems.map((stem) => stem.peakDbfs));
    expect(fixed.warnings).toEqual([`Stem “Bass” peaks at +${over} dBFS and clips in this 24-bit WAV file: export as WAV 32-bit float to keep the peaks, or turn the channel down by ${over} dB.`]);
    // The 24-bit file really is clipped at full scale.
    expect(samplePeakDbfs(decodeWav(readFileSync(fixed.stems[0]?.path ?? '')).channels)).toBeLessThanOrEqual(0);
  });
});
