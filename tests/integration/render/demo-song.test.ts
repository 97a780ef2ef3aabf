import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factoryDir } from '../../../electron/services/repo-paths';
import { renderProject } from '../../../electron/services/render/render-project';
import { measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { demoSong } from '../../../src/model/demo-song';
import { parseProjectWithNotes, serializeProject } from '../../../src/model/parse-project';
import type { Project } from '../../../src/model/project-schema';

const song = demoSong(factoryDir!);
const sampleRate = 48_000;

/** The song's first four bars with every track but `keep` muted (the buses and master as they are). */
function fourBarsOf(project: Project, keep: string): Project {
  const end = 16;
  const tracks = project.tracks.map((track) => ({
    ...track,
    channel: { ...track.channel, mute: track.id !== keep },
    clips: track.clips.filter((clip) => clip.start < end).map((clip) => ({ ...clip, length: Math.min(clip.length, end - clip.start) })),
  }));
  return { ...project, tracks };
}

function rms(channel: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += channel[i]! * channel[i]!;
  return Math.sqrt(sum / (to - from));
}

describe('the demo song', () => {
  it('is a valid project, exactly as Glowroom would write and read it', () => {
    const text = serializeProject(song);
    // Nothing out of range to mend, nothing dropped: it reads back as built.
    expect(parseProjectWithNotes(text, 'demo.glowroom')).toEqual({ project: song, notes: [] });
    expect(song.tempo).toBeGreaterThanOrEqual(90);
    expect(song.tempo).toBeLessThanOrEqual(140);
  });

  it('plays only the bundled factory content: every source is a file in native-assets/factory', () => {
    const paths = Object.values(song.sources).map((source) => source.path);
    expect(paths.length).toBeGreaterThan(10);
    for (const file of paths) {
      expect(file.startsWith(factoryDir!), file).toBe(true);
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('has a drum machine, a synth bass, a sampler line, a send bus and a limiter on the master', () => {
    const types = song.tracks.map((track) => track.instrument?.type);
    expect(types).toEqual(expect.arrayContaining(['drums', 'synth', 'sampler']));
    expect(song.buses.flatMap((bus) => bus.channel.inserts.map((device) => device.type))).toEqual(expect.arrayContaining(['reverb', 'delay']));
    expect(song.master.inserts.at(-1)?.type).toBe('limiter');
    const drums = song.tracks.find((track) => track.instrument?.type === 'drums')!;
    const linked = drums.clips.filter((clip) => clip.kind === 'notes' && clip.pattern === 'p1');
    expect(linked.length).toBe(2);
  });

  it('renders 30–60 s of music, loud enough and never clipping', { timeout: 180_000 }, async () => {
    const rendered = await renderProject({ project: song, folder: factoryDir! }, { sampleRate });
    expect(rendered.unplayable).toEqual([]);
    const seconds = rendered.channels[0].length / sampleRate;
    expect(seconds).toBeGreaterThanOrEqual(30);
    expect(seconds).toBeLessThanOrEqual(60);
    const loudness = measureLoudness(rendered.channels, sampleRate);
    console.log(`demo song: ${seconds.toFixed(1)} s, ${loudness.integratedLufs.toFixed(1)} LUFS integrated, sample peak ${loudness.samplePeakDbfs.toFixed(2)} dBFS, true peak ${loudness.truePeakDbtp.toFixed(2)} dBTP, LRA ${loudness.loudnessRangeLu.toFixed(1)} LU`);
    expect(loudness.integratedLufs).toBeGreaterThan(-18);
    expect(loudness.integratedLufs).toBeLessThan(-10);
    expect(loudness.samplePeakDbfs).toBeLessThan(-0.5);
    expect(loudness.truePeakDbtp).toBeLessThan(0);
    // Every second of the song sounds: no silent gap from a missing sample or a muted part.
    for (let s = 0; s + 1 <= seconds - 1; s++) expect(rms(rendered.channels[0], s * sampleRate, (s + 1) * sampleRate), `second ${s}`).toBeGreaterThan(0.005);
  });

  it('every instrument track is heard on its own', { timeout: 180_000 }, async () => {
    for (const track of song.tracks) {
      const rendered = await renderProject({ project: fourBarsOf(song, track.id), folder: factoryDir! }, { sampleRate });
      const loudness = measureLoudness(rendered.channels, sampleRate);
      console.log(`demo song, ${track.name} alone (bars 1–4): ${loudness.integratedLufs.toFixed(1)} LUFS`);
      expect(loudness.integratedLufs, track.name).toBeGreaterThan(-30);
    }
  });
});
