/** The last part of a path, whichever separator it uses (`/` or `\`): "kick.wav" of "Packs\Drums\kick.wav". */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
