import type { ExportArgs } from '../../../src/protocol/ipc';

/** The loudness presets of the export dialog (the same numbers the export service uses). */
export const loudnessChoices = {
  streaming: { label: 'Streaming (−14 LUFS, −1 dBTP)', targetLufs: -14, ceilingDbtp: -1 },
  apple: { label: 'Apple Music (−16, −1)', targetLufs: -16, ceilingDbtp: -1 },
  amazon: { label: 'Amazon Music (−14, −2)', targetLufs: -14, ceilingDbtp: -2 },
  club: { label: 'Loud / club (−9, −0.5)', targetLufs: -9, ceilingDbtp: -0.5 },
  broadcast: { label: 'Broadcast EBU R128 (−23, −1)', targetLufs: -23, ceilingDbtp: -1 },
  custom: { label: 'Custom…', targetLufs: -14, ceilingDbtp: -1 },
  off: { label: 'Off (as mixed)', targetLufs: 0, ceilingDbtp: 0 },
} as const;
export type LoudnessChoice = keyof typeof loudnessChoices;

/** Formats by the name the dialog shows. */
export const formatChoices: Record<string, ExportArgs['format']> = {
  'WAV 24-bit': { kind: 'wav', bits: 24 },
  'WAV 16-bit': { kind: 'wav', bits: 16 },
  'WAV 32-bit float': { kind: 'wav', bits: '32f' },
  'FLAC 24-bit': { kind: 'flac', bits: 24 },
  'FLAC 16-bit': { kind: 'flac', bits: 16 },
  'MP3 320 kbit/s': { kind: 'mp3', mode: { cbrKbps: 320 } },
  'MP3 256 kbit/s': { kind: 'mp3', mode: { cbrKbps: 256 } },
  'MP3 192 kbit/s': { kind: 'mp3', mode: { cbrKbps: 192 } },
  'MP3 128 kbit/s': { kind: 'mp3', mode: { cbrKbps: 128 } },
  'MP3 VBR V0': { kind: 'mp3', mode: { vbrQuality: 0 } },
  'MP3 VBR V2': { kind: 'mp3', mode: { vbrQuality: 2 } },
  'MP3 VBR V4': { kind: 'mp3', mode: { vbrQuality: 4 } },
};

export const extensionOf = (format: ExportArgs['format']): string => format.kind;

/** What to export, by the name the dialog shows. */
export type WhatChoice = 'song' | 'loop' | 'selection' | 'clip-15' | 'clip-30' | 'clip-60';
