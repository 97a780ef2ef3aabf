/**
 * The seeded set of hostile bundles (tests/fuzz/hostile-bundles.ts), opened through the projects
 * service beside a fake home holding `.ssh/id_rsa`: each is refused with a message (leaving
 * nothing behind), or opens with every source inside the unpacked folder or listed missing, writes
 * nothing outside the folder it was given, and re-exporting it never packs the key.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../electron/services/jobs';
import { ProjectService } from '../../electron/services/projects/project-service';
import { hostileBundles } from '../fuzz/hostile-bundles';
import { secretMark } from '../fuzz/hostile-projects';
import { formatTally, hostileRun, judgeRefusal, tally, timed, type Verdict } from '../fuzz/outcomes';
import { tempDir } from '../support/temp-dir';

const { seed, mutants, timeoutMs } = hostileRun({ seed: 0x5eed_b0d1, mutants: 120, timeoutMs: 90_000 });
const budgetMs = 8000;
const key = Buffer.from(`-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${secretMark}TheUsersOwnKey\n-----END OPENSSH PRIVATE KEY-----\n`);

/** Every path under `dir`, relative, sorted. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

/** A folder for one case: the bundle, a folder to unpack into, one for re-exports, the service's data. */
function place(root: string, index: number): { dir: string; into: string; service: ProjectService } {
  const dir = path.join(root, `case ${index}`);
  const into = path.join(dir, 'Downloads');
  mkdirSync(into, { recursive: true });
  mkdirSync(path.join(dir, 'out'));
  return { dir, into, service: new ProjectService(new JobRegistry(), path.join(dir, 'data')) };
}

/** What is wrong with a bundle that opened; undefined when it opened correctly. */
async function openedWrongly(service: ProjectService, dir: string, into: string, opened: Awaited<ReturnType<ProjectService['openBundle']>>): Promise<string | undefined> {
  const folder = path.dirname(opened.path);
  if (path.dirname(folder) !== into) return `unpacked to ${folder}, not inside ${into}`;
  const missing = new Set(opened.missing.map((m) => m.sourceId));
  for (const [id, source] of Object.entries(opened.project.sources)) {
    if (!source.path.startsWith(folder + path.sep) && !missing.has(id)) return `source ${id} reads ${source.path}, outside the bundle`;
  }
  const out = path.join(dir, 'out', 'Again.glowroom.zip');
  try {
    // As the app would: the unpacked bundle's folder is given (a recent project's folder), nothing else.
    await service.exportBundle(opened.path, out, (file) => Promise.resolve(file.startsWith(folder + path.sep)));
  } catch (error) {
    const verdict = judgeRefusal(error, secretMark);
    if (verdict.outcome !== 'refused') return `re-export: ${verdict.outcome}: ${verdict.detail}`;
  }
  if (existsSync(out) && readFileSync(out).includes(key)) return 're-exporting packed ~/.ssh/id_rsa';
  return undefined;
}

describe('hostile bundles', () => {
  it(`the fixed cases and ${mutants} seeded mutants: refused clearly or opened safely, never reading outside the bundle`, async () => {
    const failures: string[] = [];
    const verdicts: Verdict[] = [];
    const root = tempDir();
    const secretFile = path.join(root, 'home', '.ssh', 'id_rsa');
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, key);
    for (const [index, hostile] of hostileBundles(seed, mutants, secretFile).entries()) {
      const { dir, into, service } = place(root, index);
      const zipFile = path.join(dir, 'Shared.glowroom.zip');
      writeFileSync(zipFile, hostile.zip);
      // Everything but the folders this case may write in: the fake home and the other cases.
      const others = () => listing(root).filter((p) => !p.startsWith(`case ${index}${path.sep}`) || p.startsWith(`case ${index}${path.sep}Shared`));
      const before = others();
      const run = await timed(() => service.openBundle(zipFile, into), budgetMs);
      let verdict: Verdict;
      if (run.hung) verdict = { outcome: 'hung', detail: `${Math.round(run.ms)} ms` };
      else if (run.value) {
        const wrong = hostile.expect === 'refuse' ? 'opened what must be refused' : await openedWrongly(service, dir, into, run.value);
        verdict = wrong ? { outcome: 'wrong', detail: wrong } : { outcome: 'opened', detail: '' };
      } else {
        verdict = judgeRefusal(run.error, secretMark);
        if (verdict.outcome === 'refused' && hostile.expect === 'open') verdict = { outcome: 'wrong', detail: `refused what must open: ${verdict.detail}` };
        if (verdict.outcome === 'refused' && listing(into).length > 0) verdict = { outcome: 'wrong', detail: `refused, yet left ${listing(into).join(', ')}` };
      }
      const after = others();
      if (after.join('\n') !== before.join('\n')) verdict = { outcome: 'wrong', detail: `wrote outside the folder it was given: ${after.filter((p) => !before.includes(p)).join(', ')}` };
      if (!readFileSync(secretFile).equals(key)) verdict = { outcome: 'wrong', detail: 'changed ~/.ssh/id_rsa' };
      rmSync(dir, { recursive: true, force: true });
      verdicts.push(verdict);
      if (verdict.outcome !== 'refused' && verdict.outcome !== 'opened') failures.push(`${hostile.label} → ${verdict.outcome}: ${verdict.detail}`);
    }
    console.info(formatTally(`hostile bundles, seed ${seed}`, tally(verdicts)));
    expect(failures).toEqual([]);
  }, timeoutMs);
});
