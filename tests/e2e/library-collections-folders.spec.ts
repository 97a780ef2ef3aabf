import { expect, importFolder, samplePack, test } from './fixtures';

test('collections: rename in place, delete after a confirmation naming the samples, which stay', async ({ app }) => {
  await importFolder(app, samplePack);
  const name = `Keepers ${Date.now() % 100_000}`;
  await app.getByRole('button', { name: 'New collection' }).click();
  await app.getByRole('textbox', { name: 'New collection name' }).fill(name);
  await app.getByRole('textbox', { name: 'New collection name' }).press('Enter');
  const search = app.getByRole('searchbox', { name: 'Search samples' });
  const samples = app.getByRole('listbox', { name: 'Samples' });
  for (const sample of ['bd_haus', 'sn_dolf']) {
    await search.fill(sample);
    await samples.getByRole('option', { name: new RegExp(sample) }).dragTo(app.getByRole('button', { name: new RegExp(`^Collection ${name} \\(`) }));
  }
  await expect(app.getByRole('button', { name: `Collection ${name} (2)` })).toBeVisible();
  await search.fill('');

  // Escape keeps the old name; Enter keeps the new one and gives the focus back to the chip.
  await app.getByRole('button', { name: `Rename collection ${name}` }).click();
  const field = app.getByRole('textbox', { name: `New name for collection ${name}` });
  await expect(field).toBeFocused();
  await field.fill('Never mind');
  await field.press('Escape');
  await expect(app.getByRole('button', { name: `Collection ${name} (2)` })).toBeFocused();
  const renamed = `${name} renamed`;
  await app.getByRole('button', { name: `Rename collection ${name}` }).click();
  await field.fill(renamed);
  await field.press('Enter');
  const chip = app.getByRole('button', { name: `Collection ${renamed} (2)` });
  await expect(chip).toBeFocused();
  await expect(app.getByRole('button', { name: `Collection ${name} (2)` })).toHaveCount(0);

  // F2 on the chip renames too; Escape leaves it be.
  await chip.press('F2');
  await app.getByRole('textbox', { name: `New name for collection ${renamed}` }).press('Escape');
  await expect(chip).toBeFocused();

  // Filter by it, then delete it: the dialog says what it holds; Cancel keeps it.
  await chip.click();
  await expect(samples.getByRole('option')).toHaveCount(2);
  await app.getByRole('button', { name: `Delete collection ${renamed}` }).click();
  const dialog = app.getByRole('dialog', { name: `Delete collection ${renamed}?` });
  await expect(dialog).toContainText(`Delete the collection “${renamed}”?`);
  await expect(dialog).toContainText('It holds 2 samples. They stay in the library; only the collection goes.');
  await app.screenshot({ path: 'test-results/screens/library-delete-collection.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(chip).toBeVisible();

  await chip.press('Delete');
  await dialog.getByRole('button', { name: 'Delete collection' }).click();
  await expect(app.getByRole('button', { name: new RegExp(`^Collection ${renamed}`) })).toHaveCount(0);
  await expect(app.getByRole('contentinfo')).toContainText(`Deleted the collection “${renamed}”; its samples are still in the library.`);
  // Its filter went with it, and its samples are still found.
  await expect(samples.getByRole('option').nth(2)).toBeVisible();
  await search.fill('bd_haus');
  await expect(samples.getByRole('option', { name: /bd_haus/ })).toBeVisible();
});

test('pack tree: packs open into their folders, and a folder shows only the samples under it', async ({ app }) => {
  await importFolder(app, samplePack);
  const tree = app.getByRole('tree', { name: 'Packs' });
  const count = app.locator('.sample-list-count');
  const pack = tree.getByRole('treeitem', { name: 'sample-pack, 29 samples' });
  await expect(pack).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem', { name: /^Drums,/ })).toHaveCount(0);

  await pack.click();
  await expect(pack).toHaveAttribute('aria-expanded', 'true');
  await expect(pack).toHaveAttribute('aria-selected', 'true');
  await expect(count).toHaveText(/^29 samples/);
  const drums = tree.getByRole('treeitem', { name: 'Drums, 13 samples' });
  for (const folder of ['Atmos, 3 samples', 'Bass, 3 samples', 'Loops, 6 samples', 'Vocal-ish FX, 3 samples']) await expect(tree.getByRole('treeitem', { name: folder })).toBeVisible();

  await drums.click();
  await expect(count).toHaveText(/^13 samples/);
  const kicks = tree.getByRole('treeitem', { name: 'Kicks, 5 samples' });
  await kicks.click();
  await expect(kicks).toHaveAttribute('aria-level', '4');
  await expect(count).toHaveText(/^5 samples/);
  const rows = app.getByRole('listbox', { name: 'Samples' }).getByRole('option');
  await expect(rows).toHaveCount(5);
  for (const title of await rows.evaluateAll((options) => options.map((option) => option.getAttribute('title') ?? ''))) expect(title).toContain('/sample-pack/Drums/Kicks/');
  await app.screenshot({ path: 'test-results/screens/library-folder-tree.png' });

  // Keys: Left steps out to Drums, Left again closes it, Enter chooses it.
  await kicks.focus();
  await app.keyboard.press('ArrowLeft');
  await expect(drums).toBeFocused();
  await app.keyboard.press('ArrowLeft');
  await expect(drums).toHaveAttribute('aria-expanded', 'false');
  await expect(kicks).toHaveCount(0);
  await app.keyboard.press('Enter');
  await expect(count).toHaveText(/^13 samples/);
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem', { name: 'Hats & Perc, 4 samples' })).toBeFocused();

  await tree.getByRole('treeitem', { name: /^All packs,/ }).click();
  await expect(count).toHaveText(/^29 samples/);
});
