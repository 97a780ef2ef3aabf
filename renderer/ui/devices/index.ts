/** What the devices room offers the rest of the UI: the editor of the insert the user opened (`useUi().editDevice(id)`). */
export { DeviceEditor } from './DeviceEditor';
