import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../electron/cli/progress-line';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progressLine', () => {
  it('redraws one line on a terminal and ends it with a newline', () => {
    const tty = stream(true);
    const line = progressLine({ quiet: false, stream: tty, now: () => 0 });
    line.update('Importing… 1/3');
    line.update('Importing… 2/3');
    line.end();
    expect(tty.written).toEqual(['\rImporting… 1/3\x1b[K', '\rImporting… 2/3\x1b[K', '\n']);
  });

  it('prints a plain line at most once a second on a pipe, and always the final one', () => {
    const pipe = stream(false);
    let clock = 0;
    const line = progressLine({ quiet: false, stream: pipe, now: () => clock });
    for (let done = 1; done <= 25; done++) {
      clock = done * 100;
      line.update(`Importing… ${done}/25`, done === 25);
    }
    line.end();
    expect(pipe.written).toEqual(['Importing… 1/25\n', 'Importing… 11/25\n', 'Importing… 21/25\n', 'Importing… 25/25\n']);
  });

  it('prints nothing when quiet', () => {
    const tty = stream(true);
    const line = progressLine({ quiet: true, stream: tty });
    line.update('Rendering…  50%', true);
    line.end();
    expect(tty.written).toEqual([]);
  });
});
