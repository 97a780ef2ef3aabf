import { useRef, useState } from 'react';
import { deviceCatalog, deviceTypes } from '../../../src/devices/catalog';
import { addInsertWithId, moveInsert, removeInsert, setInsertBypass } from '../../../src/model/edits/insert-edits';
import { addInsertLabel, bypassLabel, moveInsertLabel, removeInsertLabel } from '../../../src/model/edits/labels';
import type { Device } from '../../../src/model/project-schema';
import { insertFaulted } from '../../audio/channel-meters';
import { useProject } from '../../state/project-store';
import { useUi } from '../../state/ui-store';
import { useStatusFrame } from '../use-status-frame';

const insertDragType = 'application/x-glowroom-insert';

/**
 * A channel's insert chain, top to bottom in processing order: each slot shows the device's
 * catalog name with bypass and remove; drag a slot (or Alt+↑/↓ on it) to reorder; "Add insert"
 * lists the catalog's device types. A device the engine's guard switched off for producing
 * invalid audio is marked (read from the status buffer on animation frames, `channel` being the
 * strip's meter index) until the user bypasses it and turns it back on.
 */
export function InsertSlots({ ownerId, name, inserts, channel }: { ownerId: string; name: string; inserts: readonly Device[]; channel: number | null }) {
  const edit = useProject((s) => s.edit);
  const list = useRef<HTMLOListElement>(null);
  useStatusFrame((status) => {
    const slots = list.current?.children;
    if (channel === null || !slots) return;
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index] as HTMLElement;
      const faulted = String(insertFaulted(status, channel, index));
      if (slot.dataset['faulted'] === faulted) continue;
      slot.dataset['faulted'] = faulted;
      if (faulted === 'true') slot.setAttribute('aria-description', 'Switched off: it produced invalid audio. Bypass it and turn it back on to try again.');
      else slot.removeAttribute('aria-description');
    }
  });
  const [dropAt, setDropAt] = useState<number | null>(null);
  const move = (device: Device, to: number) => edit(moveInsertLabel(), (p) => moveInsert(p, device.id, to));
  return (
    <div className="strip-section strip-inserts" role="group" aria-label={`Inserts of ${name}`}>
      <ol className="insert-list" ref={list}>
        {inserts.map((device, index) => {
          const deviceName = deviceCatalog[device.type].name;
          return (
            <li
              key={device.id}
              className={`insert-slot ${device.bypass ? 'is-bypassed' : ''} ${dropAt === index ? 'is-drop-target' : ''}`}
              draggable
              tabIndex={0}
              aria-label={`${deviceName}${device.bypass ? ', bypassed' : ''}, insert ${index + 1} of ${inserts.length}. Alt+Up or Alt+Down to reorder`}
              title="Drag to reorder"
              onDragStart={(event) => {
                event.dataTransfer.setData(insertDragType, device.id);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes(insertDragType)) return;
                event.preventDefault();
                setDropAt(index);
              }}
              onDragLeave={() => setDropAt(null)}
              onDrop={(event) => {
                setDropAt(null);
                const id = event.dataTransfer.getData(insertDragType);
                const dragged = inserts.find((candidate) => candidate.id === id);
                if (dragged) move(dragged, index);
              }}
              onKeyDown={(event) => {
                if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
                event.preventDefault();
                move(device, index + (event.key === 'ArrowUp' ? -1 : 1));
              }}
            >
              <button
                type="button"
                className="insert-power"
                aria-label={`Bypass ${deviceName} on ${name}`}
                aria-pressed={device.bypass}
                title={device.bypass ? 'Bypassed: click to switch on' : 'On: click to bypass'}
                onClick={() => edit(bypassLabel(deviceName, !device.bypass), (p) => setInsertBypass(p, device.id, !device.bypass))}
              >
                <svg viewBox="0 0 12 12" aria-hidden="true">
                  <path d="M6 1.5v4M3.4 3.2a4 4 0 1 0 5.2 0" />
                </svg>
              </button>
              <button type="button" className="insert-name" aria-label={`Open ${deviceName} on ${name}`} title="Open the editor" onClick={() => useUi.getState().editDevice(device.id)}>
                {deviceName}
              </button>
              <button type="button" className="insert-remove" aria-label={`Remove ${deviceName} from ${name}`} title="Remove" onClick={() => edit(removeInsertLabel(deviceName), (p) => removeInsert(p, device.id))}>
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <select
        className="strip-add"
        aria-label={`Add an insert to ${name}`}
        value=""
        onChange={(event) => {
          const type = event.target.value;
          if (type) edit(addInsertLabel(deviceCatalog[type as keyof typeof deviceCatalog].name), (p) => addInsertWithId(p, ownerId, type).project);
        }}
      >
        <option value="">+ Insert</option>
        {deviceTypes.map((type) => (
          <option key={type} value={type}>
            {deviceCatalog[type].name}
          </option>
        ))}
      </select>
    </div>
  );
}
