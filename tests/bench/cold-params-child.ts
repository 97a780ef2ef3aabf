/**
 * Child process of cold-params.bench.ts (run with --expose-gc and a young generation large
 * enough that no collection runs while a phase renders, so heap growth is what the phase
 * allocated): a cold engine with one device of every type on a looping track, its block loop
 * warmed with nothing moving; then as many blocks standing still ("still") as the next phase
 * renders, and every parameter of every device turned once, each followed by 40 blocks (past
 * its smoothing) ("turn"). Prints both, in bytes, as JSON.
 */
import { defaultParams, deviceCatalog, type DeviceType } from '../../src/devices/catalog';
import type { Device } from '../../src/model/project-schema';
import { blockFrames } from '../../src/protocol/engine';
import { clip, engineWith, rate, timeline120, track } from '../unit/engine/engine-harness';

const BLOCKS_PER_TURN = 40;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const source = Float32Array.from({ length: rate }, (_, i) => 0.5 * Math.sin(i / 7));
const types = Object.keys(deviceCatalog) as DeviceType[];
const devices: Device[] = types.map((type) => ({ id: `d-${type}`, type, bypass: false, params: defaultParams(type) }));
const engine = engineWith({ a: { planes: [source, source] } }, [track('t1', [clip('a', { loop: true, length: 64 })], { inserts: devices })], timeline120, rate);
engine.command({ type: 'set-loop', loop: { start: 0, end: 16 } });
const left = new Float32Array(blockFrames);
const right = new Float32Array(blockFrames);
for (let i = 0; i < 40_000; i++) engine.render(left, right, blockFrames);

// Every command is built before anything is measured: the message path is not what is measured.
const turns = types.flatMap((type) =>
  deviceCatalog[type].params.map((spec) => {
    const value = spec.default === spec.max ? spec.min : spec.unit === 'bool' || spec.unit === 'enum' ? spec.max : spec.default + 0.37 * (spec.max - spec.default);
    return { type: 'set-param' as const, target: `d-${type}`, param: spec.id, value };
  }),
);

/** Heap growth while `run` runs, from an emptied heap. */
function grownBy(run: () => void): number {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  run();
  return process.memoryUsage().heapUsed - before;
}

const still = grownBy(() => {
  for (let i = 0; i < turns.length * BLOCKS_PER_TURN; i++) engine.render(left, right, blockFrames);
});
const turn = grownBy(() => {
  for (const command of turns) {
    engine.command(command);
    for (let i = 0; i < BLOCKS_PER_TURN; i++) engine.render(left, right, blockFrames);
  }
});
process.stdout.write(JSON.stringify({ parameters: turns.length, still, turn }));
