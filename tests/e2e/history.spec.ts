import { expect, importFolder, samplePack, test } from './fixtures';

test('adding a track and changing tempo are undoable steps, by button and by keyboard', async ({ app }) => {
  const undo = app.getByRole('button', { name: /^Undo/ });
  const redo = app.getByRole('button', { name: /^Redo/ });
  await expect(undo).toBeDisabled();
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('amen');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /amen_break_137bpm\.wav/ }).dblclick();
  await expect(app.getByLabel('Clip amen_break_137bpm.wav')).toBeVisible();
  await expect(undo).toHaveAccessibleName('Undo Add amen_break_137bpm.wav');

  const tempo = app.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill('137');
  await tempo.press('Enter');
  await expect(undo).toHaveAccessibleName('Undo Set Tempo');

  await app.getByRole('region', { name: 'Timeline' }).click();
  await app.keyboard.press('Control+z');
  await expect(tempo).toHaveAttribute('aria-valuetext', '120 BPM');
  await expect(redo).toHaveAccessibleName('Redo Set Tempo');
  await undo.click();
  await expect(app.getByLabel('Clip amen_break_137bpm.wav')).toHaveCount(0);
  await expect(undo).toBeDisabled();

  await app.keyboard.press('Control+Shift+z');
  await expect(app.getByLabel('Clip amen_break_137bpm.wav')).toBeVisible();
  await app.keyboard.press('Control+y');
  await expect(tempo).toHaveAttribute('aria-valuetext', '137 BPM');
  await expect(redo).toBeDisabled();
  await app.screenshot({ path: 'test-results/screens/history.png' });
});
