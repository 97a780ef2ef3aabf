/**
 * Loudness presets for export and what the playback platforms do with a file — the one place
 * these figures live.
 *
 * Sources and assumptions (as of 2025; platforms change these without notice, so the report says
 * "will" for what this table predicts, not for what a platform promises):
 * - Spotify: −14 LUFS integrated reference (Spotify for Artists, "Loudness normalization").
 *   Loud tracks are turned down; quiet tracks are turned up only as far as their true peak stays
 *   at or under −1 dBTP (the "Normal" setting applies no limiter).
 * - YouTube: −14 LUFS; turns loud uploads down, never up (measured by many engineers; YouTube
 *   shows it as "content loudness" in "Stats for nerds").
 * - Apple Music: −16 LUFS (Sound Check, on by default since iOS 15 / Apple Digital Masters
 *   guidance). We assume it turns down, and turns up only while peaks stay under −1 dBTP.
 * - Amazon Music: −14 LUFS (Amazon's delivery guidance); assumed down only.
 * - Tidal: −14 LUFS (track normalisation); down only.
 * - Deezer: −15 LUFS; down only.
 * - SoundCloud: no loudness normalisation: plays the file as it is.
 * - TikTok: no published figure; measured around −14 LUFS, down only.
 */

/** A loudness target: integrated loudness and the true-peak ceiling of the written file. */
export interface LoudnessTarget {
  readonly targetLufs: number;
  readonly ceilingDbtp: number;
}

export const loudnessPresets = {
  /** Spotify, YouTube, TikTok, SoundCloud, Tidal. */
  streaming: { label: 'Streaming', targetLufs: -14, ceilingDbtp: -1 },
  apple: { label: 'Apple Music', targetLufs: -16, ceilingDbtp: -1 },
  amazon: { label: 'Amazon Music', targetLufs: -14, ceilingDbtp: -2 },
  club: { label: 'Loud / club', targetLufs: -9, ceilingDbtp: -0.5 },
  broadcast: { label: 'Broadcast (EBU R 128)', targetLufs: -23, ceilingDbtp: -1 },
} as const satisfies Record<string, LoudnessTarget & { label: string }>;

export type LoudnessPresetName = keyof typeof loudnessPresets;

export const isLoudnessPresetName = (name: string): name is LoudnessPresetName => Object.hasOwn(loudnessPresets, name);

/** Accepted custom targets: what the meter and limiter handle well and a user might want. */
export const targetLufsRange = { min: -40, max: -5 } as const;
export const ceilingDbtpRange = { min: -12, max: 0 } as const;

/** How a platform plays a file back. */
export interface PlatformRule {
  readonly name: string;
  /** Integrated loudness it normalises to, LUFS; null when it does not normalise. */
  readonly referenceLufs: number | null;
  /** Whether it turns quiet tracks up (then only while the true peak stays under `upCeilingDbtp`). */
  readonly turnsUp: boolean;
  readonly upCeilingDbtp?: number;
}

export const platformRules: readonly PlatformRule[] = [
  { name: 'Spotify', referenceLufs: -14, turnsUp: true, upCeilingDbtp: -1 },
  { name: 'YouTube', referenceLufs: -14, turnsUp: false },
  { name: 'Apple Music', referenceLufs: -16, turnsUp: true, upCeilingDbtp: -1 },
  { name: 'Amazon Music', referenceLufs: -14, turnsUp: false },
  { name: 'Tidal', referenceLufs: -14, turnsUp: false },
  { name: 'Deezer', referenceLufs: -15, turnsUp: false },
  { name: 'SoundCloud', referenceLufs: null, turnsUp: false },
  { name: 'TikTok', referenceLufs: -14, turnsUp: false },
];

/** What one platform will do with the file. */
export interface PlatformVerdict {
  readonly platform: string;
  readonly referenceLufs: number | null;
  /** Gain it applies on playback, dB (negative: turned down); 0 when it leaves the file alone. */
  readonly gainDb: number;
  readonly sentence: string;
}

/** Changes under this are "leaves it as it is" (players round their gains too). */
const NEGLIGIBLE_DB = 0.05;

/**
 * Predicts each platform's playback gain for a file of integrated loudness `integratedLufs`
 * and true peak `truePeakDbtp` (−Infinity for silence).
 */
export function platformVerdicts(integratedLufs: number, truePeakDbtp: number): PlatformVerdict[] {
  return platformRules.map((rule) => {
    const { name, referenceLufs } = rule;
    if (referenceLufs === null) return { platform: name, referenceLufs, gainDb: 0, sentence: `${name} does not normalise loudness: it will play this as it is.` };
    if (!Number.isFinite(integratedLufs)) return { platform: name, referenceLufs, gainDb: 0, sentence: `${name} will leave this as it is (it is silent).` };
    const wanted = referenceLufs - integratedLufs;
    if (wanted <= -NEGLIGIBLE_DB) return { platform: name, referenceLufs, gainDb: round1(wanted), sentence: `${name} will turn this down by ${round1(-wanted).toFixed(1)} dB (to ${referenceLufs} LUFS).` };
    if (wanted < NEGLIGIBLE_DB) return { platform: name, referenceLufs, gainDb: 0, sentence: `${name} will leave this as it is (it is at ${referenceLufs} LUFS).` };
    if (!rule.turnsUp) return { platform: name, referenceLufs, gainDb: 0, sentence: `${name} will not turn this up: it stays ${round1(wanted).toFixed(1)} dB under its ${referenceLufs} LUFS.` };
    const headroom = (rule.upCeilingDbtp ?? 0) - truePeakDbtp;
    const gain = Math.max(0, Math.min(wanted, headroom));
    if (gain < NEGLIGIBLE_DB) return { platform: name, referenceLufs, gainDb: 0, sentence: `${name} will not turn this up: its peaks already reach ${rule.upCeilingDbtp} dBTP.` };
    if (gain < wanted) return { platform: name, referenceLufs, gainDb: round1(gain), sentence: `${name} will turn this up by only ${round1(gain).toFixed(1)} dB of ${round1(wanted).toFixed(1)} dB, to keep peaks under ${rule.upCeilingDbtp} dBTP.` };
    return { platform: name, referenceLufs, gainDb: round1(gain), sentence: `${name} will turn this up by ${round1(gain).toFixed(1)} dB (to ${referenceLufs} LUFS).` };
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;
