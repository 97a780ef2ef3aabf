import { expect, importFolder, samplePack, test } from './fixtures';

test('tempo and key filters apply as you type; the key finds its relative; a clamped tempo says so', async ({ app }) => {
  await importFolder(app, samplePack);
  await app.getByRole('tree', { name: 'Packs' }).getByRole('treeitem', { name: 'sample-pack, 29 samples' }).click();
  const count = app.locator('.sample-list-count');
  const rows = app.getByRole('listbox', { name: 'Samples' }).getByRole('option');
  await expect(count).toHaveText(/^29 samples/);

  // Typed, never Enter nor leaving the field: the list follows each keystroke.
  const tempo = app.getByRole('textbox', { name: 'Tempo range' });
  await tempo.pressSequentially('125-140');
  await expect(tempo).toBeFocused();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'amen_break_137bpm' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'loop_breakbeat' })).toHaveCount(1);
  await tempo.fill('');
  await expect(count).toHaveText(/^29 samples/);

  // E♭ major has C minor's notes: both C minor loops come up, and the note names the keys searched.
  const key = app.getByRole('textbox', { name: 'Key' });
  await key.pressSequentially('E♭');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'garzul_120bpm_Cmin_96k' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'compus_loop' })).toHaveCount(1);
  await expect(app.getByText('Finds E♭ major and its relative C minor (the same notes).')).toBeVisible();
  const compatible = app.getByRole('button', { name: 'Compatible' });
  await expect(compatible).toHaveAttribute('title', 'Also finds B♭ major, G minor, A♭ major and F minor: the keys a fifth up and a fifth down, each with its relative (the Camelot neighbours; each differs by one note).');
  await compatible.click();
  await expect(rows.filter({ hasText: 'loop_mika' })).toHaveCount(1);
  await expect(rows).toHaveCount(3);
  await app.locator('.library').screenshot({ path: 'test-results/screens/library-filters-key.png' });
  await compatible.click();
  await key.fill('');
  await expect(count).toHaveText(/^29 samples/);

  // Over the top of the searchable tempos: clamped, and the field says so beside it.
  await tempo.pressSequentially('99999');
  const note = app.getByRole('status').filter({ hasText: 'Tempos go from 1 to 999 BPM' });
  await expect(note).toHaveText('Tempos go from 1 to 999 BPM: searching 99999 → 999.');
  await expect(tempo).toHaveAttribute('aria-describedby', 'tempo-filter-note');
  await expect(rows).toHaveCount(0);
  await app.locator('.library').screenshot({ path: 'test-results/screens/library-filters-clamp.png' });
});
