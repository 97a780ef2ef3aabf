import type { EngineCommand } from '../../src/protocol/engine';

/** The engine message for a live note: velocity kept within 0–1 (0 releases); null for what is not a MIDI pitch or not a number. */
export function liveNoteCommand(trackId: string, pitch: number, velocity: number): EngineCommand | null {
  if (!Number.isInteger(pitch) || pitch < 0 || pitch > 127 || !Number.isFinite(velocity)) return null;
  return { type: 'live-note', track: trackId, pitch, velocity: Math.min(1, Math.max(0, velocity)) };
}
