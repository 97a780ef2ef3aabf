import { expect, test } from './fixtures';

test('the app loads cross-origin isolated, with every control named', async ({ app }) => {
  expect(await app.evaluate(() => window.crossOriginIsolated)).toBe(true);
  expect(await app.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
  await expect(app.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Return to start' })).toBeVisible();
  await expect(app.getByRole('spinbutton', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', '120 BPM');
  await expect(app.getByRole('meter', { name: 'Master level' })).toHaveAttribute('aria-valuetext', '−∞ dBFS');
  await expect(app.getByRole('complementary', { name: 'Library' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(app.getByRole('searchbox', { name: 'Search samples' })).toBeVisible();
  await expect(app.getByText('Web host · v0.1.0')).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/shell-empty.png' });
});

test('tempo accepts typed values and arrow keys, and refuses nonsense', async ({ app }) => {
  const tempo = app.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill('137');
  await tempo.press('Enter');
  await expect(tempo).toHaveAttribute('aria-valuetext', '137 BPM');
  await tempo.press('ArrowUp');
  await expect(tempo).toHaveAttribute('aria-valuetext', '138 BPM');
  await tempo.fill('fast');
  await tempo.press('Enter');
  await expect(tempo).toHaveValue('138');
  await tempo.fill('5000');
  await tempo.press('Enter');
  await expect(tempo).toHaveAttribute('aria-valuetext', '999 BPM');
  // Clamped, and said beside the field; the note goes when the tempo changes again.
  const note = app.getByRole('status').filter({ hasText: 'Tempo goes from' });
  await expect(note).toHaveText('Tempo goes from 20 to 999 BPM: 5000 → 999.');
  await expect(tempo).toHaveAccessibleDescription('Tempo goes from 20 to 999 BPM: 5000 → 999.');
  await app.screenshot({ path: 'test-results/screens/tempo-clamp-note.png', clip: { x: 0, y: 0, width: 640, height: 120 } });
  await tempo.press('ArrowDown');
  await expect(note).toHaveCount(0);
});
