/**
 * A seeded set of hostile project files: what a stranger on Discord could send as a `.glowroom`.
 * Fixed cases (songs too long or too big to render, files that are not projects at all, deep
 * nesting, huge strings) and seeded mutations of a valid project (truncation, flipped characters,
 * deleted and duplicated spans, hostile numbers and strings). Each case says what a correct
 * Glowroom does with it: refuse it with a message, open it, or either.
 */
import { seededRandom, type Random } from '../support/seeded-random';

export interface HostileProject {
  readonly label: string;
  readonly text: string | Buffer;
  /** 'refuse': opening must fail with a message; 'open': it must open; 'either': both are fine. */
  readonly expect: 'refuse' | 'open' | 'either';
  /** Content of a file that is not a project: no message may repeat it. */
  readonly secret?: string;
}

/** Planted in files that are not projects; a message that shows it echoed the file. */
export const secretMark = 'zqxSecretWord';

const clip = (id: string, start: number, length: number, loop = false) => ({
  id, name: '', source: 's1', start, length, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop, reverse: false, rate: 1, mute: false,
});
const track = (id: string, clips: unknown[]) => ({ id, name: `Track ${id}`, colour: '#ffb347', height: 72, gainDb: 0, pan: 0, mute: false, solo: false, clips });

/** A valid format-2 project; later formats open it through their migrations. */
export function baseProject(tracks: unknown[] = [track('t1', [clip('c1', 0, 4), clip('c2', 4, 8, true)]), track('t2', [clip('c3', 2, 1)])], tempo = 120): Record<string, unknown> {
  return {
    format: 'glowroom', version: 2, name: 'Hostile', tempo, timeSignature: [4, 4], sampleRate: 48000,
    sources: { s1: { path: 'Audio/kick.wav' } },
    tracks, markers: [{ id: 'm1', beat: 0, name: 'Intro' }], master: { gainDb: 0 },
  };
}

const json = (value: unknown) => JSON.stringify(value, null, 1);

