import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { rendererDist } from '../services/repo-paths';
import { resolveStaticFile } from '../services/static-files';
import { isolationHeaders } from '../services/web-security';

/**
 * The renderer's origin. Every URL of ours starts with `appOrigin + '/'`; anything else (another
 * host on the scheme, another scheme) is not Glowroom's page.
 */
export const appOrigin = 'app://glowroom';
export const appEntryUrl = `${appOrigin}/index.html`;

/** True for URLs of our own page, as Chromium serialises them (canonical, lower-case host). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${appOrigin}/`);
}

/**
 * Must run before `app` is ready. `standard` gives the page a real origin (relative URLs, storage),
 * `secure` makes it a secure context, which SharedArrayBuffer and AudioWorklet require;
 * `supportFetchAPI` lets the renderer fetch its own assets (WASM, worklets); `stream` lets media
 * elements read streamed responses.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer on app://glowroom/ (after `app` is ready). Paths go through the same
 * traversal guard as the web host, and every response, errors included, carries the isolation
 * headers so the page is cross-origin isolated.
 */
export function serveAppScheme(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'glowroom') return textResponse(404, `Glowroom serves only ${appOrigin}/.`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Only GET and HEAD are served.');
    const resolved = await resolveStaticFile(rendererDist, url.pathname);
    if (!resolved.ok) return textResponse(resolved.status, `${resolved.status}: ${resolved.reason}`);
    const headers = { ...isolationHeaders, 'Content-Type': resolved.contentType };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    // net.fetch streams the file (also out of app.asar); we keep only its body and set our own headers.
    const file = await net.fetch(pathToFileURL(resolved.file).href);
    return new Response(file.body, { status: 200, headers });
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { ...isolationHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}
