import type { CSSProperties } from 'react';
import type { PatternBar } from '../../../src/model/beats/pattern-grid';
import { gridBeats, type SnapSetting } from '../../../src/model/snap';
import { beatX, type RollView } from './piano-roll-geometry';

const meterText = (bar: PatternBar) => `${bar.meter[0]}/${bar.meter[1]}`;

/**
 * The song's bars behind the notes: a line where each bar starts, fainter lines at the beats of its
 * meter (4 / d) and at the snap grid's steps, both counted from the bar's start as `snapToGrid` counts them.
 */
export function RollBars({ bars, view, snap }: { bars: readonly PatternBar[]; view: RollView; snap: SnapSetting }) {
  return (
    <div className="roll-bars" aria-hidden>
      {bars.map((bar) => (
        <div
          key={bar.number}
          className="roll-bar"
          style={
            {
              left: beatX(bar.start, view),
              width: beatX(bar.length, view),
              '--beat-px': `${beatX(bar.beatLength, view)}px`,
              '--grid-px': `${beatX(gridBeats(snap, bar.length) ?? bar.beatLength, view)}px`,
            } as CSSProperties
          }
        />
      ))}
    </div>
  );
}

/** The bar numbers above the notes, as the timeline's ruler numbers the song's bars; the meter where it starts or changes. */
export function RollRuler({ bars, view, width }: { bars: readonly PatternBar[]; view: RollView; width: number }) {
  return (
    <div className="roll-ruler-row">
      <div className="roll-ruler-corner" />
      <ol className="roll-ruler" style={{ width }} aria-label="Song bars">
        {bars.map((bar, index) => {
          const meter = meterText(bar);
          const changed = index === 0 || meterText(bars[index - 1] as PatternBar) !== meter;
          // Each label keeps to its bar (clipped when zoomed far out), from the pattern's start at the earliest.
          const left = Math.max(0, beatX(bar.start, view));
          return (
            <li key={bar.number} style={{ left, width: beatX(bar.start + bar.length, view) - left }} title={`Bar ${bar.number}, ${meter}`}>
              {bar.number}
              {changed && (
                <>
                  {' '}
                  <span className="roll-ruler-meter">{meter}</span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
