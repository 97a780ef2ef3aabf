/**
 * Auditioning a note from an editor (a pad clicked or played from the keyboard, a piano-roll key,
 * a note drawn or dragged): a live note on the track's own instrument, so it sounds as the song
 * will play it — through the drum machine with the pad's pitch, start, attack, decay, reverse and
 * choke group, the sampler or the synth with their settings, and the track's channel (inserts,
 * fader, sends, a pad's own output) — over whatever is playing. It is released after `lengthMs`
 * (a drum one-shot rings out as its decay says); a note auditioned again before then is released
 * first, so every on gets its off. `play` is `playLiveNote` in the app (`auditionNote`).
 */
/** How long an audition holds its key, and how hard it strikes it (the piano roll's drawing velocity). */
export const auditionMs = 300;
export const auditionVelocity = 0.8;

type Play = (trackId: string, pitch: number, velocity: number) => void;

export class NoteAudition {
  private readonly held = new Map<string, { readonly trackId: string; readonly pitch: number; readonly timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly play: Play,
    private readonly lengthMs = auditionMs,
  ) {}

  note(trackId: string, pitch: number, velocity = auditionVelocity): void {
    const key = `${trackId}/${pitch}`;
    this.release(key);
    this.play(trackId, pitch, velocity);
    this.held.set(key, { trackId, pitch, timer: setTimeout(() => this.release(key), this.lengthMs) });
  }

  /** Releases every note still held now. */
  releaseAll(): void {
    for (const key of [...this.held.keys()]) this.release(key);
  }

  private release(key: string): void {
    const note = this.held.get(key);
    if (!note) return;
    clearTimeout(note.timer);
    this.held.delete(key);
    this.play(note.trackId, note.pitch, 0);
  }
}
