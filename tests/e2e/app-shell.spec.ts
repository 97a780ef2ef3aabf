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

test('every top-bar control fits a laptop window, down to 1280 px wide', async ({ app }) => {
  for (const width of [1280, 1366, 1440, 1920]) {
    await app.setViewportSize({ width, height: 800 });
    const overflow = await app.evaluate(() => {
      const bar = document.querySelector('header.topbar')!;
      const right = bar.getBoundingClientRect().right;
      return [...bar.children].filter((child) => child.getBoundingClientRect().right > right + 0.5).map((child) => child.className);
    });
    expect(overflow, `cut off at ${width} px`).toEqual([]);
  }
  await expect(app.getByRole('meter', { name: 'Master level' })).toBeInViewport();
  await app.getByRole('button', { name: 'File ▾' }).click();
  await expect(app.getByRole('menu', { name: 'File' }).getByRole('menuitem')).toHaveText([
    'New Project Ctrl+N', 'Open… Ctrl+O', 'Save Ctrl+S', 'Save As… Ctrl+Shift+S', 'Collect and Save', 'Export Bundle…', 'Open Bundle…', 'Import MIDI File…', 'Export Clip as MIDI…', 'Export Track as MIDI…',
  ]);
  await app.screenshot({ path: 'test-results/screens/top-bar-1920-file-menu.png', clip: { x: 0, y: 0, width: 1920, height: 280 } });
});
