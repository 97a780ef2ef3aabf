import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAudio } from '../../../src/codecs/decode';
import type { DecodedAudio } from '../../../src/codecs/decoded-audio';
import { packFile } from '../../support/paths';
import { judge, type Outcome, type Verdict } from './judge';
import { layoutOf, type Container, type Layout } from './layout';
import { mutate } from './mutate';
import { Random, caseSeed } from './random';

/**
 * A seeded campaign over the sample pack's formats: case i mutates fixture i mod n with the
 * generator seeded by (campaign seed, i), so any case can be replayed alone (`npm run fuzz --
 * --seed S --case I`). The fixtures are the pack's smaller files, one or more per variant: WAV
 * 8/16/24-bit and 32-bit float, AIFF, FLAC (stereo and mono), MP3 (with and without an ID3 tag)
 * and Ogg Vorbis (stereo and mono).
 */
const fixtureFiles: readonly (readonly [string, Container])[] = [
  ['Drums/Hats & Perc/hat_closed.wav', 'wav'],
  ['Drums/Hats & Perc/tabla_na_mono.wav', 'wav'],
  ['Drums/Kicks/bd_fat_24bit.wav', 'wav'],
  ['Drums/Snares/sn_dub_8bit.wav', 'wav'],
  ['Drums/Snares/sn_zome_float.wav', 'wav'],
  ['Drums/Snares/sn_dolf.aiff', 'aiff'],
  ['Drums/Kicks/bd_haus.flac', 'flac'],
  ['Drums/Snares/sn_generic.flac', 'flac'],
  ['Vocal-ish FX/elec_chime.flac', 'flac'],
  ['Drums/Kicks/bd_tek.mp3', 'mp3'],
  ['Bass/bass_dnb_F.mp3', 'mp3'],
  ['Loops/industrial_loop.ogg', 'ogg'],
  ['Drums/Hats & Perc/hat_open.ogg', 'ogg'],
];

export interface Fixture {
  readonly file: string;
  readonly container: Container;
  readonly bytes: Uint8Array;
  readonly layout: Layout;
  readonly reference: DecodedAudio;
}

export async function loadFixtures(): Promise<Fixture[]> {
  return Promise.all(
    fixtureFiles.map(async ([file, container]) => {
      const bytes = new Uint8Array(readFileSync(packFile(file)));
      return { file, container, bytes, layout: layoutOf(container, bytes), reference: await decodeAudio(bytes, path.basename(file)) };
    }),
  );
}

export interface CaseReport {
  readonly index: number;
  readonly file: string;
  readonly mutation: string;
  readonly verdict: Verdict;
}

/** The counts the issue asks for: tried / refused clearly / decoded correctly / decoded wrongly / crashed / hung. */
export type Tally = Record<Outcome | 'tried' | 'noted', number>;

export interface CampaignResult {
  readonly tally: Tally;
  /** Every wrong, crashed and hung case. */
  readonly failures: readonly CaseReport[];
  readonly elapsedMs: number;
  readonly slowestMs: number;
  readonly peakRssBytes: number;
}

export async function runCase(fixtures: readonly Fixture[], seed: number, index: number): Promise<CaseReport & { readonly bytes: Uint8Array }> {
  const fixture = fixtures[index % fixtures.length];
  if (!fixture) throw new Error('no fixtures');
  const mutation = mutate(fixture, new Random(caseSeed(seed, index)));
  const name = `fuzz-${index}${path.extname(fixture.file)}`;
  const verdict = await judge({ bytes: mutation.bytes, name, container: fixture.container, reference: fixture.reference, expect: mutation.expect });
  return { index, file: fixture.file, mutation: mutation.description, verdict, bytes: mutation.bytes };
}

/** Runs cases `first`, `first + 1`, … until `cases` are done or the clock passes `until` (ms since epoch). */
export async function runCampaign(options: {
  readonly seed: number;
  readonly cases?: number;
  readonly until?: number;
  readonly first?: number;
  readonly onCase?: (report: CaseReport) => void;
}): Promise<CampaignResult> {
  const fixtures = await loadFixtures();
  const tally: Tally = { tried: 0, refused: 0, correct: 0, wrong: 0, crashed: 0, hung: 0, noted: 0 };
  const failures: CaseReport[] = [];
  const started = Date.now();
  let slowestMs = 0;
  let peakRssBytes = process.memoryUsage.rss();
  const first = options.first ?? 0;
  for (let index = first; index - first < (options.cases ?? Infinity) && Date.now() < (options.until ?? Infinity); index++) {
    const { bytes: _bytes, ...report } = await runCase(fixtures, options.seed, index);
    tally.tried++;
    tally[report.verdict.outcome]++;
    if (report.verdict.noted) tally.noted++;
    if (report.verdict.outcome !== 'refused' && report.verdict.outcome !== 'correct') failures.push(report);
    slowestMs = Math.max(slowestMs, report.verdict.ms);
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
    options.onCase?.(report);
  }
  return { tally, failures, elapsedMs: Date.now() - started, slowestMs, peakRssBytes };
}

export function formatTally(tally: Tally): string {
  return [
    `tried ${tally.tried}`,
    `refused clearly ${tally.refused}`,
    `decoded correctly ${tally.correct} (${tally.noted} with a note)`,
    `decoded wrongly ${tally.wrong}`,
    `crashed ${tally.crashed}`,
    `hung ${tally.hung}`,
  ].join(' / ');
}
