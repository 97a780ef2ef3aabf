/**
 * Zod issues turned into one sentence a person can act on: the JSON path of the bad field, what
 * it must be, and what it was — `tracks[0].clips[2].length must be a positive number (got -1)`.
 * When a document has several problems, the one reported is the first in document order (the
 * order of the file's text), not the order the schema happens to check fields in.
 */
import type { z } from 'zod';
import { minOf } from '../std/extremes';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** `tracks[0].clips[2].length`; `sources["my kick"].path`; '' for the document itself. */
export function formatJsonPath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

/** The issue whose field comes first in `document` (the value that was validated). */
export function firstIssueInDocumentOrder(issues: readonly Issue[], document: unknown): Issue | undefined {
  let first: Issue | undefined;
  let firstPosition: number[] = [];
  for (const issue of issues) {
    const position = documentPosition(issue, document);
    if (first === undefined || comparePositions(position, firstPosition) < 0) {
      first = issue;
      firstPosition = position;
    }
  }
  return first;
}

/** One sentence for `issue`, found in `document`: `tempo must be at least 20 (got 10)`. */
export function describeIssue(issue: Issue, document: unknown): string {
  const subject = formatJsonPath(issue.path) || 'the project';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const names = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      return `${subject} has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${names}`;
    }
    case 'invalid_key': {
      const key = issue.path.at(-1);
      const parent = formatJsonPath(issue.path.slice(0, -1)) || 'the project';
      const inner = issue.issues[0];
      const rule = inner && requirement(inner, key);
      const shownKey = describeValue(String(key));
      return rule ? `${parent} has an invalid key ${shownKey}: it must ${rule} (got ${shownValue(inner, key)})` : `${parent} has an invalid key ${shownKey}`;
    }
    case 'custom':
      return `${subject}: ${issue.message}`;
  }
  const found = valueAt(document, issue.path);
  const rule = requirement(issue, found.value);
  if (!found.present) return rule ? `${subject} is missing (it must ${rule})` : `${subject} is missing`;
  return rule ? `${subject} must ${rule} (got ${shownValue(issue, found.value)})` : `${subject} is not valid: ${issue.message}`;
}

/** What the value must be, after "must": `be a positive number`; undefined if zod gave no detail we know. */
function requirement(issue: Issue, value: unknown): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `be ${typeName(issue.expected, value)}`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum === 1 ? 'not be empty' : `be at least ${minimum} characters long`;
      if (issue.origin === 'array') return `have ${issue.exact ? 'exactly' : 'at least'} ${items(minimum)}`;
      if (minimum === 0) return issue.inclusive ? 'be zero or more' : 'be a positive number';
      return issue.inclusive ? `be at least ${minimum}` : `be greater than ${minimum}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `be at most ${maximum} characters long`;
      if (issue.origin === 'array') return `have ${issue.exact ? 'exactly' : 'at most'} ${items(maximum)}`;
      return issue.inclusive ? `be at most ${maximum}` : `be less than ${maximum}`;
    }
    case 'invalid_value':
      return oneOf(issue.values);
    case 'invalid_format':
      // The schema words its pattern messages to follow "must": 'be a colour "#rrggbb" in lowercase hex'.
      return issue.format === 'regex' ? issue.message : undefined;
    case 'invalid_union': {
      // A union of literals (`sampleRate`, the note value): list the allowed values.
      const values: unknown[] = [];
      for (const branch of issue.errors) {
        const only = branch.length === 1 ? branch[0] : undefined;
        if (only?.code !== 'invalid_value' || only.path.length > 0) return undefined;
        values.push(...only.values);
      }
      return values.length > 0 ? oneOf(values) : undefined;
    }
    default:
      return undefined;
  }
}

function typeName(expected: string, value: unknown): string {
  switch (expected) {
    case 'number':
      return typeof value === 'number' ? 'a finite number' : 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'array':
    case 'tuple':
      return 'an array';
    case 'object':
    case 'record':
      return 'an object';
    default:
      return expected;
  }
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((value) => JSON.stringify(value));
  return shown.length === 1 ? `be ${shown[0]}` : `be one of ${shown.join(', ')}`;
}

function items(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}

/** The offending value, short; a string that is too long or short shows its length. */
function shownValue(issue: Issue, value: unknown): string {
  if (typeof value === 'string' && (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'string') {
    return value.length === 1 ? '1 character' : `${value.length} characters`;
  }
  return describeValue(value);
}

/** A value, short, for "(got …)": `-1`, `"abc"`, `[4]`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  const json = shortJson(value);
  if (json !== undefined) return json;
  if (Array.isArray(value)) return `an array of ${items(value.length)}`;
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

/** `value` as JSON when that is at most 40 characters; undefined for longer or too deeply nested values. */
function shortJson(value: unknown): string | undefined {
  // More than 20 items or keys never fit in 40 characters: spare the work of writing them out.
  if (typeof value === 'object' && value !== null && Object.keys(value).length > 20) return undefined;
  try {
    const json = JSON.stringify(value);
    return json !== undefined && json.length <= 40 ? json : undefined;
  } catch {
    // Nested deeper than the stack allows (a hostile file): it is described by its kind instead.
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(document: unknown, path: readonly PathKey[]): { present: boolean; value: unknown } {
  let node = document;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number' && key < node.length) node = node[key];
    else if (isRecord(node) && typeof key === 'string' && Object.hasOwn(node, key)) node = node[key];
    else return { present: false, value: undefined };
  }
  return { present: true, value: node };
}

/**
 * Where the issue sits in the text, as indices along its path. A missing field sorts at the end
 * of its object (it is noticed at the closing brace); unknown fields sort where the first one is.
 * Object keys come in `Object.keys` order, which is the text's order except that keys that look
 * like array indices come first: close enough for choosing which problem to report.
 */
function documentPosition(issue: Issue, document: unknown): number[] {
  const position: number[] = [];
  let node = document;
  for (const key of issue.path) {
    if (Array.isArray(node) && typeof key === 'number') {
      position.push(key);
      node = node[key];
    } else if (isRecord(node) && typeof key === 'string') {
      const keys = Object.keys(node);
      const index = keys.indexOf(key);
      position.push(index < 0 ? keys.length : index);
      node = index < 0 ? undefined : node[key];
    } else {
      position.push(0);
      node = undefined;
    }
  }
  if (issue.code === 'unrecognized_keys' && isRecord(node)) {
    const keys = Object.keys(node);
    const indices = issue.keys.map((key) => keys.indexOf(key)).filter((index) => index >= 0);
    position.push(indices.length > 0 ? minOf(indices) : keys.length);
  }
  return position;
}

/** Lexicographic; a field's own issue comes before the issues of what it contains. */
function comparePositions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}
