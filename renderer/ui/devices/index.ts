/**
 * What the devices room offers the rest of the UI: the editor of the insert the user opened
 * (`useUi().editDevice(id)`), the control of one catalog parameter (the drum machine's pads use it),
 * and the synth's editor (its host passes the model's instrument edits).
 */
export { DeviceEditor } from './DeviceEditor';
export { ParamControl } from './ParamControl';
export { SynthEditor, type SynthEditorProps } from './synth-editor/SynthEditor';
