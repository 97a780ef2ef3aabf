/**
 * Headers every renderer response carries, from app:// and from the web host alike.
 * COOP + COEP make the page cross-origin isolated, which SharedArrayBuffer (the sample pool and
 * the meter buffer) requires. The CSP allows only our own scripts and connections, and
 * WebAssembly compiled from our own bytes ('wasm-unsafe-eval': the engine's stretch kernels,
 * src/dsp/wasm; it allows no eval of JavaScript).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const isolationHeaders: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
