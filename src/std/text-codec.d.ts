/**
 * UTF-8 text codecs exist in every host that runs src/ (Node, windows, workers) but are not part
 * of the ECMAScript library, so src/ declares just the part it uses.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
