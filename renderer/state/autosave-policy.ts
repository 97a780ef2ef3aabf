/**
 * When to write the open document to its recovery file: at most `intervalMs` (30 s) after the
 * first change that is not in a recovery file yet, at once after a large edit, never while
 * every change is already saved. Pure logic on an injected clock; whoever owns the document
 * asks `dueInMs()` to set its timer and reports what happened.
 */
export class AutosavePolicy {
  /** When the oldest change not yet in a recovery file was made; null when there is none. */
  private pendingSince: number | null = null;
  private urgent = false;

  constructor(
    private readonly now: () => number = Date.now,
    readonly intervalMs = 30_000,
  ) {}

  /** The document changed. `large`: an edit worth securing now (many clips, an import, a paste). */
  edited(options: { readonly large?: boolean } = {}): void {
    this.pendingSince ??= this.now();
    if (options.large) this.urgent = true;
  }

  /** Milliseconds until a recovery write is due: 0 means now, null means nothing to secure. */
  dueInMs(): number | null {
    if (this.pendingSince === null) return null;
    if (this.urgent) return 0;
    return Math.max(0, this.pendingSince + this.intervalMs - this.now());
  }

  /** The document was just copied for a recovery write: changes from now on are new ones. */
  writing(): void {
    this.pendingSince = null;
    this.urgent = false;
  }

  /** The recovery write failed (full disk…): try again one interval later, not in a tight loop. */
  writeFailed(): void {
    this.pendingSince = Math.min(this.pendingSince ?? Infinity, this.now());
  }

  /** The document was saved to its file (or closed): nothing is left to secure. */
  saved(): void {
    this.pendingSince = null;
    this.urgent = false;
  }
}
