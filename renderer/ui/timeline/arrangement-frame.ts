import type { Clock, MeterPoint } from '../../../src/std/clock';

/** What the arrangement canvas shows: the scroller's visible area, in CSS pixels. */
export interface ArrangementFrame {
  /** Size of the visible area. */
  readonly width: number;
  readonly height: number;
  /** Scroll offsets of the view into the arrangement. */
  readonly scrollLeft: number;
  readonly scrollTop: number;
  /** Where lanes begin on the left (after the track headers) and rows begin at the top (under the ruler). */
  readonly laneLeft: number;
  readonly rowTop: number;
  readonly pixelsPerBeat: number;
  /** Pixels from the first row down to the last row with a lane (the buses' and the master's under the tracks): the grid ends there. */
  readonly lanesBottom: number;
  /** The song's clock: where bars start, what time a beat is. */
  readonly clock: Clock;
  /** Where the meter is set: bar 0 (the time signature) and each meter change, shown on the ruler. */
  readonly meters: readonly MeterPoint[];
}
