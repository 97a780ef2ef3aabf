import type { Locator, Page } from '@playwright/test';

/**
 * Drags an EQ band's point in its editor straight down to about `gainDb` (the curve spans ±24 dB
 * around its middle), in two moves so the drag registers on a loaded machine.
 */
export async function dragEqBandTo(app: Page, editor: Locator, band: string, gainDb: number): Promise<void> {
  const box = await editor.locator(`circle[data-band="${band}"]`).boundingBox();
  const curve = await editor.locator('svg.eq-curve').boundingBox();
  if (!box || !curve) throw new Error('not laid out');
  const x = box.x + box.width / 2;
  const y = curve.y + curve.height * (0.5 - gainDb / 48);
  await app.mouse.move(x, box.y + box.height / 2);
  await app.mouse.down();
  await app.mouse.move(x, y - 10, { steps: 4 });
  await app.mouse.move(x, y, { steps: 4 });
  await app.mouse.up();
}
