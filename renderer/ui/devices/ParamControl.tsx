import { formatParamValue } from '../../../src/devices/param-format';
import type { ParamSpec } from '../../../src/devices/param-spec';
import { Knob } from '../Knob';
import { setParam, type ParamEdit } from '../param-edit';
import { paramScale } from './param-scale';

interface ParamControlProps {
  /** How the control changes the parameter (a device's: `deviceParamEdit`; a drum pad's; …). */
  readonly edit: ParamEdit;
  /** Whose parameter it is, for assistive technology: "Gain of Compressor". */
  readonly ownerName: string;
  readonly spec: ParamSpec;
  readonly value: number;
}

/**
 * One parameter drawn from its catalog spec (a device's, an instrument's, a drum pad's): a switch for `bool`, a list for `enum`, else a
 * knob (drag previews with set-param, release is one undo step, Escape puts it back, double-click
 * the default, arrows step) with its value written out in its unit.
 */
export function ParamControl({ edit, ownerName, spec, value }: ParamControlProps) {
  const label = `${spec.name} of ${ownerName}`;
  if (spec.unit === 'bool') {
    const on = value >= 0.5;
    return (
      <div className="param param-switch">
        <button type="button" className="param-toggle" aria-pressed={on} aria-label={label} title={`${spec.name}: ${on ? 'on' : 'off'}`} onClick={() => setParam(edit, on ? 0 : 1)}>
          {spec.name}
        </button>
      </div>
    );
  }
  if (spec.unit === 'enum') {
    return (
      <label className="param param-choice">
        <span className="param-name">{spec.name}</span>
        <select aria-label={label} value={Math.round(value)} onChange={(event) => setParam(edit, Number(event.target.value))}>
          {(spec.options ?? []).map((option, index) => (
            <option key={option} value={index}>
              {option}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const describe = (shown: number) => formatParamValue(spec, shown);
  return (
    <div className="param param-knob">
      <span className="param-name">{spec.name}</span>
      <Knob label={label} value={value} scale={paramScale(spec)} edit={edit} describe={describe} bipolar={spec.min < 0 && spec.max > 0} title={`${spec.name}: ${describe(value)}. Drag (Shift: fine), double-click for ${describe(spec.default)}`} />
      <output className="param-value" data-param={spec.id}>
        {describe(value)}
      </output>
    </div>
  );
}
