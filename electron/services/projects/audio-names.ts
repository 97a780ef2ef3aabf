/**
 * Names for audio files copied into one folder (a bundle's or a project's `Audio/`): the original
 * name where possible, made portable and unique — `kick.wav`, `kick (2).wav` — comparing names
 * the way the strictest file system would (ignoring case and Unicode normalization).
 */
export class FolderNames {
  private readonly taken = new Set<string>();

  /** `existing`: names already in the folder, which are never handed out. */
  constructor(existing: Iterable<string> = []) {
    for (const name of existing) this.taken.add(keyOf(name));
  }

  /** A free name as close to `wanted` (a file name, not a path) as possible, now taken. */
  claim(wanted: string): string {
    const portable = portableFileName(wanted);
    const dot = portable.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [portable.slice(0, dot), portable.slice(dot)] : [portable, ''];
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? portable : `${stem} (${n})${extension}`;
      if (!this.taken.has(keyOf(candidate))) {
        this.taken.add(keyOf(candidate));
        return candidate;
      }
    }
  }
}

/**
 * `name` with what Windows, macOS or Linux would refuse replaced by `_`: separators, `<>:"|?*`,
 * control characters, trailing dots and spaces, device names; at most 120 characters.
 */
export function portableFileName(name: string): string {
  let safe = [...name]
    .map((char) => (char < ' ' || char === '\u007f' || '<>:"/\\|?*'.includes(char) ? '_' : char))
    .join('')
    .replace(/[. ]+$/, '');
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(safe)) safe = `_${safe}`;
  if (safe.length > 120) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, 120 - extension.length) + extension;
  }
  return safe === '' ? 'audio' : safe;
}

function keyOf(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
