/**
 * Saves leave no litter: the temporary files of a save that a crash interrupted go with the next
 * save of that file, or when the projects service starts (the data folder); a save into a path
 * that runs through a file says so in plain words.
 */
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/services/atomic-write';
import { JobRegistry } from '../../../electron/services/jobs';
import { saveProject } from '../../../electron/services/projects/project-files';
import { ProjectService } from '../../../electron/services/projects/project-service';
import { parseProject } from '../../../src/model/parse-project';
import { baseProject } from '../../fuzz/hostile-projects';
import { tempDir } from '../../support/temp-dir';

const project = () => parseProject(JSON.stringify(baseProject()), 'Song.glowroom');

/** A file as a killed save leaves it, `minutesAgo` old. */
function litter(file: string, minutesAgo = 5): string {
  writeFileSync(file, '{"format": "glowroom", "half a proj');
  const then = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(file, then, then);
  return path.basename(file);
}

describe('saves leave no litter', () => {
  it('the next save of a project removes the temporary files of its interrupted saves, and nothing else', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Song.glowroom');
    await saveProject(file, project());
    litter(path.join(dir, '.Song.glowroom.0123456789ab.tmp'));
    litter(path.join(dir, '.Song.glowroom.bak.ba9876543210.tmp'));
    const running = litter(path.join(dir, '.Song.glowroom.aaaaaaaaaaaa.tmp'), 0);
    const others = [litter(path.join(dir, '.Other.glowroom.0123456789ab.tmp')), litter(path.join(dir, '.Song.glowroom.notes.tmp')), litter(path.join(dir, 'Song.glowroom.0123456789ab.tmp'))];
    await saveProject(file, project());
    // A temporary file younger than a minute may be another window's save under way: it stays.
    expect(readdirSync(dir).sort()).toEqual(['Song.glowroom', 'Song.glowroom.bak', running, ...others].sort());
  });

  it('any atomic write (bundles, exports, the recent list) removes the litter of its own interrupted writes', async () => {
    const dir = tempDir();
    const stale = litter(path.join(dir, '.recent-projects.json.00ff00ff00ff.tmp'));
    await writeFileAtomic(path.join(dir, 'recent-projects.json'), Buffer.from('[]'));
    expect(existsSync(path.join(dir, stale))).toBe(false);
    expect(readdirSync(dir)).toEqual(['recent-projects.json']);
  });

  it('the projects service clears the data folder and its recovery folder of stale temporary files when it starts', async () => {
    const home = tempDir();
    mkdirSync(path.join(home, 'recovery'));
    const stale = [litter(path.join(home, '.recent-projects.json.0123456789ab.tmp')), litter(path.join(home, 'recovery', '.Untitled 1.glowroom-recovery.abcdefabcdef.tmp'))];
    const fresh = litter(path.join(home, '.project-views.json.aaaaaaaaaaaa.tmp'), 0);
    writeFileSync(path.join(home, 'keep.tmp'), 'not ours');
    const service = new ProjectService(new JobRegistry(), home);
    await service.swept;
    expect(stale.some((name) => existsSync(path.join(home, name)) || existsSync(path.join(home, 'recovery', name)))).toBe(false);
    expect(readdirSync(home).sort()).toEqual([fresh, 'keep.tmp', 'recovery'].sort());
  });

  it('a save into a path through a file says which file is in the way, in plain words', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'my notes');
    const error = await saveProject(path.join(dir, 'notes.txt', 'Beats', 'Song.glowroom'), project()).then(
      () => expect.fail('saved'),
      (caught: unknown) => caught as { code: string; message: string },
    );
    expect(error).toMatchObject({
      code: 'wrong-kind',
      message: `Could not save Song.glowroom: ${path.join(dir, 'notes.txt')} is a file, not a folder. Nothing was written and your work is still open. Use Save As to choose a folder.`,
    });
    expect(error.message).not.toMatch(/ENOTDIR|realpath/);
    const service = new ProjectService(new JobRegistry(), tempDir());
    await expect(service.save(path.join(dir, 'notes.txt', 'Song'), project(), null)).rejects.toThrow(`${path.join(dir, 'notes.txt')} is a file, not a folder`);
  });
});
