import { expect, screens, test } from './fixtures';

test('Help ▸ Open Demo Song opens the demo as an untitled copy that plays at once: the meters move', async ({ app }) => {
  // The empty arrangement offers it too.
  await expect(app.getByRole('button', { name: 'open the demo song' })).toBeVisible();

  await app.getByRole('button', { name: 'Help ▾' }).click();
  await app.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: 'Open Demo Song' }).click();
  await expect(app.getByRole('contentinfo')).toContainText('Opened the demo song as an untitled copy');
  await expect(app).toHaveTitle(/Glow Up \(demo\)/);
  for (const name of ['Drums', '808', 'Chords', 'Chime']) await expect(app.getByRole('region', { name: 'Timeline' })).toContainText(name);

  const opened = Date.now();
  await app.getByRole('button', { name: 'Play', exact: true }).click();
  const master = app.getByRole('meter', { name: 'Master level' });
  await expect.poll(async () => Number(await master.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(-40);
  console.log(`demo song: the master meter moved ${Date.now() - opened} ms after Play`);
  await app.waitForTimeout(1500);
  await app.screenshot({ path: `${screens}/demo-song-playing.png` });
  await app.getByRole('button', { name: 'Stop', exact: true }).click();

  // The whole song in view: every note clip draws its notes; the mixer shows the sends and effects.
  await app.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect.poll(async () => Number(await app.locator('.arrangement-canvas').getAttribute('data-notes'))).toBeGreaterThan(400);
  await app.screenshot({ path: `${screens}/demo-song-arrangement.png` });
  await app.getByRole('button', { name: /Mixer/ }).click();
  const mixer = app.getByRole('region', { name: 'Mixer' });
  await expect(mixer).toContainText('Reverb');
  await expect(mixer).toContainText('Limiter');
  await app.screenshot({ path: `${screens}/demo-song-mixer.png` });
  await app.getByRole('button', { name: /Mixer/ }).click();

  // Untitled: saving asks where (never into the app's own files).
  await app.keyboard.press('Control+s');
  const dialog = app.getByRole('dialog', { name: 'Save project as' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
