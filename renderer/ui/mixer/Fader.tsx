import { formatGain, describeGain, parseGain } from './channel-values';
import { faderScaleMarks } from './fader-taper';
import { setParam, type ParamEdit } from '../param-edit';
import { useSlider } from '../use-slider';
import { gainScale } from './value-scales';
import { ValueField } from './ValueField';

/** Pixels of the fader's travel; the strip sets `--fader-travel` from it for the track, scale and meter. */
export const faderTravelPx = 150;

/**
 * A channel's vertical fader in dB with its scale: drag (Shift for fine), double-click for 0 dB,
 * arrows and Page keys, and the value below it to type a level.
 */
export function Fader({ name, db, edit }: { name: string; db: number; edit: ParamEdit }) {
  const { shown, handlers } = useSlider(gainScale, db, edit, faderTravelPx);
  const position = gainScale.toPosition(shown);
  return (
    <div className="fader">
      <div className="fader-body">
        <div className="fader-scale" aria-hidden="true">
          {faderScaleMarks.map((mark) => (
            <span key={mark} className={mark === 0 ? 'is-unity' : undefined} style={{ bottom: `${gainScale.toPosition(mark) * 100}%` }}>
              {mark > 0 ? `+${mark}` : mark < 0 ? `−${-mark}` : '0'}
            </span>
          ))}
        </div>
        <div
          className="fader-track"
          role="slider"
          tabIndex={0}
          aria-label={`Volume of ${name}`}
          aria-orientation="vertical"
          aria-valuemin={gainScale.min}
          aria-valuemax={gainScale.max}
          aria-valuenow={Math.round(shown * 10) / 10}
          aria-valuetext={describeGain(shown)}
          title="Drag (Shift: fine). Double-click: 0 dB."
          {...handlers}
        >
          <div className="fader-groove" />
          <div className="fader-cap" style={{ bottom: `${position * 100}%` }} />
        </div>
      </div>
      <ValueField label={`Volume of ${name}`} className="fader-value" text={formatGain(shown)} unit="dB" example="−6 or +1.5" parse={parseGain} onSet={(value) => setParam(edit, value)} />
    </div>
  );
}
