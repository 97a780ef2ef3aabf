import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportOptions } from '../../../electron/services/export/export-job';
import { exportProject } from '../../../electron/services/export/export-project';
import { decodeWav } from '../../../src/codecs/wav';
import { defaultParams } from '../../../src/devices/catalog';
import { createChannel } from '../../../src/model/new-track';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import type { Project } from '../../../src/model/project-schema';
import { decibelsToGain } from '../../../src/std/units';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';
import { hits, RATE, tone, writeProject } from './export-fixtures';

const float: ExportOptions = { range: { kind: 'song' }, format: { kind: 'wav', bits: '32f' }, tailSeconds: 0, normalize: null };
const SEND_DB = -4;
const BUS_UTILITY_DB = -5;
const BUS_FADER_DB = -1.5;

/**
 * Kick and Snare go to the bus "Drum Bus" (a utility at −5 dB, fader −1.5 dB); Lead goes to the
 * master with a post-fader send into the bus and starts after the drums stop; Kick has a limiter,
 * so the graph must delay Lead's paths to meet the bus; the master has a limiter (lookahead, so
 * the master's input is earlier than its output) and its own fader at −3 dB; Snare's volume is
 * automated.
 */
function mixerProject(dir: string): string {
  const file = writeProject(dir, 'Mixdown', [
    { name: 'Kick', source: hits(2, 0.7, 3), gainDb: -2 },
    { name: 'Snare', source: tone(2, 220, 0.4), pan: 0.5 },
    // Starts on beat 6 (3 s): from 3 s on only Lead and its send sound.
    { name: 'Lead', source: tone(3, 440, 0.5), gainDb: -3, pan: -0.3, startBeats: 6 },
  ]);
  const project = parseProject(readFileSync(file, 'utf8'), file);
  const limiter = (id: string, ceilingDb: number) => ({ id, type: 'limiter' as const, bypass: false, params: { ...defaultParams('limiter'), ceilingDb } });
  const bus = {
    id: 'bus1',
    name: 'Drum Bus',
    colour: '#ff8800',
    channel: { ...createChannel(), gainDb: BUS_FADER_DB, inserts: [{ id: 'u1', type: 'utility' as const, bypass: false, params: { ...defaultParams('utility'), gainDb: BUS_UTILITY_DB } }] },
  };
  const [kick, snare, lead] = project.tracks as [Project['tracks'][number], Project['tracks'][number], Project['tracks'][number]];
  const routed: Project = {
    ...project,
    tracks: [
      { ...kick, channel: { ...kick.channel, output: 'bus1', inserts: [limiter('l1', -12)] } },
      { ...snare, channel: { ...snare.channel, output: 'bus1' } },
      { ...lead, channel: { ...lead.channel, sends: [{ id: 'send1', target: 'bus1', levelDb: SEND_DB, tap: 'post' }] } },
    ],
    buses: [bus],
    master: { gainDb: -3, pan: 0, inserts: [limiter('m1', -9)] },
    // Snare's fader rides down mid-hit: automation cuts the engine's blocks where its points fall.
    automation: [{ target: snare.id, param: 'gainDb', points: [{ beat: 0.3, value: 0, curve: 'linear' }, { beat: 2.7, value: -12, curve: 'exponential' }, { beat: 3.1, value: -3, curve: 'hold' }] }],
  };
  writeFileSync(file, serializeProject(routed));
  return file;
}

/** The same project with the master's inserts removed and its fader at 0 dB: its mix is the master's input. */
function preMasterProject(file: string): string {
  const project = parseProject(readFileSync(file, 'utf8'), file);
  const out = file.replace(/\.glowroom$/, ' pre-master.glowroom');
  writeFileSync(out, serializeProject({ ...project, master: { gainDb: 0, pan: 0, inserts: [] } }));
  return out;
}

const planes = (file: string) => decodeWav(readFileSync(file)).channels as Float32Array[];

