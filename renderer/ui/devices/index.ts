/**
 * What the devices room offers the rest of the UI: the editor of the insert the user opened
 * (`useUi().editDevice(id)`), and the control of one catalog parameter (the drum machine's pads use it).
 */
export { DeviceEditor } from './DeviceEditor';
export { ParamControl } from './ParamControl';
