import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, UserSettingsStore } from '../../electron/services/user-settings';
import { Dispatcher } from '../../electron/services/dispatcher';
import { tempDir } from '../support/temp-dir';

describe('user settings', () => {
  it('start as the defaults, keep a change across instances, and change only what is given', async () => {
    const file = path.join(tempDir(), 'settings', 'settings.json');
    expect(await new UserSettingsStore(file).settings()).toEqual({ gettingStartedDismissed: false, recordingLatencySeconds: null, warpLoopsOnDrop: true, countInBars: 0, clickWhileRecording: true });
    expect(await new UserSettingsStore(file).update({ gettingStartedDismissed: true })).toEqual({ gettingStartedDismissed: true, recordingLatencySeconds: null, warpLoopsOnDrop: true, countInBars: 0, clickWhileRecording: true });
    expect(await new UserSettingsStore(file).update({})).toEqual({ gettingStartedDismissed: true, recordingLatencySeconds: null, warpLoopsOnDrop: true, countInBars: 0, clickWhileRecording: true });
    expect(await new UserSettingsStore(file).settings()).toEqual({ gettingStartedDismissed: true, recordingLatencySeconds: null, warpLoopsOnDrop: true, countInBars: 0, clickWhileRecording: true });
    // The recording's own settings (latency, count-in, the click while recording) are kept the same way.
    await new UserSettingsStore(file).update({ recordingLatencySeconds: 0.0125, countInBars: 2, clickWhileRecording: false });
    expect(await new UserSettingsStore(file).settings()).toEqual({ gettingStartedDismissed: true, recordingLatencySeconds: 0.0125, warpLoopsOnDrop: true, countInBars: 2, clickWhileRecording: false });
  });

  it('read a damaged file as the defaults and replace it on the next change', async () => {
    const file = path.join(tempDir(), 'settings.json');
    await fs.writeFile(file, '{"gettingStartedDismissed": "yes"');
    const store = new UserSettingsStore(file);
    expect(await store.settings()).toEqual(defaultSettings);
    await store.update({ gettingStartedDismissed: true });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ gettingStartedDismissed: true, recordingLatencySeconds: null, warpLoopsOnDrop: true, countInBars: 0, clickWhileRecording: true });
  });

  it('are served through the contract from the data folder', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    expect(await dispatcher.call('settings.update', { gettingStartedDismissed: true })).toEqual({ ok: true, value: { gettingStartedDismissed: true, recordingLatencySeconds: null, warpLoopsOnDrop: true, countInBars: 0, clickWhileRecording: true } });
    expect(await dispatcher.call('settings.get', {})).toEqual({ ok: true, value: { gettingStartedDismissed: true, recordingLatencySeconds: null, warpLoopsOnDrop: true, countInBars: 0, clickWhileRecording: true } });
    expect(JSON.parse(await fs.readFile(path.join(home, 'settings.json'), 'utf8'))).toEqual({ gettingStartedDismissed: true, recordingLatencySeconds: null, warpLoopsOnDrop: true, countInBars: 0, clickWhileRecording: true });
    expect(await dispatcher.call('settings.update', { gettingStartedDismissed: 'no' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });
});
