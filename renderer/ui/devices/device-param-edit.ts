import type { ParamSpec } from '../../../src/devices/param-spec';
import { setDeviceParam } from '../../../src/model/edits/insert-edits';
import { deviceParamLabel } from '../../../src/model/edits/labels';
import type { ParamEdit } from '../param-edit';

/** How a device's control changes parameter `spec` of device `deviceId` (see ../param-edit.ts): "Change EQ Band 2 Gain". */
export function deviceParamEdit(deviceId: string, deviceName: string, spec: ParamSpec): ParamEdit {
  return { label: deviceParamLabel(deviceName, spec.name), target: deviceId, param: spec.id, apply: (project, value) => setDeviceParam(project, deviceId, spec.id, value) };
}
