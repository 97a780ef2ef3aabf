import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../electron/services/static-files';
import { tempDir } from '../../support/temp-dir';

describe('static file resolution (app:// and the web host)', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    const base = tempDir();
    root = path.join(base, 'renderer');
    outside = path.join(base, 'secret');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
    writeFileSync(path.join(outside, 'passwords.txt'), 'hunter2');
    symlinkSync(path.join(outside, 'passwords.txt'), path.join(root, 'assets', 'leak.js'));
    symlinkSync(outside, path.join(root, 'escape'));
    symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
  });

  it('serves index.html for / and files below the root with their content type', async () => {
    expect(await resolveStaticFile(root, '/')).toMatchObject({ ok: true, file: expect.stringMatching(/index\.html$/), contentType: 'text/html; charset=utf-8' });
    expect(await resolveStaticFile(root, '/assets/app.js?v=1')).toMatchObject({ ok: true, contentType: 'text/javascript; charset=utf-8' });
    expect(await resolveStaticFile(root, '/alias.js')).toMatchObject({ ok: true });
  });

  it.each([
    ['plain ..', '/../secret/passwords.txt'],
    ['nested ..', '/assets/../../secret/passwords.txt'],
    ['encoded dots', '/%2e%2e/secret/passwords.txt'],
    ['encoded dots, upper case', '/%2E%2E/secret/passwords.txt'],
    ['encoded slash', '/..%2fsecret%2fpasswords.txt'],
    ['encoded backslash', '/..%5csecret%5cpasswords.txt'],
    ['raw backslash', '/..\\secret\\passwords.txt'],
    ['single dot segment', '/./index.html'],
    ['NUL byte', '/index.html%00.js'],
    ['drive letter', '/C:/Windows/win.ini'],
  ])('refuses traversal: %s', async (_label, rawPath) => {
    const result = await resolveStaticFile(root, rawPath);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(403);
  });

  it('refuses absolute paths smuggled as a second slash', async () => {
    const result = await resolveStaticFile(root, `/${path.join(outside, 'passwords.txt')}`);
    expect(result).toMatchObject({ ok: false, status: 404 });
  });

  it.each([
    ['a symlinked file', '/assets/leak.js'],
    ['a symlinked folder', '/escape/passwords.txt'],
  ])('refuses %s pointing out of the root', async (_label, rawPath) => {
    expect(await resolveStaticFile(root, rawPath)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 400 for malformed encoding, 404 for missing files and folders', async () => {
    expect(await resolveStaticFile(root, '/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(await resolveStaticFile(root, '/missing.js')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveStaticFile(root, '/assets')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveStaticFile(root, 'index.html')).toMatchObject({ ok: false, status: 400 });
  });
});
