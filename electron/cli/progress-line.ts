/**
 * Progress on stderr the way command-line tools show it: on a terminal one line redrawn in place,
 * on a pipe or a file a plain line at most once a second (and always the last one), with `--quiet`
 * nothing at all.
 */
export interface ProgressLine {
  /** Shows the latest state; `final` forces it out even within the second (the 100 % line). */
  update(text: string, final?: boolean): void;
  /** Ends the redrawn line so later output starts on a fresh one. */
  end(): void;
}

interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Milliseconds between two plain lines on a pipe or a file. */
export const pipedIntervalMs = 1000;

export function progressLine(options: { quiet: boolean; stream?: ProgressStream; now?: () => number }): ProgressLine {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  if (options.quiet) return { update: () => {}, end: () => {} };
  if (stream.isTTY) {
    let drawn = false;
    return {
      update(text) {
        stream.write(`\r${text}\x1b[K`);
        drawn = true;
      },
      end() {
        if (drawn) stream.write('\n');
        drawn = false;
      },
    };
  }
  let lastPrinted = -Infinity;
  let lastText = '';
  return {
    update(text, final = false) {
      const at = now();
      if (text === lastText || (!final && at - lastPrinted < pipedIntervalMs)) return;
      stream.write(`${text}\n`);
      lastPrinted = at;
      lastText = text;
    },
    end() {},
  };
}
