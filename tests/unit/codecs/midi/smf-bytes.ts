/** Builds Standard MIDI File bytes by hand for tests: the spec's layout, nothing from the codec. */
export function track(events: number[], endDelta = 0): number[] {
  const body = [...events, endDelta & 0x7f, 0xff, 0x2f, 0x00];
  if (endDelta > 0x7f) body.splice(events.length, 1, 0x80 | (endDelta >> 7), endDelta & 0x7f);
  return [...tag('MTrk'), ...u32(body.length), ...body];
}

export function smf(format: number, division: number, chunks: number[][], trackCount = chunks.length): Uint8Array {
  const header = [...tag('MThd'), ...u32(6), format >> 8, format & 0xff, trackCount >> 8, trackCount & 0xff, division >> 8, division & 0xff];
  return new Uint8Array([...header, ...chunks.flat()]);
}

function tag(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}
