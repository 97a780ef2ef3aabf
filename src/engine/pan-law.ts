/**
 * Pan gains for one side of a track. Pan 0 leaves both channels at unity.
 * Mono sources use a constant-power law (−3 dB at the centre relative to hard left, normalised
 * so the centre is unity); stereo sources use a balance law that only turns one side down.
 */
export interface PanGains {
  left: number;
  right: number;
}

export function monoPan(pan: number, into: PanGains): PanGains {
  const angle = ((pan + 1) * Math.PI) / 4;
  into.left = Math.cos(angle) * Math.SQRT2;
  into.right = Math.sin(angle) * Math.SQRT2;
  return into;
}

export function stereoBalance(pan: number, into: PanGains): PanGains {
  into.left = pan > 0 ? 1 - pan : 1;
  into.right = pan < 0 ? 1 + pan : 1;
  return into;
}
