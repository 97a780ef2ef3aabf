/**
 * Where and why a JSON text is malformed, in words a person can act on. `JSON.parse` says only
 * that it failed, in wording and with positions that differ between engines (V8 gives no position
 * for a truncated text), so after it fails this strict RFC 8259 scanner finds the first bad
 * character itself. It runs only on failure, and iteratively, so deep nesting cannot overflow.
 */

export interface JsonSyntaxError {
  /** UTF-16 index of the offending character (the text's length when it ends too early). */
  readonly index: number;
  /** What is wrong there, as a sentence fragment: `expected "," or "}" after a value, found "]"`. */
  readonly problem: string;
  /** True when the text ends before the JSON value is complete: the file may be truncated. */
  readonly truncated: boolean;
}

/** 1-based line and column of `index`; columns count characters (code points), like an editor. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Array.from(text.slice(lineStart, index)).length + 1 };
}

type Container = 'object' | 'array';

/** The first syntax error in `text`, or undefined when it is one well-formed JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Container[] = [];
  let i = 0;

  const skipWhitespace = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break;
      i++;
    }
  };
  const endsEarly = (inside: string): JsonSyntaxError => ({
    index: text.length,
    problem: `the text ends inside ${inside}; the file may be truncated`,
    truncated: true,
  });
  const innermost = (): string => (stack.at(-1) === 'array' ? 'an array' : stack.length > 0 ? 'an object' : 'the value');
  const fail = (problem: string, at = i): JsonSyntaxError => ({ index: at, problem, truncated: false });

  /** Scans the string starting at `text[i] === '"'`; leaves `i` after the closing quote. */
  const scanString = (): JsonSyntaxError | undefined => {
    i++;
    for (;;) {
      if (i >= text.length) return endsEarly('a string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const escape = text[i + 1];
        if (escape === undefined) return endsEarly('a string');
        if ('"\\/bfnrt'.includes(escape)) {
          i += 2;
          continue;
        }
        if (escape === 'u') {
          for (let k = 2; k < 6; k++) {
            if (i + k >= text.length) return endsEarly('a string');
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return fail(`"\\u" must be followed by four hex digits, found ${shown(text, i + k)}`, i + k);
          }
          i += 6;
          continue;
        }
        return fail(`invalid escape "\\${escape}" in a string`, i);
      }
      if (c < 0x20) return fail(`${shown(text, i)} inside a string (control characters must be escaped, e.g. "\\n")`);
      i++;
    }
  };

  const scanDigits = (): boolean => {
    const from = i;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i > from;
  };

  /** Scans a number at `i`; leaves `i` after it. */
  const scanNumber = (): JsonSyntaxError | undefined => {
    if (text[i] === '-') i++;
    if (i >= text.length) return endsEarly('a number');
    if (text[i] === '0') i++;
    else if (!scanDigits()) return fail(`expected a digit after "-", found ${shown(text, i)}`);
    if (text[i] === '.') {
      i++;
      if (i >= text.length) return endsEarly('a number');
      if (!scanDigits()) return fail(`expected a digit after the decimal point, found ${shown(text, i)}`);
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (i >= text.length) return endsEarly('a number');
      if (!scanDigits()) return fail(`expected a digit in the exponent, found ${shown(text, i)}`);
    }
    return undefined;
  };

  /** Scans one value at `i` (after whitespace). Containers are opened, not finished. */
  const scanValue = (): JsonSyntaxError | 'opened' | undefined => {
    if (i >= text.length) return endsEarly(stack.length > 0 ? innermost() : 'the value (it is empty)');
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      i++;
      return 'opened';
    }
    if (c === '"') return scanString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return scanNumber();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
      if (text.length - i < word.length && word.startsWith(text.slice(i))) return endsEarly(innermost());
    }
    return fail(`unexpected ${shown(text, i)} where a value was expected`);
  };

  // The states of a pushdown scanner: a value is expected, a property name is expected, or a
  // value just ended (expect a separator, a closing bracket or, at the top, the end of the text).
  let state: 'value' | 'name' | 'after' = 'value';
  let afterComma = false;
  for (;;) {
    skipWhitespace();
    if (state === 'value') {
      const result = scanValue();
      if (result === 'opened') {
        skipWhitespace();
        const close = stack.at(-1) === 'object' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          state = 'after';
        } else state = stack.at(-1) === 'object' ? 'name' : 'value';
        afterComma = false;
        continue;
      }
      if (result) return result;
      state = 'after';
      continue;
    }
    if (state === 'name') {
      if (i >= text.length) return endsEarly('an object');
      if (text[i] === '}' && afterComma) return fail('a comma before "}" must be followed by another property (trailing commas are not allowed)');
      if (text[i] !== '"') return fail(`expected a property name in double quotes, found ${shown(text, i)}`);
      const error = scanString();
      if (error) return error;
      skipWhitespace();
      if (i >= text.length) return endsEarly('an object');
      if (text[i] !== ':') return fail(`expected ":" after the property name, found ${shown(text, i)}`);
      i++;
      state = 'value';
      continue;
    }
    // state === 'after'
    const top = stack.at(-1);
    if (top === undefined) {
      if (i < text.length) return fail(`unexpected ${shown(text, i)} after the end of the JSON value`);
      return undefined;
    }
    if (i >= text.length) return endsEarly(innermost());
    const close = top === 'object' ? '}' : ']';
    if (text[i] === close) {
      stack.pop();
      i++;
      continue;
    }
    if (text[i] === ',') {
      i++;
      skipWhitespace();
      if (top === 'array' && text[i] === ']') return fail('a comma before "]" must be followed by another item (trailing commas are not allowed)');
      state = top === 'object' ? 'name' : 'value';
      afterComma = true;
      continue;
    }
    return fail(`expected "," or "${close}" after ${top === 'object' ? 'a property value' : 'an array item'}, found ${shown(text, i)}`);
  }
}

/** The character (or word) at `index`, quoted for a message. */
function shown(text: string, index: number): string {
  const code = text.codePointAt(index);
  if (code === undefined) return 'the end of the text';
  if (code < 0x20 || code === 0x7f) {
    const names: Record<number, string> = { 0x09: 'a tab', 0x0a: 'a line break', 0x0d: 'a carriage return' };
    return names[code] ?? `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(index, index + 40))?.[0];
  if (word) return `"${word}"`;
  const char = String.fromCodePoint(code);
  return char === '"' ? `'"'` : `"${char}"`;
}
