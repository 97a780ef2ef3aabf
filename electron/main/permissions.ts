import type { Session } from 'electron';

/**
 * Glowroom's page needs no browser permission yet, so every request and check is refused:
 * camera, notifications, geolocation, HID/serial/USB devices, and the rest. When audio input
 * or MIDI arrive, allow exactly `media` / `midi` here, and only for app://glowroom.
 */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
