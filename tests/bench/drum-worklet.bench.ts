import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProjectFile, renderProject } from '../../electron/services/render/render-project';
import { factoryDir } from '../../electron/services/repo-paths';
import { defaultInstrumentParams, drumPadParams } from '../../src/devices/instruments/catalog';
import { paramDefaults } from '../../src/devices/param-spec';
import { factoryKit } from '../../src/model/beats/factory-kit';
import { createEmptyProject } from '../../src/model/new-project';
import { createTrack } from '../../src/model/new-track';
import { serializeProject } from '../../src/model/parse-project';
import type { Note, Project } from '../../src/model/project-schema';
import type { BenchResult } from './bench-result';
import { blockMs, blockPercentileMs, clockNote, measureBlockLoad, openMixSession } from './mix-session';

const WARMUP_MS = 3_000;
const MEASURE_MS = 10_000;
const GOAL_P99 = 50;
const TEMPO_BPM = 140;
/** 1/32 steps in a 4/4 bar. */
const STEPS = 32;
const RATCHET = 3;

/**
 * DSP load of the drum machine in Chromium's realtime AudioWorklet, per 128-frame block at 48 kHz
 * (the method of dsp-load.bench.ts: each block timed inside the worklet): the factory kit's 16
 * pads on a looping one-bar pattern at 1/32 steps, 140 BPM, every pad on every other step (half
 * of them on the even steps, half on the odd), every fourth hit a ratchet of 3 — 384 hits a
 * bar, about 220 a second, so the 64 voices are stolen all the time. The goal is the DSP
 * budget (under 50 % p99).
 */
export async function benchDrumWorklet(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-drums-'));
  const session = await openMixSession(path.join(dir, 'home'));
  try {
    const { file, hitsPerBar } = writeDrumProject(dir, (WARMUP_MS + MEASURE_MS) / 1000 + 5);
    await checkAudible(file);
    const load = os.loadavg()[0] ?? 0;
    await session.start(file);
    const { window, meanPercent: mean, p99Percent } = await measureBlockLoad(session, WARMUP_MS, MEASURE_MS);
    const note = `goal: under ${GOAL_P99} % p99; 16 factory-kit pads, ${hitsPerBar} hits a bar at 1/32 steps (${TEMPO_BPM} BPM) with ratchets of ${RATCHET}; ${window.blocks} blocks in ${MEASURE_MS / 1000} s of ${Math.round(MEASURE_MS / blockMs)} due; over budget ${window.overloads}; Chromium realtime AudioWorklet, ${clockNote(window)}; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs`;
    process.stderr.write(`  drums: mean ${mean.toFixed(1)} %, p99 ${p99Percent.toFixed(1)} %, over budget ${window.overloads}\n`);
    return [
      { name: 'drum machine busy 1/32 mean (worklet)', value: mean, unit: '% of block', better: 'lower', note },
      { name: 'drum machine busy 1/32 p99 (worklet)', value: p99Percent, unit: '% of block', better: 'lower', note: `99 % of blocks took ≤ ${blockPercentileMs(window, 0.99).toFixed(3)} ms; ${note}` },
    ];
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Throws unless the project renders (in Node, the same engine) with every pad's sample and a signal: a bench of silence measures nothing. */
async function checkAudible(file: string): Promise<void> {
  const rendered = await renderProject(await loadProjectFile(file));
  if (rendered.unplayable.length > 0) throw new Error(`the drum bench left samples silent: ${JSON.stringify(rendered.unplayable)}`);
  const peak = rendered.channels[0].reduce((most, x) => Math.max(most, Math.abs(x)), 0);
  if (peak < 0.05) throw new Error(`the drum bench project renders almost silent (peak ${peak})`);
}

/** The kit copied into `dir` (the bench's granted folder) and a project looping the busy bar for `seconds`. */
function writeDrumProject(dir: string, seconds: number): { file: string; hitsPerBar: number } {
  if (factoryDir === null) throw new Error('the factory kit (native-assets/factory) is not here');
  const kit = path.join(dir, 'kit');
  const sources: Project['sources'] = {};
  factoryKit.forEach((pad, i) => {
    const target = path.join(kit, `${i + 1} ${path.basename(pad.file)}`);
    mkdirSync(kit, { recursive: true });
    copyFileSync(path.join(factoryDir as string, pad.file), target);
    sources[`pad${i + 1}`] = { path: target };
  });
  const notes: Note[] = [];
  for (let step = 0; step < STEPS; step++) {
    for (let pad = step % 2; pad < 16; pad += 2) {
      const hit = notes.length;
      notes.push({ pitch: 36 + pad, start: (step * 4) / STEPS, length: 4 / STEPS, velocity: 0.5 + ((hit * 7) % 10) / 20, ...(hit % 4 === 3 ? { ratchet: RATCHET } : {}) });
    }
  }
  const bars = Math.ceil((seconds * TEMPO_BPM) / 60 / 4);
  const project: Project = {
    ...createEmptyProject('Drum bench'),
    tempo: TEMPO_BPM,
    sources,
    tracks: [
      {
        ...createTrack('drums', 'Drums', 0),
        instrument: {
          id: 'kit',
          type: 'drums',
          params: defaultInstrumentParams('drums'),
          pads: factoryKit.map((pad, i) => ({ name: pad.name, source: `pad${i + 1}`, params: { ...paramDefaults(drumPadParams), ...pad.params }, output: null })),
        },
        clips: [{ kind: 'notes', id: 'busy', name: 'Busy', pattern: 'p1', start: 0, length: bars * 4, offset: 0, loop: true, mute: false }],
      },
    ],
    patterns: { p1: { name: 'Busy', length: 4, notes, stepGrid: { division: '1/32', rowSteps: {} } } },
  };
  const file = path.join(dir, 'drums.glowroom');
  writeFileSync(file, serializeProject(project));
  return { file, hitsPerBar: notes.reduce((sum, n) => sum + (n.ratchet ?? 1), 0) };
}
