import { deviceCatalog, takesSidechain } from '../../../src/devices/catalog';
import { insertOwner, setDeviceSidechain, setInsertBypass } from '../../../src/model/edits/insert-edits';
import { bypassLabel, sidechainLabel } from '../../../src/model/edits/labels';
import { masterChannelId, type Device, type Project } from '../../../src/model/project-schema';
import { meterChannelOf } from '../../audio/channel-meters';
import { useProject } from '../../state/project-store';
import { useUi } from '../../state/ui-store';
import { EqView } from './EqView';
import { GainReductionMeter } from './GainReductionMeter';
import { deviceParamEdit } from './device-param-edit';
import { ParamControl } from './ParamControl';
import { PresetMenu } from './PresetMenu';
import './devices.css';

/** The device and the name of the channel whose chain holds it, or null when it is gone. */
function findDevice(project: Project, deviceId: string): { device: Device; ownerId: string; ownerName: string; chain: readonly Device[] } | null {
  const ownerId = insertOwner(project, deviceId);
  if (ownerId === null) return null;
  const owner = ownerId === masterChannelId ? null : [...project.tracks, ...project.buses].find((candidate) => candidate.id === ownerId);
  const inserts = owner ? owner.channel.inserts : project.master.inserts;
  const device = inserts.find((candidate) => candidate.id === deviceId);
  return device ? { device, ownerId, ownerName: owner ? owner.name || 'Untitled' : 'Master', chain: inserts } : null;
}

/**
 * The editor of the insert the user opened from a mixer slot: bypass, presets (factory, the
 * user's own, chains), the
 * compressor's sidechain source and gain-reduction meter, the EQ's curve, and a control for every
 * parameter of the catalog (knobs, switches, lists). Closes with ✕ or Escape; closes by itself
 * when the device is removed.
 */
export function DeviceEditor() {
  const deviceId = useUi((s) => s.editingDevice);
  const project = useProject((s) => s.project);
  const edit = useProject((s) => s.edit);
  const found = deviceId === null ? null : findDevice(project, deviceId);
  if (!found) return null;
  const { device, ownerId, ownerName, chain } = found;
  const spec = deviceCatalog[device.type];
  const close = () => useUi.getState().editDevice(null);
  const sources = [...project.tracks, ...project.buses].filter((channel) => channel.id !== ownerId);
  return (
    <section
      className="device-editor"
      role="dialog"
      aria-label={`${spec.name} on ${ownerName}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <header className="device-header">
        <button
          type="button"
          className="device-power"
          aria-pressed={!device.bypass}
          aria-label={`${spec.name} on (unpressed: bypassed)`}
          title={device.bypass ? 'Bypassed: click to switch on' : 'On: click to bypass'}
          onClick={() => edit(bypassLabel(spec.name, !device.bypass), (p) => setInsertBypass(p, device.id, !device.bypass))}
        >
          <svg viewBox="0 0 12 12" aria-hidden="true">
            <path d="M6 1.5v4M3.4 3.2a4 4 0 1 0 5.2 0" />
          </svg>
        </button>
        <h3>
          {spec.name} <span className="device-owner">· {ownerName}</span>
        </h3>
        <PresetMenu device={device} ownerId={ownerId} chain={chain} />
        {takesSidechain(device.type) && (
          <label className="device-sidechain">
            Sidechain
            <select
              aria-label={`Sidechain of ${spec.name}`}
              value={device.sidechain ?? ''}
              onChange={(event) => edit(sidechainLabel(spec.name), (p) => setDeviceSidechain(p, device.id, event.target.value || null))}
            >
              <option value="">Own input</option>
              {sources.map((channel) => (
                <option key={channel.id} value={channel.id}>
                  {channel.name || 'Untitled'}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="device-close" aria-label={`Close the ${spec.name} editor`} title="Close (Esc)" onClick={close}>
          ✕
        </button>
      </header>
      <div className={`device-body ${device.bypass ? 'is-bypassed' : ''}`}>
        {device.type === 'eq' && <EqView device={device} />}
        <div className="device-params">
          {device.type === 'compressor' && <GainReductionMeter channel={meterChannelOf(project, ownerId)} />}
          {spec.params.map((param) => (
            <ParamControl key={param.id} edit={deviceParamEdit(device.id, spec.name, param)} ownerName={spec.name} spec={param} value={device.params[param.id] ?? param.default} />
          ))}
        </div>
      </div>
    </section>
  );
}
