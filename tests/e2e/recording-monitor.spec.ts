import { expect, screens, test } from './fixtures';
import { installToneInput, outputPeak } from './tone-input';

/** The tone's peak at the input. */
const tone = 0.25;
const decibels = (ratio: number) => 20 * Math.log10(ratio);

test.beforeEach(async ({ page }) => {
  await installToneInput(page, 1000, tone);
});

test('a monitored input plays through its track\'s channel: the fader sets its level; Off and Auto while playing silence it', async ({ app }) => {
  await app.getByRole('button', { name: 'Add audio track' }).click();
  await app.getByRole('button', { name: 'Audio input' }).click();
  const panel = app.getByRole('dialog', { name: 'Recording input' });
  await panel.getByRole('combobox', { name: 'Input device' }).selectOption({ label: 'Tone generator' });
  await panel.getByRole('combobox', { name: 'Input channels' }).selectOption({ label: 'Stereo (1 + 2)' });
  await app.keyboard.press('Escape');
  // The output is silent until the track monitors its input.
  await app.waitForTimeout(300);
  expect(await outputPeak(app)).toBe(0);

  const monitor = app.getByRole('combobox', { name: 'Monitor input on Audio 1' });
  await monitor.selectOption('In');
  await expect(app.getByRole('contentinfo')).toContainText('use headphones');
  // Stereo input, centre pan (balance law: unity), fader 0 dB: the tone at its own level.
  await expect.poll(() => outputPeak(app), { timeout: 5_000 }).toBeGreaterThan(tone * 0.9);
  const unity = await outputPeak(app);
  console.log(`monitored tone at 0 dB: ${decibels(unity / tone).toFixed(2)} dB from the input`);
  expect(Math.abs(decibels(unity / tone))).toBeLessThan(0.2);

  // The channel's fader at −12 dB: the monitored tone 12 dB lower.
  await app.locator('body').press('F9');
  const mixer = app.getByRole('region', { name: 'Mixer' });
  await mixer.getByRole('button', { name: 'Volume of Audio 1: 0.0 dB, click to type' }).click();
  await mixer.getByRole('textbox', { name: 'Volume of Audio 1 in dB' }).fill('-12');
  await mixer.getByRole('textbox', { name: 'Volume of Audio 1 in dB' }).press('Enter');
  await expect.poll(() => outputPeak(app), { timeout: 5_000 }).toBeLessThan(tone * 0.3);
  const lower = await outputPeak(app);
  console.log(`monitored tone at −12 dB: ${decibels(lower / tone).toFixed(2)} dB from the input`);
  expect(Math.abs(decibels(lower / tone) + 12)).toBeLessThan(0.2);
  await app.screenshot({ path: `${screens}/rec/monitoring.png` });
  await app.locator('body').press('F9');

  // Off: silence.
  await monitor.selectOption('Off');
  await expect.poll(() => outputPeak(app), { timeout: 5_000 }).toBe(0);

  // Auto: on while armed and stopped, off while playing back, off when disarmed.
  await monitor.selectOption('Auto');
  await app.waitForTimeout(300);
  expect(await outputPeak(app)).toBe(0);
  await app.getByRole('button', { name: 'Arm Audio 1 for recording' }).click();
  await expect.poll(() => outputPeak(app), { timeout: 5_000 }).toBeGreaterThan(tone * 0.2);
  await app.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => outputPeak(app), { timeout: 5_000 }).toBe(0);
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(() => outputPeak(app), { timeout: 5_000 }).toBeGreaterThan(tone * 0.2);
});
