import type { Locator, Page } from '@playwright/test';
import { addSampleFromLibrary, expect, importFolder, samplePack, screens, test } from './fixtures';

/** Drags a fader's cap or a knob vertically by `dy` pixels (negative: up), with Shift held when `fine`. */
async function dragVertically(page: Page, control: Locator, dy: number, fine = false): Promise<void> {
  const cap = control.locator('.fader-cap');
  const target = (await cap.count()) > 0 ? cap : control;
  const box = await target.boundingBox();
  if (!box) throw new Error('not laid out');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  if (fine) await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move(x, y + dy / 2, { steps: 3 });
  await page.mouse.move(x, y + dy, { steps: 3 });
  await page.mouse.up();
  if (fine) await page.keyboard.up('Shift');
}

const valueOf = async (slider: Locator) => Number(await slider.getAttribute('aria-valuenow'));

test('the mixer: faders, typed values, pan, mute and solo, buses, routing, sends, inserts, a loop refused, meters', async ({ app }) => {
  // A long walk through the whole panel (~100 steps, ~20 s on a quiet machine): three times the
  // usual limit, as a share of a core under load makes every step slower.
  test.slow();
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  await addSampleFromLibrary(app, 'amen', 'amen_break_137bpm.wav');
  await addSampleFromLibrary(app, 'bd_klub', 'bd_klub_48k.wav');
  const loop = 'garzul_120bpm_Cmin_96k';
  const drums = 'amen_break_137bpm';
  const kick = 'bd_klub_48k';
  const undo = app.getByRole('button', { name: /^Undo/ });
  const status = app.getByRole('contentinfo');

  // F9 opens and closes the mixer; Ctrl+M too; so does the toolbar button.
  const mixer = app.getByRole('region', { name: 'Mixer' });
  await app.locator('body').press('F9');
  await expect(mixer).toBeVisible();
  await app.locator('body').press('F9');
  await expect(mixer).toHaveCount(0);
  await app.locator('body').press('Control+m');
  await expect(mixer).toBeVisible();
  await app.getByRole('button', { name: 'Mixer', exact: true }).click();
  await expect(mixer).toHaveCount(0);
  await app.locator('body').press('F9');
  for (const name of [loop, drums, kick]) await expect(mixer.getByRole('region', { name: `${name} track` })).toBeVisible();
  await expect(mixer.getByRole('region', { name: 'Master channel' })).toBeVisible();

  // Fader: a drag down previews and commits one undo step; Shift drags ten times finer; double-click resets.
  const fader = mixer.getByRole('slider', { name: `Volume of ${loop}` });
  await dragVertically(app, fader, 40);
  const dragged = await valueOf(fader);
  expect(dragged).toBeLessThan(-3);
  await expect(undo).toHaveAccessibleName('Undo Change Track Volume');
  await undo.click();
  await expect(fader).toHaveAttribute('aria-valuenow', '0');
  await expect(undo).not.toHaveAccessibleName('Undo Change Track Volume');
  await dragVertically(app, fader, 40, true);
  const fine = await valueOf(fader);
  expect(fine).toBeLessThan(0);
  expect(fine).toBeGreaterThan(dragged / 4);
  await fader.dblclick();
  await expect(fader).toHaveAttribute('aria-valuenow', '0');

  // Type a value; arrows step 0.5 dB; the track header follows the same channel.
  await mixer.getByRole('button', { name: `Volume of ${loop}: 0.0 dB, click to type` }).click();
  await mixer.getByRole('textbox', { name: `Volume of ${loop} in dB` }).fill('-12.5');
  await app.keyboard.press('Enter');
  await expect(fader).toHaveAttribute('aria-valuenow', '-12.5');
  await fader.press('ArrowUp');
  await expect(fader).toHaveAttribute('aria-valuenow', '-12');
  await expect(app.getByRole('region', { name: 'Timeline' }).getByRole('slider', { name: `Volume of ${loop}` })).toHaveAttribute('aria-valuetext', '−12.0 dB');
  await mixer.getByRole('button', { name: `Volume of ${loop}: −12.0 dB, click to type` }).click();
  await mixer.getByRole('textbox', { name: `Volume of ${loop} in dB` }).fill('loud');
  await app.keyboard.press('Enter');
  await expect(status).toContainText('“loud” is not a value');
  await expect(fader).toHaveAttribute('aria-valuenow', '-12');

  // Pan: drag the knob up (right), type 25L, double-click centres.
  const pan = mixer.getByRole('slider', { name: `Pan of ${drums}` });
  await dragVertically(app, pan, -30);
  expect(await valueOf(pan)).toBeGreaterThan(0.2);
  await expect(undo).toHaveAccessibleName('Undo Change Track Pan');
  await mixer.getByRole('button', { name: new RegExp(`^Pan of ${drums}: .*click to type$`) }).click();
  await mixer.getByRole('textbox', { name: `Pan of ${drums}` }).fill('25L');
  await app.keyboard.press('Enter');
  await expect(pan).toHaveAttribute('aria-valuetext', '25 % left');
  await pan.dblclick();
  await expect(pan).toHaveAttribute('aria-valuetext', 'centre');

  // Mute, solo, and Ctrl+click for exclusive solo.
  await mixer.getByRole('button', { name: `Mute ${loop}` }).click();
  await expect(mixer.getByRole('button', { name: `Mute ${loop}` })).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: `Mute ${loop}` })).toHaveAttribute('aria-pressed', 'true');
  await mixer.getByRole('button', { name: `Solo ${drums}` }).click();
  await mixer.getByRole('button', { name: `Solo ${kick}` }).click({ modifiers: ['ControlOrMeta'] });
  await expect(undo).toHaveAccessibleName('Undo Solo Exclusively');
  await expect(mixer.getByRole('button', { name: `Solo ${drums}` })).toHaveAttribute('aria-pressed', 'false');
  await expect(mixer.getByRole('button', { name: `Solo ${kick}` })).toHaveAttribute('aria-pressed', 'true');
  await mixer.getByRole('button', { name: `Solo ${kick}` }).click();
  await mixer.getByRole('button', { name: `Mute ${loop}` }).click();

  // A bus, and a track routed to it.
  await mixer.getByRole('button', { name: 'Add bus' }).click();
  await expect(mixer.getByRole('region', { name: 'Bus 1 bus' })).toBeVisible();
  await mixer.getByRole('combobox', { name: `Output of ${loop}` }).selectOption({ label: 'Bus 1' });
  await expect(undo).toHaveAccessibleName('Undo Change Output');

  // Route selected tracks to a new bus.
  await mixer.getByRole('button', { name: `Select ${drums}` }).click();
  await mixer.getByRole('button', { name: `Select ${kick}` }).press('Enter');
  await expect(mixer.getByRole('button', { name: `Select ${kick}` })).toHaveAttribute('aria-pressed', 'true');
  await mixer.getByRole('button', { name: 'Route selected to new bus (2)' }).click();
  await expect(undo).toHaveAccessibleName('Route 2 Channels to New Bus'.replace(/^/, 'Undo '));
  await expect(mixer.getByRole('combobox', { name: `Output of ${drums}` })).toHaveValue('b2');
  await expect(mixer.getByRole('combobox', { name: `Output of ${kick}` })).toHaveValue('b2');
  await mixer.getByRole('button', { name: 'Select Bus 2' }).dblclick();
  await mixer.getByRole('textbox', { name: 'Name of Bus 2' }).fill('Drum bus');
  await app.keyboard.press('Enter');
  await expect(mixer.getByRole('region', { name: 'Drum bus bus' })).toBeVisible();

  // A send, pre-fader, with its own level.
  await mixer.getByRole('combobox', { name: `Add a send from ${loop}` }).selectOption({ label: 'Drum bus' });
  const send = mixer.getByRole('slider', { name: `Send from ${loop} to Drum bus` });
  await expect(send).toHaveAttribute('aria-valuenow', '0');
  await send.press('ArrowDown');
  await expect(send).toHaveAttribute('aria-valuenow', '-0.5');
  await mixer.getByRole('button', { name: `Send from ${loop} to Drum bus before the fader` }).click();
  await expect(mixer.getByRole('button', { name: `Send from ${loop} to Drum bus before the fader` })).toHaveAttribute('aria-pressed', 'true');

  // A loop is refused, and the message names it.
  await mixer.getByRole('combobox', { name: 'Output of Bus 1' }).selectOption({ label: 'Drum bus' });
  await expect(undo).toHaveAccessibleName('Undo Change Output');
  await mixer.getByRole('combobox', { name: 'Add a send from Drum bus' }).selectOption({ label: 'Bus 1' });
  await expect(status).toContainText(/That routing would make a loop \((Drum bus → Bus 1 → Drum bus|Bus 1 → Drum bus → Bus 1)\)/);
  await expect(mixer.getByRole('group', { name: 'Sends of Drum bus' }).getByRole('slider')).toHaveCount(0);
  await mixer.getByRole('combobox', { name: 'Output of Drum bus' }).selectOption({ label: 'Bus 1' });
  await expect(status).toContainText('That routing would make a loop');
  await expect(mixer.getByRole('combobox', { name: 'Output of Drum bus' })).toHaveValue('master');

  // Inserts: add from the catalog, bypass, reorder with the keyboard, remove.
  await mixer.getByRole('combobox', { name: 'Add an insert to Master' }).selectOption({ label: 'Limiter' });
  await mixer.getByRole('combobox', { name: `Add an insert to ${drums}` }).selectOption({ label: 'Utility' });
  await mixer.getByRole('combobox', { name: `Add an insert to ${drums}` }).selectOption({ label: 'Limiter' });
  const drumInserts = mixer.getByRole('group', { name: `Inserts of ${drums}` }).getByRole('listitem');
  await expect(drumInserts).toHaveCount(2);
  await drumInserts.nth(1).press('Alt+ArrowUp');
  await expect(undo).toHaveAccessibleName('Undo Move Insert');
  await expect(drumInserts.first()).toContainText('Limiter');
  await mixer.getByRole('button', { name: `Bypass Utility on ${drums}` }).click();
  await expect(undo).toHaveAccessibleName('Undo Bypass Utility');
  await mixer.getByRole('button', { name: `Remove Limiter from ${drums}` }).click();
  await expect(drumInserts).toHaveCount(1);

  // More buses so the strips scroll; then play: the meters move, from the shared status buffer.
  await mixer.getByRole('button', { name: 'Add bus' }).click();
  await mixer.getByRole('combobox', { name: `Add a send from ${drums}` }).selectOption({ label: 'Bus 3' });
  await app.getByRole('button', { name: 'Play', exact: true }).click();
  const meter = mixer.getByRole('meter', { name: `Level of ${drums}` });
  await expect.poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(-60);
  await expect.poll(async () => Number(await mixer.getByRole('meter', { name: 'Level of Master' }).getAttribute('aria-valuenow'))).toBeGreaterThan(-60);
  await app.screenshot({ path: `${screens}/mixer-playing.png` });
  await mixer.screenshot({ path: `${screens}/mixer-panel.png` });
  await app.getByRole('button', { name: 'Stop', exact: true }).click();

  // Many strips scroll sideways; the master stays in view.
  for (let i = 0; i < 4; i++) await mixer.getByRole('button', { name: 'Add bus' }).click();
  const strips = mixer.getByRole('group', { name: 'Channel strips' });
  expect(await strips.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await strips.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect(mixer.getByRole('region', { name: 'Bus 7 bus' })).toBeInViewport();
  await expect(mixer.getByRole('region', { name: 'Master channel' })).toBeInViewport();
  await mixer.screenshot({ path: `${screens}/mixer-scrolled.png` });

  // Deleting a bus sends what fed it back to the master, and says so.
  await mixer.getByRole('button', { name: 'Delete the bus Drum bus' }).click();
  await expect(status).toContainText('Deleted the bus Drum bus: 3 channels that went into it now go to the master; 1 send to it removed');
  await expect(mixer.getByRole('combobox', { name: `Output of ${drums}` })).toHaveValue('master');
});

