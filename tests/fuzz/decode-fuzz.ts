/**
 * `npm run fuzz -- --minutes N [--seed S]` (`--help` lists the options): the decoder fuzzer of tests/integration/decode-fuzz,
 * run for N minutes (default 1) instead of a fixed count. Prints the counts and every wrong,
 * crashed or hung case; `--case I` replays one case of seed S and `--save DIR` writes each
 * failing mutant there to open by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTally, loadFixtures, runCampaign, runCase, type CaseReport } from './decode/campaign';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    seed: { type: 'string' },
    case: { type: 'string' },
    save: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('npm run fuzz -- [--minutes N] [--seed S] [--case I] [--save DIR]\n  --minutes N  run for N minutes (default 1)\n  --seed S     campaign seed (default: from the clock; printed)\n  --case I     replay case I of seed S alone\n  --save DIR   write each failing (or the replayed) mutant to DIR');
  process.exit(0);
}
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const show = (report: CaseReport): string =>
  `#${report.index} ${report.file}: ${report.mutation}\n    → ${report.verdict.outcome}: ${report.verdict.reason} (${Math.round(report.verdict.ms)} ms)`;

if (values.case !== undefined) {
  const report = await runCase(await loadFixtures(), seed, Number(values.case));
  console.log(show(report));
  if (values.save) save(values.save, report.index, report.bytes, report.file);
} else {
  const minutes = Number(values.minutes);
  console.log(`decoder fuzz: seed ${seed}, ${minutes} min`);
  let lastPrint = Date.now();
  const result = await runCampaign({
    seed,
    until: Date.now() + minutes * 60_000,
    onCase: (report) => {
      if (report.verdict.outcome === 'wrong' || report.verdict.outcome === 'crashed' || report.verdict.outcome === 'hung') console.log(show(report));
      if (Date.now() - lastPrint > 10_000) {
        lastPrint = Date.now();
        console.log(`  … ${report.index + 1} cases`);
      }
    },
  });
  console.log(formatTally(result.tally));
  console.log(`${(result.elapsedMs / 1000).toFixed(1)} s, slowest case ${Math.round(result.slowestMs)} ms, peak RSS ${Math.round(result.peakRssBytes / 1024 ** 2)} MiB`);
  if (values.save) {
    const fixtures = await loadFixtures();
    for (const failure of result.failures) save(values.save, failure.index, (await runCase(fixtures, seed, failure.index)).bytes, failure.file);
  }
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}

function save(folder: string, index: number, bytes: Uint8Array, file: string): void {
  mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `seed-${seed}-case-${index}${path.extname(file)}`);
  writeFileSync(target, bytes);
  console.log(`    saved ${target}`);
}
