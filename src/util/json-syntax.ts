/**
 * Where JSON that JSON.parse refused goes wrong, as a line and column with the fault in words:
 * `edition.json:3:5: error invalid-json: expected a property name in double quotes`. JSON.parse
 * says only "at position 14", and not even that for some faults (`Unexpected token '}', "…" is
 * not valid JSON`), in words that change between Node versions. So the text is read again by a
 * small scanner of RFC 8259's grammar that stops at the first fault: the same verdict as
 * JSON.parse, for the price of reading a small file twice when it is broken.
 */

export interface JsonFault {
  /** 1-based. */
  line: number;
  /** 1-based, in characters of the line. */
  column: number;
  message: string;
}

class Fault extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

/** What is at `i` as a message names it: a word whole (`tru`, `None`), else one character. */
function shown(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  WORD.lastIndex = i;
  const word = WORD.exec(text)?.[0];
  if (word) return `'${word}'`;
  const c = text.codePointAt(i)!;
  if (c === 0x27) return '"\'"';
  return c > 0x20 && c < 0x7f ? `'${String.fromCodePoint(c)}'` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

const WORD = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const VALUE = 'a value (a string in double quotes, a number, an object, an array, true, false or null)';

/** Told where each value starts (and, for an object's member, where its name starts): offsets. */
type OnValue = (pointer: string, at: number, nameAt: number | undefined) => void;

/** A JSON Pointer's reference token for a property name (RFC 6901: ~ as ~0, / as ~1). */
export const pointerToken = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

function scan(text: string, onValue?: OnValue): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (message: string, at = i): never => {
    throw new Fault(at, message);
  };
  const string = () => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail('a string that is never closed (no ending ")', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('a line break or other control character inside a string: write it as \\n, \\t, …');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hexadecimal digits');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(`\\${e ?? ''} is not an escape of JSON (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)`);
        i += 2;
        continue;
      }
      i++;
    }
    i++;
  };
  const number = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    // what follows a number is never more of one: 01, 1., 1e, +1 are not JSON's
    if (!m || /[\d.eE+-]/.test(text[i + m[0].length] ?? '')) fail('not a number of JSON (digits, an optional fraction and exponent; no leading zero, no "+")');
    i += m![0].length;
  };
  const value = (pointer: string, nameAt?: number): void => {
    ws();
    onValue?.(pointer, i, nameAt);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? "a ',' before '}': JSON allows no comma after the last property" : `expected a property name in double quotes, found ${shown(text, i)}`);
        const name = i;
        string();
        // the name as JSON.parse reads it (escapes undone), only when positions are asked for
        const member = onValue ? `${pointer}/${pointerToken(JSON.parse(text.slice(name, i)) as string)}` : '';
        ws();
        if (text[i] !== ':') fail(`expected ':' after the property name, found ${shown(text, i)}`);
        i++;
        value(member, name);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(`expected ',' or '}' after the property's value, found ${shown(text, i)}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']') fail("a ',' before ']': JSON allows no comma after the last element");
        value(`${pointer}/${n}`);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(`expected ',' or ']' after the array's element, found ${shown(text, i)}`);
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`expected ${VALUE}, found ${shown(text, i)}`);
  };
  value('');
  ws();
  if (i < text.length) fail(`unexpected ${shown(text, i)} after the end of the JSON value`);
}

/**
 * The first fault of `text`, which JSON.parse has refused (`error`: its exception, said as it is
 * at the start of the text should the scanner, against expectation, find nothing wrong).
 */
export function jsonFault(text: string, error: unknown): JsonFault {
  try {
    scan(text);
  } catch (err) {
    if (err instanceof Fault) return { ...lineColumns(text)(err.at), message: err.message };
    throw err;
  }
  return { line: 1, column: 1, message: error instanceof Error ? error.message : String(error) };
}

/** Where a value of a JSON text is: its first character, and the name of the member it is the value of. */
export interface JsonPlace {
  /** 1-based line and column of the value's first character (`{`, `"`, a digit, …). */
  line: number;
  column: number;
  /** Of the member's name (its opening `"`), when the value is an object's member. */
  name?: { line: number; column: number };
}

/**
 * Where each value of `text` (JSON that JSON.parse accepted) is, by its JSON Pointer (RFC 6901,
 * as ajv's `instancePath` names it: `/publication/licence/url`, `/witnesses/0`; `''` is the whole
 * text), so that a message about a value can name its line and column. A name given twice in
 * an object is the last one's place, the value JSON.parse keeps. Read by the same scanner as
 * jsonFault; undefined should the text not be JSON after all.
 */
export function jsonPlaces(text: string): Map<string, JsonPlace> | undefined {
  const offsets = new Map<string, { at: number; nameAt: number | undefined }>();
  try {
    scan(text, (pointer, at, nameAt) => offsets.set(pointer, { at, nameAt }));
  } catch (err) {
    if (err instanceof Fault) return undefined;
    throw err;
  }
  const places = new Map<string, JsonPlace>();
  const at = lineColumns(text);
  for (const [pointer, o] of offsets) {
    places.set(pointer, { ...at(o.at), ...(o.nameAt === undefined ? {} : { name: at(o.nameAt) }) });
  }
  return places;
}

/** The 1-based line and column of code-unit offsets of one text: the lines' starts found once. */
function lineColumns(text: string): (at: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: [...text.slice(starts[lo], at)].length + 1 };
  };
}
