/**
 * Test page hook for det-math's cross-engine test: evaluates a det-math function, bundled as the
 * worklet is, on inputs sent from Node, and returns the results' bits. Exposes `window.detMath`.
 */
import { detMathFunctions, evaluate } from '../../support/det-math-cases';

declare global {
  interface Window {
    /** `name` on the float64 inputs in base64 (arguments laid out per call); the results' float64 bytes in base64. */
    detMath(name: string, inputsBase64: string): string;
  }
}

const toBytes = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

window.detMath = (name, inputsBase64) => {
  if (!(name in detMathFunctions)) throw new Error(`det-math has no ${name}`);
  const inputs = new Float64Array(toBytes(inputsBase64).buffer);
  const bytes = new Uint8Array(evaluate(name as keyof typeof detMathFunctions, inputs).buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
