/**
 * The seeded set of hostile project files (tests/fuzz/hostile-projects.ts), opened through the
 * projects service from real files: each is refused with a message a producer can act on (and
 * that never repeats a file that is not a project), or opens as a valid project within the
 * limits of src/model/project-limits.ts — never a crash, never a hang.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../electron/services/jobs';
import { ProjectService } from '../../electron/services/projects/project-service';
import { projectLimitProblem } from '../../src/model/project-limits';
import { ProjectSchema } from '../../src/model/project-schema';
import { hostileProjects } from '../fuzz/hostile-projects';
import { formatTally, hostileRun, judgeRefusal, tally, timed, type Verdict } from '../fuzz/outcomes';
import { tempDir } from '../support/temp-dir';

const { seed, mutants, timeoutMs } = hostileRun({ seed: 0x5eed_0014, mutants: 300, timeoutMs: 90_000 });
/** The biggest case (100,000 tracks, 20 MB) opens or is refused in about a second on this machine. */
const budgetMs = 8000;

describe('hostile project files', () => {
  it(`${mutants} seeded mutants and the fixed cases: refused clearly or opened correctly, none crash or hang`, async () => {
    const dir = tempDir();
    const service = new ProjectService(new JobRegistry(), path.join(dir, 'home'));
    const failures: string[] = [];
    const verdicts: Verdict[] = [];
    for (const [index, hostile] of hostileProjects(seed, mutants).entries()) {
      const file = path.join(dir, `case ${index}.glowroom`);
      writeFileSync(file, hostile.text);
      const run = await timed(() => service.open(file), budgetMs);
      let verdict: Verdict;
      if (run.hung) verdict = { outcome: 'hung', detail: `${Math.round(run.ms)} ms` };
      else if (run.value) {
        const project = run.value.project;
        const problem = !ProjectSchema.safeParse(project).success ? 'an invalid document' : projectLimitProblem(project);
        if (hostile.expect === 'refuse') verdict = { outcome: 'wrong', detail: 'opened what must be refused' };
        else verdict = problem ? { outcome: 'wrong', detail: `opened ${problem}` } : { outcome: 'opened', detail: '' };
      } else {
        verdict = judgeRefusal(run.error, hostile.secret);
        if (verdict.outcome === 'refused' && !verdict.detail.startsWith(`case ${index}.glowroom`)) verdict = { outcome: 'wrong', detail: `does not name the file: ${verdict.detail}` };
        if (verdict.outcome === 'refused' && hostile.expect === 'open') verdict = { outcome: 'wrong', detail: `refused what must open: ${verdict.detail}` };
      }
      verdicts.push(verdict);
      if (verdict.outcome !== 'refused' && verdict.outcome !== 'opened') failures.push(`${hostile.label} → ${verdict.outcome}: ${verdict.detail}`);
    }
    console.info(formatTally(`hostile projects, seed ${seed}`, tally(verdicts)));
    expect(failures).toEqual([]);
  }, timeoutMs);
});
