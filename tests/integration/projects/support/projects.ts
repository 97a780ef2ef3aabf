/** Realistic projects for the project-file tests, built in code. */
import { createChannel, createTrack } from '../../../../src/model/new-track';
import { currentProjectVersion, type Clip, type Project, type Track } from '../../../../src/model/project-schema';

/**
 * A project with `clipCount` clips over 8 tracks and 40 sources. `variant` changes every clip a
 * little (and the name), so two variants differ throughout the file, not only at one place: a
 * file mixing both would not parse as either.
 */
export function largeProject(clipCount: number, variant: 'A' | 'B'): Project {
  const shift = variant === 'A' ? 0 : 0.5;
  const sources = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`s${i}`, { path: `Audio/sample ${i} (${variant}).wav` }]));
  const tracks: Track[] = Array.from({ length: 8 }, (_, t) => ({ ...createTrack(`t${t}`, `Track ${t + 1}`, t), channel: { ...createChannel(), gainDb: -t, pan: t / 8 - 0.5 }, clips: [] as Clip[] }));
  for (let i = 0; i < clipCount; i++) {
    tracks[i % 8]?.clips.push({
      kind: 'audio',
      id: `c${i}`,
      name: variant === 'A' ? '' : `Hit ${i}`,
      source: `s${i % 40}`,
      start: i + shift,
      length: 1 + (i % 7) / 4,
      offset: (i % 13) / 10,
      gainDb: -(i % 24) / 2,
      fadeIn: 0.01,
      fadeOut: variant === 'A' ? 0.02 : 0.03,
      loop: i % 3 === 0,
      reverse: i % 5 === 0,
      rate: variant === 'A' ? 1 : 1.25,
      mute: i % 11 === 0,
      transpose: 0,
      detune: 0,
    });
  }
  return { format: 'glowroom', version: currentProjectVersion, name: `Long night ${variant}`, tempo: 128, timeSignature: [4, 4], sampleRate: 48_000, sources, tracks, buses: [], markers: [], master: { gainDb: -1, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null };
}
