import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalyzePool } from '../../../electron/services/library/analyze-pool';
import { backgroundNice } from '../../../electron/workers/background-priority';
import { packFile } from '../../support/paths';

/** The nice value of each thread of this process (field 19 of /proc/self/task/<tid>/stat). */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe.runIf(process.platform === 'linux')('analyze workers', () => {
  it('run at background priority, so playback and the window always go first, and this thread does not', async () => {
    const before = threadNices().filter((nice) => nice === backgroundNice).length;
    const pool = new AnalyzePool({ size: 2 });
    try {
      const answers = await Promise.all(['Drums/Kicks/bd_boom.flac', 'Bass/bass_dnb_F.mp3'].map((file) => pool.analyze(packFile(file), file)));
      expect(answers.every((answer) => answer.ok)).toBe(true);
      // Both workers lower themselves as they load; one of them may still be loading.
      const lowered = () => threadNices().filter((nice) => nice === backgroundNice).length - before;
      for (let waited = 0; lowered() < 2 && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lowered()).toBe(2);
      const main = readFileSync('/proc/thread-self/stat', 'utf8');
      expect(Number(main.slice(main.lastIndexOf(')') + 2).split(' ')[16])).not.toBe(backgroundNice);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
