import type { ParamEdit } from './param-edit';
import { useSlider } from './use-slider';
import './knob.css';
import type { ValueScale } from './value-scale';

/** Pixels of vertical drag for the whole range. */
const knobTravelPx = 120;
/** The knob turns through 270°, from 7:30 to 4:30. */
const sweepDegrees = 270;

interface KnobProps {
  /** For assistive technology: "Pan of Drums". */
  readonly label: string;
  readonly value: number;
  readonly scale: ValueScale;
  readonly edit: ParamEdit;
  /** What assistive technology reads: "25 % left". */
  readonly describe: (value: number) => string;
  /** The arc grows from the centre (pan) instead of from the minimum. */
  readonly bipolar?: boolean;
  readonly title: string;
}

/** A point on a circle round the centre of the 24 × 24 view box; 0° is straight up. */
function arcPoint(degrees: number, radius: number): { x: number; y: number } {
  const radians = ((degrees - 90) * Math.PI) / 180;
  return { x: 12 + radius * Math.cos(radians), y: 12 + radius * Math.sin(radians) };
}

function arc(from: number, to: number, radius: number): string {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const p = arcPoint(a, radius);
  const q = arcPoint(b, radius);
  return `M ${p.x.toFixed(2)} ${p.y.toFixed(2)} A ${radius} ${radius} 0 ${b - a > 180 ? 1 : 0} 1 ${q.x.toFixed(2)} ${q.y.toFixed(2)}`;
}

/** A small rotary control: drag up/down (Shift fine), arrows, double-click for the default. */
export function Knob({ label, value, scale, edit, describe, bipolar = false, title }: KnobProps) {
  const { shown, handlers } = useSlider(scale, value, edit, knobTravelPx);
  const angle = -sweepDegrees / 2 + scale.toPosition(shown) * sweepDegrees;
  const start = bipolar ? 0 : -sweepDegrees / 2;
  const tip = arcPoint(angle, 6.5);
  return (
    <div
      className="knob"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={scale.min}
      aria-valuemax={scale.max}
      aria-valuenow={Math.round(shown * 100) / 100}
      aria-valuetext={describe(shown)}
      title={title}
      {...handlers}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path className="knob-track" d={arc(-sweepDegrees / 2, sweepDegrees / 2, 10)} />
        {Math.abs(angle - start) > 0.5 && <path className="knob-value" d={arc(start, angle, 10)} />}
        <circle className="knob-cap" cx="12" cy="12" r="7" />
        <line className="knob-pointer" x1="12" y1="12" x2={tip.x} y2={tip.y} />
      </svg>
    </div>
  );
}
