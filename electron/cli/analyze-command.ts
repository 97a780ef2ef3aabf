import { parseArgs } from 'node:util';
import { samplePeakDbfs } from '../../src/analysis/levels';
import { AudioService } from '../services/audio-service';
import { toIpcError } from '../services/ipc-error';
import type { IpcError } from '../../src/protocol/ipc';

export interface AnalyzeReport {
  readonly file: string;
  readonly format: string;
  /** Seconds. */
  readonly duration: number;
  /** Hertz. */
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitDepth: number;
  /** dBFS; null for digital silence. */
  readonly peakDbfs: number | null;
}

type Outcome = { ok: true; report: AnalyzeReport } | { ok: false; file: string; error: IpcError };

/** `glowroom analyze <file>... [--json]`: the same decode the app uses (AudioService → src/codecs). */
export async function analyzeCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`glowroom analyze: ${(error as Error).message}`);
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    console.error('glowroom analyze: name at least one audio file, e.g. `glowroom analyze kick.wav --json`.');
    return 2;
  }
  const audio = new AudioService();
  const outcomes: Outcome[] = [];
  for (const file of files) {
    try {
      const loaded = await audio.load(file);
      const frames = loaded.channels[0]?.length ?? 0;
      const peak = samplePeakDbfs(loaded.channels);
      outcomes.push({
        ok: true,
        report: {
          file: loaded.path,
          format: loaded.format,
          duration: frames / loaded.sampleRate,
          sampleRate: loaded.sampleRate,
          channels: loaded.channels.length,
          bitDepth: loaded.bitDepth,
          peakDbfs: Number.isFinite(peak) ? Math.round(peak * 100) / 100 : null,
        },
      });
    } catch (error) {
      outcomes.push({ ok: false, file, error: toIpcError(error) });
    }
  }
  if (parsed.values.json) {
    console.log(JSON.stringify(outcomes.map((o) => (o.ok ? o.report : { file: o.file, error: o.error })), null, 2));
  } else {
    for (const o of outcomes) {
      if (o.ok) {
        const r = o.report;
        const peak = r.peakDbfs === null ? 'silent' : `peak ${r.peakDbfs.toFixed(2)} dBFS`;
        console.log(`${r.file}\n  ${r.format.toUpperCase()} ${r.bitDepth}-bit · ${r.sampleRate} Hz · ${r.channels} ch · ${r.duration.toFixed(3)} s · ${peak}`);
      } else {
        console.error(`${o.file}\n  error (${o.error.code}): ${o.error.message}`);
      }
    }
  }
  return outcomes.every((o) => o.ok) ? 0 : 1;
}
