import { describe, expect, it } from 'vitest';
import { shownChannelName } from '../../../src/model/channel-names';

describe('shownChannelName', () => {
  it('shows a channel by its own name, and by its kind while it has none', () => {
    expect(shownChannelName('bus', 'Reverb')).toBe('Reverb');
    expect(shownChannelName('bus', '')).toBe('Untitled bus');
    expect(shownChannelName('track', '')).toBe('Untitled track');
  });
});
