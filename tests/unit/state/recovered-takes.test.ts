import { describe, expect, it } from 'vitest';
import { recoveredTakesNotice } from '../../../renderer/state/recovered-takes';

describe('recoveredTakesNotice', () => {
  it('says nothing when no take was cut off', () => {
    expect(recoveredTakesNotice([])).toBeNull();
  });

  it('names one mended take, how much it kept and where it is', () => {
    expect(recoveredTakesNotice([{ path: '/music/Song/Audio/Vocal 2.wav', seconds: 12.34 }])).toEqual({
      text: 'A recording cut off by a crash was mended: Vocal 2.wav (12.3 s), kept at /music/Song/Audio/Vocal 2.wav.',
      details: ['/music/Song/Audio/Vocal 2.wav — 12.3 s kept'],
    });
  });

  it('names several and lists where each one is', () => {
    const notice = recoveredTakesNotice([{ path: '/a/Gtr.wav', seconds: 3 }, { path: '/b/Bass.wav', seconds: 61.25 }]);
    expect(notice?.text).toBe('2 recordings cut off by a crash were mended: Gtr.wav (3.0 s), Bass.wav (61.3 s). Open the list to see where they are.');
    expect(notice?.details).toEqual(['/a/Gtr.wav — 3.0 s kept', '/b/Bass.wav — 61.3 s kept']);
  });
});
