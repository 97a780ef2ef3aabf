import path from 'node:path';
import type { Command } from 'commander';
import type { SampleKind } from '../../src/analysis/classify-kind';
import type { IpcError } from '../../src/protocol/ipc';
import { exitStatus, glowroomCommand } from './command-kit';

export interface AnalyzeReport {
  readonly file: string;
  readonly format: string;
  /** Seconds. */
  readonly duration: number;
  /** Hertz. */
  readonly sampleRate: number;
  readonly channels: number;
  /** 0 for lossy formats. */
  readonly bitDepth: number;
  /** Sample peak, dBFS to 0.01; null for digital silence. */
  readonly peakDbfs: number | null;
  /** Integrated loudness (momentary maximum for a sound too short to integrate), LUFS to 0.01; null for silence. */
  readonly lufs: number | null;
  /** From the name, else detected for a loop; null for a one-shot or a loop without a pulse. */
  readonly bpm: number | null;
  /** `C minor`: from the name, else detected for tonal material; null when there is none. */
  readonly key: string | null;
  readonly kind: SampleKind;
}

type Outcome = { ok: true; report: AnalyzeReport } | { ok: false; file: string; error: IpcError };

/**
 * `glowroom analyze <file>... [--json]`: each file analysed exactly as a library import analyses
 * it on its own (analyze-file.ts: the app's decoders, loudness, tempo, key and kind), one file at
 * a time. Exits 1 when any file failed, 2 for a usage error.
 */
export function analyzeCommand(): Command {
  return glowroomCommand('analyze', 'Analyse audio files as the library does: duration (s), sample rate (Hz), channels, bit depth, sample peak (dBFS), loudness (LUFS), tempo (BPM), key and kind (loop or one-shot).')
    .argument('<file...>', 'audio files (WAV, AIFF, FLAC, MP3, OGG)')
    .option('--json', 'print one JSON report per file on stdout')
    .action(async (files: string[], options: { json?: boolean }) => {
      process.exitCode = await analyzeFiles(files, options.json === true);
    });
}

async function analyzeFiles(files: string[], json: boolean): Promise<number> {
  const outcomes: Outcome[] = [];
  for (const file of files) outcomes.push(await analyze(file));
  if (json) {
    console.log(JSON.stringify(outcomes.map((o) => (o.ok ? o.report : { file: o.file, error: o.error })), null, 2));
  } else {
    for (const o of outcomes) {
      if (o.ok) console.log(describe(o.report));
      else console.error(`${o.file}\n  error (${o.error.code}): ${o.error.message}`);
    }
  }
  return outcomes.every((o) => o.ok) ? exitStatus.ok : exitStatus.failed;
}

async function analyze(file: string): Promise<Outcome> {
  const absolute = path.resolve(file);
  const { analyzeFile } = await import('../services/library/analyze-file');
  const { toIpcError } = await import('../services/ipc-error');
  try {
    // A file on its own is its own pack: only its name speaks for tempo, key and kind.
    const analysis = await analyzeFile(absolute, path.basename(absolute));
    return {
      ok: true,
      report: {
        file: absolute,
        format: analysis.format,
        duration: analysis.duration,
        sampleRate: analysis.sampleRate,
        channels: analysis.channels,
        bitDepth: analysis.bitDepth,
        peakDbfs: hundredths(analysis.peakDbfs),
        lufs: hundredths(analysis.loudnessLufs),
        bpm: hundredths(analysis.bpm),
        key: analysis.key,
        kind: analysis.kind,
      },
    };
  } catch (error) {
    return { ok: false, file, error: toIpcError(error) };
  }
}

function hundredths(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

function describe(r: AnalyzeReport): string {
  const bits = r.bitDepth > 0 ? ` ${r.bitDepth}-bit` : '';
  const level = r.peakDbfs === null ? 'silent' : `peak ${r.peakDbfs.toFixed(2)} dBFS${r.lufs === null ? '' : ` · ${r.lufs.toFixed(1)} LUFS`}`;
  const music = [r.kind, r.bpm === null ? null : `${r.bpm} BPM`, r.key].filter(Boolean).join(' · ');
  return `${r.file}\n  ${r.format.toUpperCase()}${bits} · ${r.sampleRate} Hz · ${r.channels} ch · ${r.duration.toFixed(3)} s · ${level}\n  ${music}`;
}
