/**
 * The compressor's static curve (Giannoulis, Massberg & Reiss, "Digital Dynamic Range Compressor
 * Design — A Tutorial and Analysis", JAES 60(6), 2012, eq. 4): output level in dB for an input
 * level in dB. Below the knee the level passes; above it the excess over the threshold is
 * divided by the ratio; inside the knee (`kneeDb` wide, centred on the threshold) a quadratic
 * joins the two with matching slopes. The UI draws the curve from this same function.
 */
export function compressorCurveDb(inputDb: number, thresholdDb: number, ratio: number, kneeDb: number): number {
  const over = inputDb - thresholdDb;
  if (2 * over < -kneeDb) return inputDb;
  if (kneeDb > 0 && 2 * Math.abs(over) <= kneeDb) {
    const into = over + kneeDb / 2;
    return inputDb + ((1 / ratio - 1) * into * into) / (2 * kneeDb);
  }
  return thresholdDb + over / ratio;
}
