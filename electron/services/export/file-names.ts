/** Windows refuses these as file names whatever the extension. */
const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A name that every common file system accepts: no path separators, no characters Windows
 * forbids (<>:"/\|?*), no control characters, no trailing dots or spaces, not a reserved
 * device name, at most 100 characters; `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  let safe = name.normalize('NFC').replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim();
  safe = safe.slice(0, 100).replace(/[. ]+$/, '');
  if (safe === '' || /^_+$/.test(safe)) safe = fallback;
  if (reserved.test(safe)) safe = `${safe}_`;
  return safe;
}

/** `<project> - <track>.<ext>` for each track, made unique (case-insensitively) with " (2)", " (3)"… */
export function stemFileNames(project: string, tracks: readonly string[], extension: string): string[] {
  const base = safeFileName(project, 'Untitled');
  const seen = new Set<string>();
  return tracks.map((track, i) => {
    const stem = `${base} - ${safeFileName(track, `Track ${i + 1}`)}`;
    let name = `${stem}.${extension}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${stem} (${n}).${extension}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