describe('stems of a mixer', () => {
  it('are one file per channel into the master, and sum in float32 to the mix before the master inserts exactly', async () => {
    const dir = tempDir();
    const projectPath = mixerProject(dir);
    const stemsDir = path.join(dir, 'stems');
    const report = await exportProject({ projectPath, outPath: path.join(dir, 'mix.wav'), stems: { folder: stemsDir, zip: false }, options: float });
    expect(report.stems.map((stem) => stem.channel)).toEqual(['Lead', 'Drum Bus']);
    expect(readdirSync(stemsDir).sort()).toEqual(['Mixdown - Drum Bus.wav', 'Mixdown - Lead.wav']);
    for (const stem of report.stems) expect(stem.peakDbfs).toBeGreaterThan(-30);

    const preMaster = path.join(dir, 'pre-master.wav');
    await exportProject({ projectPath: preMasterProject(projectPath), outPath: preMaster, options: float });
    const reference = planes(preMaster);
    const lead = planes(path.join(stemsDir, 'Mixdown - Lead.wav'));
    const bus = planes(path.join(stemsDir, 'Mixdown - Drum Bus.wav'));
    let worst = 0;
    for (let c = 0; c < 2; c++) {
      const mix = reference[c] as Float32Array;
      expect(lead[c]?.length).toBe(mix.length);
      expect(bus[c]?.length).toBe(mix.length);
      for (let i = 0; i < mix.length; i++) {
        // The master adds its two inputs in float32 (0 + first + second); two addends sum the same either way round.
        const sum = Math.fround(((lead[c] as Float32Array)[i] as number) + ((bus[c] as Float32Array)[i] as number));
        worst = Math.max(worst, Math.abs(sum - (mix[i] as number)));
      }
    }
    expect(worst).toBe(0);

    // The mix file itself went through the master's limiter and fader: the stems do not sum to it.
    const mastered = planes(path.join(dir, 'mix.wav'));
    let apart = 0;
    for (let i = 0; i < (mastered[0] as Float32Array).length; i++) apart = Math.max(apart, Math.abs(((mastered[0] as Float32Array)[i] as number) - ((reference[0] as Float32Array)[i] as number)));
    expect(apart).toBeGreaterThan(0.01);
  });

  it('a bus stem carries what is sent to it: where only Lead plays, the bus is Lead × send × utility × bus fader', async () => {
    const dir = tempDir();
    const report = await exportProject({ projectPath: mixerProject(dir), stems: { folder: path.join(dir, 'stems'), zip: false }, options: float });
    const [lead, bus] = report.stems.map((stem) => planes(stem.path));
    const expected = decibelsToGain(SEND_DB + BUS_UTILITY_DB + BUS_FADER_DB);
    // 3.5–5.5 s: the drums (0–2 s) are over, Lead (3–6 s) plays; the parameter glides are long done.
    let checked = 0;
    for (let i = Math.round(3.5 * RATE); i < 5.5 * RATE; i++) {
      const l = (lead?.[0] as Float32Array)[i] as number;
      if (Math.abs(l) < 0.05) continue;
      expect(((bus?.[0] as Float32Array)[i] as number) / l).toBeCloseTo(expected, 4);
      checked++;
    }
    expect(checked).toBeGreaterThan(RATE);
  });

  it('glowroom render --stems writes the same files', async () => {
    const dir = tempDir();
    const projectPath = mixerProject(dir);
    const report = await exportProject({ projectPath, stems: { folder: path.join(dir, 'app'), zip: false }, options: float });
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), 'render', projectPath, '--stems', path.join(dir, 'cli'), '--bits', '32f', '--tail', '0', '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const cli = (JSON.parse(r.stdout) as typeof report).stems;
    expect(cli.map((stem) => [stem.channel, stem.peakDbfs])).toEqual(report.stems.map((stem) => [stem.channel, stem.peakDbfs]));
    expect(readdirSync(path.join(dir, 'cli')).sort()).toEqual(readdirSync(path.join(dir, 'app')).sort());
    for (const name of readdirSync(path.join(dir, 'app'))) expect(readFileSync(path.join(dir, 'cli', name)).equals(readFileSync(path.join(dir, 'app', name)))).toBe(true);
  });
});
