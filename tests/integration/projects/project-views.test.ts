import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectViews, viewLimit } from '../../../electron/services/projects/project-views';
import type { ProjectView } from '../../../src/protocol/ipc';
import { tempDir } from '../../support/temp-dir';

const view = (pixelsPerBeat: number, snap: ProjectView['snap'] = '1/16'): ProjectView => ({ snap, pixelsPerBeat, follow: false, scrollBeats: 12.5, scrollTop: 80, mixerOpen: true, songKey: 'A minor' });

describe('project views in the user settings', () => {
  it('keeps each project file’s view, under its absolute path, across instances', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'views.json');
    const views = new ProjectViews(file);
    await views.remember(path.join(folder, 'a', '..', 'Night.glowroom'), view(64));
    await views.remember(path.join(folder, 'Day.glowroom'), view(12, 'bar'));
    const again = new ProjectViews(file);
    expect(await again.view(path.join(folder, 'Night.glowroom'))).toEqual(view(64));
    expect(await again.view(path.join(folder, 'Day.glowroom'))).toEqual(view(12, 'bar'));
    expect(await again.view(path.join(folder, 'Never opened.glowroom'))).toBeNull();
  });

  it('loses none of several changes made at once', async () => {
    const views = new ProjectViews(path.join(tempDir(), 'settings', 'views.json'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => views.remember(`/songs/${i}.glowroom`, view(i + 1))));
    for (let i = 0; i < 20; i += 1) expect((await views.view(`/songs/${i}.glowroom`))?.pixelsPerBeat).toBe(i + 1);
  });

  it(`remembers the ${viewLimit} most recently used projects`, async () => {
    const file = path.join(tempDir(), 'views.json');
    const views = new ProjectViews(file);
    await fs.writeFile(file, JSON.stringify(Array.from({ length: viewLimit }, (_, i) => [`/songs/${i}.glowroom`, view(i + 1)])));
    await views.remember('/songs/0.glowroom', view(99));
    await views.remember('/songs/new.glowroom', view(5));
    expect(await views.view('/songs/1.glowroom')).toBeNull();
    expect((await views.view('/songs/0.glowroom'))?.pixelsPerBeat).toBe(99);
    expect((await views.view('/songs/2.glowroom'))?.pixelsPerBeat).toBe(3);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toHaveLength(viewLimit);
  });

  it('reads views kept before the mixer and the song key were part of them as mixer closed and no key', async () => {
    const file = path.join(tempDir(), 'views.json');
    const { mixerOpen: _, songKey: __, ...older } = view(40);
    await fs.writeFile(file, JSON.stringify([['/songs/old.glowroom', older]]));
    expect(await new ProjectViews(file).view('/songs/old.glowroom')).toEqual({ ...older, mixerOpen: false, songKey: null });
  });

  it('treats a damaged settings file as empty and replaces it on the next change', async () => {
    const file = path.join(tempDir(), 'views.json');
    await fs.writeFile(file, '{"not": "a list"');
    const views = new ProjectViews(file);
    expect(await views.view('/songs/a.glowroom')).toBeNull();
    await views.remember('/songs/a.glowroom', view(30));
    expect(await new ProjectViews(file).view('/songs/a.glowroom')).toEqual(view(30));
  });
});
