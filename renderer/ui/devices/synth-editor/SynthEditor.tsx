import { synthPresets, synthPresetValues, synthSpec } from '../../../../src/devices/instruments/synth';
import type { ParamSpec } from '../../../../src/devices/param-spec';
import { deviceParamLabel, loadPresetLabel } from '../../../../src/model/edits/labels';
import type { Project } from '../../../../src/model/project-schema';
import { useProject } from '../../../state/project-store';
import type { ParamEdit } from '../../param-edit';
import { ParamControl } from '../ParamControl';
import { synthParamShown, synthSections } from './synth-sections';
import '../devices.css';
import './synth-editor.css';

export interface SynthEditorProps {
  /** The synth's id (the mixer id space: set-param and automation target it). */
  readonly instrumentId: string;
  /** The track it plays on, for the title. */
  readonly trackName: string;
  /** Its parameters as the document holds them. */
  readonly params: Readonly<Record<string, number>>;
  /** The document with the synth's parameter `param` at `value` (the model's instrument edit). */
  readonly setParamIn: (project: Project, param: string, value: number) => Project;
  /** The document with all the synth's parameters set to `values` (loading a preset). */
  readonly setParamsIn: (project: Project, values: Readonly<Record<string, number>>) => Project;
  readonly onClose: () => void;
}

/**
 * The synth's editor: a control for every parameter of its catalog spec (the device editors'
 * ParamControl: knobs with their value in their unit, switches, lists), grouped in sections, and
 * its factory presets, each loaded as one undo step. Closes with ✕ or Escape.
 */
export function SynthEditor({ instrumentId, trackName, params, setParamIn, setParamsIn, onClose }: SynthEditorProps) {
  const edit = useProject((s) => s.edit);
  const specs = new Map<string, ParamSpec>(synthSpec.params.map((spec) => [spec.id, spec]));
  const paramEdit = (spec: ParamSpec): ParamEdit => ({
    label: deviceParamLabel(synthSpec.name, spec.name),
    target: instrumentId,
    param: spec.id,
    apply: (project, value) => setParamIn(project, spec.id, value),
  });
  return (
    <section
      className="device-editor synth-editor"
      role="dialog"
      aria-label={`${synthSpec.name} on ${trackName}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="device-header">
        <h3>
          {synthSpec.name} <span className="device-owner">· {trackName}</span>
        </h3>
        <label className="synth-presets">
          <select
            aria-label={`Presets of the ${synthSpec.name}`}
            value=""
            onChange={(event) => {
              const preset = synthPresets[Number(event.target.value)];
              if (preset) edit(loadPresetLabel(preset.name), (project) => setParamsIn(project, synthPresetValues(preset)));
            }}
          >
            <option value="" disabled>
              Presets…
            </option>
            {synthPresets.map((preset, index) => (
              <option key={preset.name} value={index}>
                {preset.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="device-close" aria-label={`Close the ${synthSpec.name} editor`} title="Close (Esc)" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="synth-sections">
        {synthSections.map((section) => (
          <fieldset key={section.title} className="synth-section">
            <legend>{section.title}</legend>
            <div className="device-params">
              {section.params
                .filter((id) => synthParamShown(id, params))
                .map((id) => {
                  const spec = specs.get(id) as ParamSpec;
                  return <ParamControl key={id} edit={paramEdit(spec)} ownerName={synthSpec.name} spec={spec} value={params[id] ?? spec.default} />;
                })}
            </div>
          </fieldset>
        ))}
      </div>
    </section>
  );
}
