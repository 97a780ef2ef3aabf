import { expect, screens, test } from './fixtures';

const shots = `${screens}/meter`;
/** The timeline's default zoom: pixels per beat. */
const px = 28;

test('time signature changes: added from the ruler menu and the shortcut, refused when invalid, dragged by bars, deleted; one undo step each', async ({ app }) => {
  const undo = app.getByRole('button', { name: /^Undo/ });
  const ruler = app.getByRole('group', { name: 'Ruler' });
  const dialog = app.getByRole('dialog');
  const rulerBox = await ruler.boundingBox();
  if (!rulerBox) throw new Error('not laid out');
  const flagX = async (name: string) => Math.round(((await app.getByRole('button', { name }).boundingBox())?.x ?? NaN) - rulerBox.x);

  // Right-click in bar 3 (beats 8–12 in 4/4): the menu adds a change at bar 3.
  await ruler.click({ button: 'right', position: { x: 9.5 * px, y: 20 } });
  await app.getByRole('menuitem', { name: /Add Time Signature Change/ }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('spinbutton', { name: 'Bar' })).toHaveValue('3');
  const meter = dialog.getByRole('textbox', { name: 'Time signature' });
  // Invalid values are refused with a sentence; the dialog stays.
  await meter.fill('5/3');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The bottom number must be 1, 2, 4, 8, 16 or 32.');
  await meter.fill('40/8');
  await meter.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('The top number must be a whole number from 1 to 32.');
  await meter.fill('4/4');
  await meter.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('The song is already in 4/4 at bar 3.');
  await app.screenshot({ path: `${shots}/dialog-refused.png` });
  await meter.fill('6/8');
  await meter.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(undo).toHaveAccessibleName('Undo Add Meter Change');
  const sixEight = 'Time signature change to 6/8 at bar 3';
  expect(await flagX(sixEight)).toBe(8 * px + 2);

  // Ctrl+Shift+M at the playhead: move it to bar 5 (6/8 bars are 3 beats: 8, 11, 14) and add 7/8 there.
  await ruler.click({ position: { x: 14 * px + 2, y: 6 } });
  await app.keyboard.press('Control+Shift+M');
  await expect(dialog.getByRole('spinbutton', { name: 'Bar' })).toHaveValue('5');
  await dialog.getByRole('textbox', { name: 'Time signature' }).fill('7/8');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(undo).toHaveAccessibleName('Undo Add Meter Change');
  const sevenEight = 'Time signature change to 7/8 at bar 5';
  expect(await flagX(sevenEight)).toBe(14 * px + 2);
  await ruler.click({ button: 'right', position: { x: 15 * px, y: 6 } });
  await expect(app.getByRole('menu', { name: 'Ruler' })).toBeVisible();
  await app.screenshot({ path: `${shots}/ruler-4-4-6-8-7-8.png` });
  await app.keyboard.press('Escape');
  await expect(app.getByRole('menu', { name: 'Ruler' })).toBeHidden();
  // The tempo lane's right-click offers the same.
  await app.getByRole('group', { name: 'Tempo lane' }).click({ button: 'right', position: { x: 20 * px, y: 20 } });
  await expect(app.getByRole('menuitem', { name: /Add Time Signature Change/ })).toBeVisible();
  await app.keyboard.press('Escape');

  // Drag the 6/8 flag a bar right (4 beats: the 4/4 bars it passes over): it lands on bar 4's start (beat 12), and the 7/8 follows at bar 5 (beat 15).
  const flag = app.getByRole('button', { name: sixEight });
  const box = await flag.boundingBox();
  if (!box) throw new Error('no flag');
  await app.mouse.move(box.x + 4, box.y + 6);
  await app.mouse.down();
  await app.mouse.move(box.x + 4 + 2.4 * px, box.y + 6, { steps: 5 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Move Meter Change');
  const moved = 'Time signature change to 6/8 at bar 4';
  expect(await flagX(moved)).toBe(12 * px + 2);
  expect(await flagX(sevenEight)).toBe(15 * px + 2);

  // Keyboard: ← moves it back a bar, Delete removes it; Undo brings it back.
  await app.getByRole('button', { name: moved }).focus();
  await app.keyboard.press('ArrowLeft');
  await expect(app.getByRole('button', { name: sixEight })).toBeVisible();
  await app.getByRole('button', { name: sixEight }).press('Delete');
  await expect(undo).toHaveAccessibleName('Undo Delete Meter Change');
  await expect(app.getByRole('button', { name: sixEight })).toHaveCount(0);
  await undo.click();
  await expect(app.getByRole('button', { name: sixEight })).toBeVisible();

  // Edit from the flag's menu: 7/8 becomes 5/4 in one step; the song's own meter is still the top bar's.
  await app.getByRole('button', { name: sevenEight }).click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Edit Time Signature…' }).click();
  await dialog.getByRole('textbox', { name: 'Time signature' }).fill('5/4');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(undo).toHaveAccessibleName('Undo Change Meter');
  await expect(app.getByRole('button', { name: 'Time signature change to 5/4 at bar 5' })).toBeVisible();
  await expect(app.getByRole('combobox', { name: 'Time signature' })).toHaveValue('4/4');
  await app.screenshot({ path: `${shots}/ruler-edited.png` });

  // The song's own meter from its flag: the top bar's field shows it, even one it does not list.
  await app.getByRole('button', { name: /^Time signature 4\/4 \(the song’s own/ }).dblclick();
  await expect(dialog.getByRole('heading')).toHaveText('Song Time Signature');
  await dialog.getByRole('textbox', { name: 'Time signature' }).fill('5/16');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(undo).toHaveAccessibleName('Undo Change Meter');
  await expect(app.getByRole('combobox', { name: 'Time signature' })).toHaveValue('5/16');
});

test('a marker on a meter change’s bar sits on its own row under the flag: both readable and clickable', async ({ app }) => {
  const ruler = app.getByRole('group', { name: 'Ruler' });
  const dialog = app.getByRole('dialog');
  // 6/8 from bar 3 (beat 8), and a marker double-clicked in on that very bar.
  await ruler.click({ button: 'right', position: { x: 9.5 * px, y: 6 } });
  await app.getByRole('menuitem', { name: /Add Time Signature Change/ }).click();
  await dialog.getByRole('textbox', { name: 'Time signature' }).fill('6/8');
  await dialog.getByRole('textbox', { name: 'Time signature' }).press('Enter');
  await expect(dialog).toBeHidden();
  await ruler.dblclick({ position: { x: 8 * px + 1, y: 6 } });
  const marker = app.getByRole('button', { name: 'Marker Marker 1' });
  const flag = app.getByRole('button', { name: 'Time signature change to 6/8 at bar 3' });
  await expect(marker).toBeVisible();
  const [markerBox, flagBox, rulerBox] = await Promise.all([marker.boundingBox(), flag.boundingBox(), ruler.boundingBox()]);
  if (!markerBox || !flagBox || !rulerBox) throw new Error('not laid out');
  // Both start at the bar; the marker's row is below the flag's, inside the ruler.
  expect(Math.round(markerBox.x - rulerBox.x)).toBe(8 * px);
  expect(Math.round(flagBox.x - rulerBox.x)).toBe(8 * px + 2);
  expect(markerBox.y).toBeGreaterThanOrEqual(flagBox.y + flagBox.height);
  expect(markerBox.y + markerBox.height).toBeLessThanOrEqual(rulerBox.y + rulerBox.height);

  // Clicks reach each (Playwright clicks only what is on top at the point): the marker moves the playhead to it, the flag opens its dialog.
  await ruler.click({ position: { x: 2, y: 6 } });
  await expect(app.getByRole('timer', { name: 'Position in bars and beats' })).toHaveText('1.1.1');
  await marker.click();
  await expect(app.getByRole('timer', { name: 'Position in bars and beats' })).toHaveText('3.1.1');
  await flag.dblclick();
  await expect(dialog.getByRole('textbox', { name: 'Time signature' })).toHaveValue('6/8');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
