import { GlowroomError } from '../std/errors';
import { currentProjectVersion, type Project } from './project-schema';

/**
 * The document behind File → New: 120 BPM, 4/4, 48 kHz, no sources, tracks, buses, markers or automation, master at 0 dB
 * with no inserts; no tempo or meter changes, straight swing (50 %), no patterns, no key.
 * Each call returns fresh objects, so callers may keep or edit them freely.
 */
export function createEmptyProject(name = 'Untitled'): Project {
  if (name.length > 200) throw new GlowroomError('invalid-args', `A project name has at most 200 characters (got ${name.length})`);
  return {
    format: 'glowroom',
    version: currentProjectVersion,
    name,
    tempo: 120,
    timeSignature: [4, 4],
    sampleRate: 48_000,
    sources: {},
    tracks: [],
    buses: [],
    markers: [],
    master: { gainDb: 0, pan: 0, inserts: [] },
    automation: [],
    tempoChanges: [],
    meterChanges: [],
    swing: 50,
    patterns: {},
    key: null,
  };
}