function fixedCases(): HostileProject[] {
  const hours = (h: number, tempo = 120) => (h * 3600 * tempo) / 60;
  const many = (n: number, withClips: boolean) => Array.from({ length: n }, (_, i) => track(`t${i}`, withClips ? [clip(`c${i}`, i % 64, 1)] : []));
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  return [
    { label: 'a 16-hour song', text: json(baseProject([track('t1', [clip('c1', hours(16) - 4, 4)])])), expect: 'refuse' },
    { label: 'a 100,000-beat loop', text: json(baseProject([track('t1', [clip('c1', 0, 100_000, true)])])), expect: 'refuse' },
    { label: '100,000 tracks without clips', text: json(baseProject(many(100_000, false))), expect: 'refuse' },
    { label: '100,000 tracks with clips', text: json(baseProject(many(100_000, true))), expect: 'refuse' },
    { label: '150,000 clips on 10 tracks', text: json(baseProject(Array.from({ length: 10 }, (_, t) => track(`t${t}`, Array.from({ length: 15_000 }, (_, c) => clip(`c${t}-${c}`, c / 4, 0.25)))))), expect: 'refuse' },
    { label: 'a clip at beat 1e308', text: json(baseProject([track('t1', [clip('c1', 1e308, 1)])])), expect: 'refuse' },
    { label: 'a clip 1e300 beats long at 20 BPM', text: json(baseProject([track('t1', [clip('c1', 0, 1e300)])], 20)), expect: 'refuse' },
    { label: 'a song just under 6 hours at 20 BPM', text: json(baseProject([track('t1', [clip('c1', 0, hours(6, 20) - 1)])], 20)), expect: 'open' },
    { label: '1,000 tracks with a clip each', text: json(baseProject(many(1000, true))), expect: 'open' },
    { label: 'arrays nested 100,000 deep as the name', text: json(baseProject()).replace('"Hostile"', deep(100_000)), expect: 'refuse' },
    { label: 'objects nested 50,000 deep', text: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, expect: 'refuse' },
    { label: 'a 20 MB name', text: json({ ...baseProject(), name: 'x'.repeat(20_000_000) }), expect: 'refuse' },
    { label: '"__proto__" as a source id', text: json(baseProject()).replace('"s1": {', '"__proto__": {'), expect: 'refuse' },
    { label: 'a track id "constructor"', text: json(baseProject([track('constructor', [clip('toString', 0, 1)])])), expect: 'either' },
    { label: 'a 70 MB file of spaces', text: Buffer.alloc(70 * 1024 * 1024, 0x20), expect: 'refuse' },
    { label: 'an empty file', text: '', expect: 'refuse' },
    // Files that are not projects: no message may show what they hold.
    { label: 'a passwd file', text: `${secretMark}:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n`, expect: 'refuse', secret: secretMark },
    { label: 'a private key', text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${secretMark}AAAAB3NzaC1yc2EAAAADAQABAAABAQ\n-----END OPENSSH PRIVATE KEY-----\n`, expect: 'refuse', secret: secretMark },
    { label: 'a JSON config with a token', text: json({ token: secretMark, user: 'me' }), expect: 'refuse', secret: secretMark },
    { label: 'a JSON file whose format is a secret', text: json({ format: secretMark }), expect: 'refuse', secret: secretMark },
    { label: 'a JSON array of secrets', text: json([secretMark, secretMark]), expect: 'refuse', secret: secretMark },
    { label: 'a JSON string', text: json(secretMark), expect: 'refuse', secret: secretMark },
    { label: 'an .env file', text: `API_KEY=${secretMark}\n`, expect: 'refuse', secret: secretMark },
    // Text that starts like JSON is quoted at its syntax error, as a damaged project must be.
    { label: 'a JSON object with a bad token', text: `{"password": ${secretMark}}`, expect: 'refuse' },
    { label: 'binary bytes', text: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff)), expect: 'refuse' },
  ];
}

const hostileNumbers = ['-1', '0', '1e308', '-1e308', '1e-320', '4294967296', '9007199254740993', '1e400', '-0', '0.1e1', '123456789012'];
const hostileStrings = ['""', '"../../../../etc/passwd"', '"/etc/passwd"', '"__proto__"', '"constructor"', '"\\u0000"', `"${'A'.repeat(5000)}"`, '"#FFFFFF"', '"C:\\\\Windows\\\\win.ini"'];

type Mutation = (text: string, random: Random) => { text: string; what: string };

const mutations: readonly Mutation[] = [
  (text, r) => {
    const at = r.below(text.length);
    return { text: text.slice(0, at), what: `cut at ${at}` };
  },
  (text, r) => {
    const at = r.below(text.length);
    const char = String.fromCharCode(r.pick([0, 9, 10, 34, 44, 45, 46, 48, 58, 91, 93, 123, 125, 0x7f, 0xe9, 0xd800, 0xfeff]));
    return { text: text.slice(0, at) + char + text.slice(at + 1), what: `char ${char.charCodeAt(0)} at ${at}` };
  },
  (text, r) => {
    const at = r.below(text.length);
    const n = 1 + r.below(20);
    return { text: text.slice(0, at) + text.slice(at + n), what: `${n} chars deleted at ${at}` };
  },
  (text, r) => {
    const at = r.below(text.length);
    const n = 1 + r.below(200);
    return { text: text.slice(0, at + n) + text.slice(at, at + n) + text.slice(at + n), what: `${n} chars doubled at ${at}` };
  },
  (text, r) => replaceToken(text, r, /-?\d+(\.\d+)?([eE][-+]?\d+)?/g, hostileNumbers, 'number'),
  (text, r) => replaceToken(text, r, /"(?:[^"\\]|\\.)*"(?!\s*:)/g, hostileStrings, 'string'),
  (text, r) => replaceToken(text, r, /\b(true|false)\b/g, ['null', '1', '"true"', '[]', '{}'], 'boolean'),
];

function replaceToken(text: string, random: Random, pattern: RegExp, replacements: readonly string[], kind: string): { text: string; what: string } {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return { text, what: `no ${kind}` };
  const match = random.pick(matches);
  const by = random.pick(replacements);
  return { text: text.slice(0, match.index) + by + text.slice(match.index + match[0].length), what: `${kind} ${match[0].slice(0, 20)} → ${by.slice(0, 20)}` };
}

/** The fixed cases and `mutants` seeded mutations of a valid project. */
export function hostileProjects(seed: number, mutants: number): HostileProject[] {
  const random = seededRandom(seed);
  const valid = JSON.stringify(baseProject(), null, 2);
  const cases = fixedCases();
  for (let i = 0; i < mutants; i++) {
    let text = valid;
    const steps: string[] = [];
    for (let k = 1 + random.below(3); k > 0; k--) {
      const mutated = random.pick(mutations)(text, random);
      text = mutated.text;
      steps.push(mutated.what);
    }
    cases.push({ label: `mutant ${i}: ${steps.join('; ')}`, text, expect: 'either' });
  }
  return cases;
}
