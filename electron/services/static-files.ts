import { promises as fs } from 'node:fs';
import path from 'node:path';

export type StaticResolution =
  | { ok: true; file: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Maps the path of a URL (still percent-encoded, as it arrived) to a file inside `root`, for the
 * app:// protocol and the web host alike. Refuses, rather than normalises, anything that tries
 * to leave the root: `..` segments (also percent-encoded), backslashes, NUL bytes, drive letters,
 * and symlinks whose target lies outside the root.
 */
export async function resolveStaticFile(root: string, rawPath: string): Promise<StaticResolution> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath.split('?')[0]?.split('#')[0] ?? '');
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (!decoded.startsWith('/')) return { ok: false, status: 400, reason: 'path must start with /' };
  if (/[\\\0]/.test(decoded) || /^\/+[a-zA-Z]:/.test(decoded)) {
    return { ok: false, status: 403, reason: 'forbidden characters in path' };
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, status: 403, reason: 'path traversal' };
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const realRoot = await fs.realpath(root);
  let realFile: string;
  try {
    realFile = await fs.realpath(path.join(realRoot, relative));
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  if (!realFile.startsWith(realRoot + path.sep)) return { ok: false, status: 403, reason: 'outside the root' };
  const stat = await fs.stat(realFile);
  if (!stat.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  return { ok: true, file: realFile, contentType: contentTypes[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream' };
}
