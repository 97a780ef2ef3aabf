/**
 * What the WebAssembly kernels under src/dsp/wasm share: the part of the WebAssembly API they use
 * (src is typed without the DOM's or Node's globals), a module compiled synchronously from its
 * base64 bytes (they are a few kilobytes; the AudioWorklet needs its kernels at construction),
 * and the layout of an instance's memory.
 */
export interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

function webAssembly(): WebAssemblyApi {
  return (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
}

/**
 * A kernel module: compiled synchronously from its base64 bytes the first time an instance is
 * made, once per host; each instance gets a memory of its own.
 */
export class KernelModule<Exports> {
  private compiled: object | null = null;

  constructor(private readonly base64: string) {}

  /** A new instance whose memory is large enough for `layout`. */
  instance(layout: Layout): { exports: Exports; buffer: ArrayBuffer } {
    const api = webAssembly();
    this.compiled ??= new api.Module(decodeBase64(this.base64));
    const memory = new api.Memory({ initial: Math.ceil(layout.end / 65_536) });
    return { exports: new api.Instance(this.compiled, { env: { memory } }).exports as Exports, buffer: memory.buffer };
  }
}

/** Byte ranges handed out in order, each starting on 16 bytes. */
export class Layout {
  end = 0;
  take(bytes: number): number {
    const at = this.end;
    this.end = at + Math.ceil(bytes / 16) * 16;
    return at;
  }
}

/** Base64 to bytes (the AudioWorklet scope has no atob). */
function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (const char of clean) {
    bits = (bits << 6) | alphabet.indexOf(char);
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes[at++] = (bits >> count) & 0xff;
    }
  }
  return bytes;
}
