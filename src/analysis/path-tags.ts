import { nameTokens } from './name-tokens';

/**
 * The tag vocabulary and the words that mean each tag. Tags are a closed set so filter chips stay
 * few and meaningful; any other word is still found by free-text search over names and folders.
 */
const synonyms: Readonly<Record<string, readonly string[]>> = {
  kick: ['kick', 'kicks', 'kik', 'bd', 'bassdrum'],
  snare: ['snare', 'snares', 'sn', 'snr', 'sd'],
  clap: ['clap', 'claps', 'clp'],
  hat: ['hat', 'hats', 'hihat', 'hihats', 'hh'],
  cymbal: ['cymbal', 'cymbals', 'crash', 'ride'],
  tom: ['tom', 'toms'],
  perc: ['perc', 'percs', 'percussion', 'shaker', 'tambourine', 'tamb', 'conga', 'bongo', 'tabla', 'rim', 'rimshot', 'cowbell'],
  '808': ['808', '808s'],
  bass: ['bass', 'basses', 'sub', 'reese'],
  lead: ['lead', 'leads'],
  pad: ['pad', 'pads'],
  atmos: ['atmos', 'atmosphere', 'ambi', 'ambient', 'ambience', 'drone', 'texture'],
  vocal: ['vocal', 'vocals', 'vox', 'voxy', 'voc', 'choir', 'acapella'],
  fx: ['fx', 'sfx', 'effect', 'effects', 'riser', 'impact', 'sweep', 'glitch', 'noise'],
  keys: ['keys', 'piano', 'rhodes', 'organ'],
  synth: ['synth', 'synths', 'pluck', 'plucks', 'arp', 'chord', 'chords'],
  guitar: ['guitar', 'guitars', 'gtr'],
  drums: ['drum', 'drums', 'kit'],
  break: ['break', 'breaks', 'breakbeat', 'breakbeats'],
  loop: ['loop', 'loops'],
  'one-shot': ['oneshot', 'oneshots'],
};

const tagOfWord = new Map(Object.entries(synonyms).flatMap(([tag, words]) => words.map((word) => [word, tag] as const)));

/**
 * Tags from the folder and file name words of `path` (best given relative to the pack, so the
 * user's own folders do not leak in): `Drums/Kicks/bd_boom.flac` → drums, kick. Synonyms and
 * abbreviations map to one tag (bd → kick, sn → snare, hh → hat, vox → vocal); `one shot` and
 * `hi hat` written as two words count too. Sorted, without repeats.
 */
export function tagsFromPath(path: string): string[] {
  const tokens = nameTokens(path.replace(/\.[^./\\]+$/, ''));
  const tags = new Set<string>();
  tokens.forEach((token, i) => {
    const tag = tagOfWord.get(token) ?? tagOfWord.get(`${token}${tokens[i + 1] ?? ''}`);
    if (tag) tags.add(tag);
  });
  return [...tags].sort();
}