test('a fader drag moves the sound at once through set-param, and the document only on release: one undo step, Escape puts it back', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const loop = 'garzul_120bpm_Cmin_96k';
  const undo = app.getByRole('button', { name: /^Undo/ });
  const header = app.getByRole('region', { name: 'Timeline' }).getByRole('slider', { name: `Volume of ${loop}` });
  await app.locator('body').press('F9');
  const mixer = app.getByRole('region', { name: 'Mixer' });
  const fader = mixer.getByRole('slider', { name: `Volume of ${loop}` });
  const master = mixer.getByRole('meter', { name: 'Level of Master' });
  const masterLevel = async () => Number(await master.getAttribute('aria-valuenow'));
  // Silence is read on the track's own (post-fader) meter: the master's meter reads the speakers,
  // where the library's audition of the loop may still sound.
  const trackMeter = mixer.getByRole('meter', { name: `Level of ${loop}` });
  const trackLevel = async () => Number(await trackMeter.getAttribute('aria-valuenow'));
  // The 8 s loop may have ended on a slow machine by the time a level is checked: hear it again from the start.
  const playFromStart = async () => {
    await app.getByRole('button', { name: 'Stop', exact: true }).click();
    await app.getByRole('button', { name: 'Return to start' }).click();
    await app.getByRole('button', { name: 'Play', exact: true }).click();
  };
  await app.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(masterLevel).toBeGreaterThan(-30);
  const undoBefore = await undo.getAttribute('aria-label');

  const cap = await fader.locator('.fader-cap').boundingBox();
  if (!cap) throw new Error('not laid out');
  const x = cap.x + cap.width / 2;
  const y = cap.y + cap.height / 2;
  // Down to the bottom and hold: the engine follows, the document (and the header) does not yet.
  await app.mouse.move(x, y);
  await app.mouse.down();
  await app.mouse.move(x, y + 200, { steps: 5 });
  await expect(fader).toHaveAttribute('aria-valuenow', '-144');
  await expect.poll(trackLevel, { timeout: 10_000 }).toBeLessThan(-60);
  await expect(header).toHaveAttribute('aria-valuenow', '0');
  await expect(undo).toHaveAttribute('aria-label', undoBefore ?? '');
  // Escape: the sound comes back and nothing was recorded.
  await app.keyboard.press('Escape');
  await app.mouse.up();
  await expect(fader).toHaveAttribute('aria-valuenow', '0');
  await playFromStart();
  await expect.poll(masterLevel).toBeGreaterThan(-30);
  await expect(undo).toHaveAttribute('aria-label', undoBefore ?? '');

  // Again, released: one step, and the header follows.
  await app.mouse.move(x, y);
  await app.mouse.down();
  await app.mouse.move(x, y + 200, { steps: 5 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Change Track Volume');
  await expect(header).toHaveAttribute('aria-valuetext', 'silent (−∞ dB)');
  await expect.poll(trackLevel, { timeout: 10_000 }).toBeLessThan(-60);
  await undo.click();
  await expect(fader).toHaveAttribute('aria-valuenow', '0');
  await playFromStart();
  await expect.poll(masterLevel).toBeGreaterThan(-30);
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
});
