/**
 * Paths as the page and the contract see them, without `node:path`: Glowroom only ever passes
 * absolute paths across the boundary (a relative one would be resolved against whatever folder
 * the host process happens to run in), on POSIX (`/…`) and Windows (`C:\…`, `\\server\share`).
 */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** The folder holding `path`: everything before its last separator (`/` for `/song.wav`). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '';
  return cut === 0 || /^[A-Za-z]:$/.test(path.slice(0, cut)) ? path.slice(0, cut + 1) : path.slice(0, cut);
}

/** `name` inside `folder`, with the separator the folder already uses. */
export function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith('/') || folder.endsWith('\\') ? `${folder}${name}` : `${folder}${separator}${name}`;
}
