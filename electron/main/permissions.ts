import type { Session } from 'electron';
import { appOrigin } from './app-protocol';

/** The browser permissions Glowroom's own page is granted: MIDI input (notes and the sustain pedal; never system-exclusive messages). */
const granted = new Set(['midi']);

/**
 * Every permission request and check is refused — camera, notifications, geolocation,
 * HID/serial/USB devices, MIDI system-exclusive and the rest — except `granted` ones asked by
 * Glowroom's page on app://glowroom. When audio input arrives, add `media` to `granted`.
 */
export function denyPermissions(session: Session): void {
  const ours = (origin: string) => origin === appOrigin || origin.startsWith(`${appOrigin}/`);
  session.setPermissionRequestHandler((contents, permission, callback, details) => callback(granted.has(permission) && ours(details.requestingUrl ?? contents.getURL())));
  session.setPermissionCheckHandler((_contents, permission, origin) => granted.has(permission) && ours(origin));
  session.setDevicePermissionHandler(() => false);
}
