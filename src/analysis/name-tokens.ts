/**
 * The words of a file name or path as producers write them: split on anything that is not a
 * letter or digit, on camelCase humps (`HiHat` → hi, hat) and between letters and digits
 * (`808Bass` → 808, bass, `kick01` → kick, 01). Lower-cased, in order, with repeats.
 */
export function nameTokens(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_match, l1?: string, n1?: string, n2?: string, l2?: string) =>
      l1 !== undefined ? `${l1} ${n1}` : `${n2} ${l2}`,
    )
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The last path segment without its extension: `Drums/bd_boom.flac` → `bd_boom`. */
export function fileStem(nameOrPath: string): string {
  const base = nameOrPath.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
