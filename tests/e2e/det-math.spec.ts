import { arity, detMathCases, evaluate } from '../support/det-math-cases';
import { expect, test } from './fixtures';

/**
 * The engine's promise, same input ⇒ same samples in every host, rests on det-math: each of its
 * functions must give the very same bits in Chromium (bundled as the worklet is) and in Node, on
 * 100,000 inputs each. For contrast the test notes how many of the same inputs V8's own Math.*
 * answers differently in the two hosts.
 */
test('det-math gives the same bits in Chromium and in Node on 100,000 inputs per function', async ({ page }) => {
  await page.goto(process.env['GLOWROOM_HARNESS_URL'] ?? '');
  await page.waitForFunction(() => typeof window.detMath === 'function');
  const contrast: string[] = [];
  for (const c of detMathCases) {
    const inputs = c.inputs(100_000, 2026);
    const node = evaluate(c.name, inputs);
    const base64 = await page.evaluate(([name, data]) => window.detMath(name, data), [c.name, Buffer.from(inputs.buffer).toString('base64')] as const);
    const bytes = Buffer.from(base64, 'base64');
    const chromium = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    expect(chromium.length).toBe(node.length);
    let first = -1;
    for (let i = 0; i < node.length && first < 0; i++) if (!Object.is(chromium[i], node[i])) first = i;
    const n = arity(c.name);
    expect(first < 0 ? 'none' : `${c.name}(${Array.from(inputs.subarray(first * n, first * n + n)).join(', ')}): Chromium ${chromium[first]}, Node ${node[first]}`, `${c.name} differs`).toBe('none');

    // V8's Math on the same inputs in both hosts (informative: the reason det-math exists).
    const reference = c.name === 'exp2' ? 'pow2' : c.name === 'exp10' ? 'pow10' : c.name;
    const theirs = await page.evaluate(
      ([name, data, count]) => {
        const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
        const x = new Float64Array(bytes.buffer);
        const out = new Float64Array(x.length / count);
        const math = Math as unknown as Record<string, (a: number, b?: number) => number>;
        for (let i = 0; i < out.length; i++) out[i] = name === 'pow2' ? Math.pow(2, x[i]!) : name === 'pow10' ? Math.pow(10, x[i]!) : count === 1 ? math[name]!(x[i]!) : math[name]!(x[2 * i]!, x[2 * i + 1]!);
        const outBytes = new Uint8Array(out.buffer);
        let binary = '';
        for (let i = 0; i < outBytes.length; i += 0x8000) binary += String.fromCharCode(...outBytes.subarray(i, i + 0x8000));
        return btoa(binary);
      },
      [reference, Buffer.from(inputs.buffer).toString('base64'), n] as const,
    );
    const theirBytes = Buffer.from(theirs, 'base64');
    const chromiumMath = new Float64Array(theirBytes.buffer, theirBytes.byteOffset, theirBytes.byteLength / 8);
    let differing = 0;
    for (let i = 0; i < chromiumMath.length; i++) if (!Object.is(chromiumMath[i], c.reference(inputs[i * n] as number, inputs[i * n + 1] as number))) differing++;
    contrast.push(`Math.${reference}: ${differing}`);
  }
  test.info().annotations.push({ type: 'Math.* answers that differ between Chromium and Node on the same inputs', description: contrast.join(', ') });
  console.log(contrast.join(', '));
});
