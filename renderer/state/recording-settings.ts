/**
 * How takes are recorded, kept between sessions in the window's local storage (absent in Node
 * tests): bars of count-in before a take, and whether the click sounds while recording (whatever
 * the transport's metronome says while playing).
 */
export const countInChoices = [0, 1, 2] as const;
export type CountInBars = (typeof countInChoices)[number];

export interface RecordingSettings {
  readonly countInBars: CountInBars;
  readonly clickWhileRecording: boolean;
}

const key = 'glowroom.recording.settings';
const storage = (globalThis as { readonly localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).localStorage;

export const defaultRecordingSettings: RecordingSettings = { countInBars: 0, clickWhileRecording: true };

/** The stored settings; anything missing or unreadable is the default. */
export function loadRecordingSettings(): RecordingSettings {
  try {
    const stored = JSON.parse(storage?.getItem(key) ?? '{}') as Partial<Record<keyof RecordingSettings, unknown>>;
    return {
      countInBars: countInChoices.find((bars) => bars === stored.countInBars) ?? defaultRecordingSettings.countInBars,
      clickWhileRecording: typeof stored.clickWhileRecording === 'boolean' ? stored.clickWhileRecording : defaultRecordingSettings.clickWhileRecording,
    };
  } catch {
    return defaultRecordingSettings;
  }
}

export function saveRecordingSettings(settings: RecordingSettings): void {
  storage?.setItem(key, JSON.stringify(settings));
}
