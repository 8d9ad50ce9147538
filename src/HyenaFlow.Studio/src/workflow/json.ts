/**
 * JSON values as the Studio edits them. Numbers whose text would not survive a JavaScript round trip (1.0, 1e3)
 * stay as RawNumber so a save writes back the text that was read, as the server's CanonicalJson does.
 */
export class RawNumber {
  constructor(readonly text: string) {}
  valueOf(): number {
    return Number(this.text);
  }
}

export type Json = null | boolean | number | string | RawNumber | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Arrays of scalars that the file wrote one element per line; kept so an unchanged file saves byte for byte. */
export const multiLineArrays = new WeakSet<Json[]>();

/** String texts written with escapes the canonical style would not use (\u2026 for …), by value, for the same reason. */
const escapedTexts = new Map<string, string>();

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawNumber);
}

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

/** Parses JSON text, remembering multi-line scalar arrays and number texts. */
export function parseJson(text: string): Json {
  let at = 0;
  const fail = (message: string): never => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    throw new JsonSyntaxError(message, line, at - before.lastIndexOf('\n'));
  };
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at])) at++;
  };
  const literal = (word: string, value: Json): Json => {
    if (text.startsWith(word, at)) {
      at += word.length;
      return value;
    }
    return fail(`unexpected '${text[at] ?? 'end of text'}'`);
  };
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) fail('unterminated string');
    at++;
    const raw = text.slice(start, at);
    const value = JSON.parse(raw) as string;
    if (canonicalQuote(value) !== raw) escapedTexts.set(value, raw);
    return value;
  };
  const number = (): number | RawNumber => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at));
    if (!match) return fail('bad number');
    at += match[0].length;
    const value = Number(match[0]);
    return String(value) === match[0] ? value : new RawNumber(match[0]);
  };
  const value = (): Json => {
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      const obj: JsonObject = {};
      space();
      if (text[at] === '}') {
        at++;
        return obj;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail('expected a property name');
        const key = string();
        space();
        if (text[at] !== ':') fail("expected ':'");
        at++;
        obj[key] = value();
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === '}') {
          at++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      const start = at;
      at++;
      const array: Json[] = [];
      space();
      if (text[at] === ']') {
        at++;
        return array;
      }
      for (;;) {
        array.push(value());
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ']') {
          at++;
          if (array.every(isScalar) && text.slice(start, at).includes('\n')) multiLineArrays.add(array);
          return array;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    return number();
  };
  const result = value();
  space();
  if (at < text.length) fail('unexpected text after the value');
  return result;
}

function isScalar(value: Json): boolean {
  return !Array.isArray(value) && !isObject(value);
}

/** A scalar as System.Text.Json's relaxed encoder writes it (non-ASCII kept, \u escapes in upper case). */
export function scalarText(value: Json): string {
  if (value instanceof RawNumber) return value.text;
  if (typeof value === 'string') return quote(value);
  return JSON.stringify(value);
}

function quote(text: string): string {
  return escapedTexts.get(text) ?? canonicalQuote(text);
}

function canonicalQuote(text: string): string {
  return JSON.stringify(text)
    .replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`)
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The canonical style of CanonicalJson.cs: 2-space indent, scalar arrays on one line, LF, final newline. */
export function writeCanonical(value: Json): string {
  return write(value, 0) + '\n';
}

function write(value: Json, depth: number): string {
  const indent = (d: number) => '  '.repeat(d);
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const members = keys.map((k) => `${indent(depth + 1)}${quote(k)}: ${write(value[k], depth + 1)}`);
    return `{\n${members.join(',\n')}\n${indent(depth)}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.some((e) => !isScalar(e)) || multiLineArrays.has(value)) {
      const elements = value.map((e) => indent(depth + 1) + write(e, depth + 1));
      return `[\n${elements.join(',\n')}\n${indent(depth)}]`;
    }
    return `[${value.map(scalarText).join(', ')}]`;
  }
  return scalarText(value);
}
