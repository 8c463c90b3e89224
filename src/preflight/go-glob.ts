import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// A port of Go's path/filepath Match and Glob as built for Linux (the CLI's platform), so the
// preflight sees the same files the Databricks CLI will. Matching works on UTF-8 bytes like Go
// does: comparisons, '*' skipping and sort order all follow Go byte for byte.

/** Go's filepath.ErrBadPattern: the CLI fails on such a pattern, so callers must report it. */
export class GlobPatternError extends Error {
  constructor(message = 'syntax error in pattern') {
    super(message);
    this.name = 'GlobPatternError';
  }
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const RUNE_ERROR = 0xfffd;
const NO_MATCH = -1;
const EMPTY = new Uint8Array(0);

// Go's globWithLimit refuses deeper recursion than this (CVE-2022-30632).
const PATH_SEPARATORS_LIMIT = 10000;

const encoder = new TextEncoder();

/** True when Go would treat the pattern as a glob (it contains *, ?, [ or a backslash). */
export function hasGlobMeta(pattern: string): boolean {
  return /[*?[\\]/.test(pattern);
}

/** Go's filepath.Match for one name (no separators in name are matched by * or ?). */
export function matchSegment(pattern: string, name: string): boolean {
  return matchBytes(patternBytes(pattern), utf8(name));
}

/**
 * Go's filepath.Glob of `pattern` taken relative to `root` (an absolute directory). Returns
 * matches as relative paths with forward slashes, in Go's order. `pattern` is relative, uses
 * '/', may contain '.' and '..' segments (clean it like Go's filepath.Join would before matching).
 * Like the CLI's Glob(Join(root, entry)), meta characters in `root` act as pattern too.
 */
export function globRelative(root: string, pattern: string): string[] {
  const cleanRoot = goClean(root);
  const joined = goJoin(root, pattern);
  return glob(joined, 0).map((match) => path.posix.relative(cleanRoot, match) || '.');
}

// ---- Match -------------------------------------------------------------------------------

// Callers match one pattern against many names, so the last pattern's bytes are kept.
let lastPattern = '';
let lastPatternBytes: Uint8Array = EMPTY;

function patternBytes(pattern: string): Uint8Array {
  if (pattern !== lastPattern) {
    lastPatternBytes = utf8(pattern);
    lastPattern = pattern;
  }
  return lastPatternBytes;
}

// UTF-8 bytes; most names are ASCII, which a plain copy handles faster than TextEncoder.
function utf8(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return encoder.encode(text);
    bytes[i] = code;
  }
  return bytes;
}

interface Chunk {
  /** The chunk follows one or more '*'. */
  readonly star: boolean;
  readonly start: number;
  readonly end: number;
}

// Go's Match loop: each chunk is a star-prefixed run of literals, '?' and classes.
function matchBytes(pattern: Uint8Array, name: Uint8Array): boolean {
  let at = 0;
  let position = 0;
  while (at < pattern.length) {
    const chunk = scanChunk(pattern, at);
    at = chunk.end;
    const last = at === pattern.length;

    // A trailing '*' swallows the rest of the name, unless that holds a separator.
    if (chunk.star && chunk.start === chunk.end) return !name.includes(SLASH, position);

    const next = matchChunk(pattern, chunk, name, position);
    if (next !== NO_MATCH && (next === name.length || !last)) {
      position = next;
      continue;
    }

    const skipped = chunk.star ? matchAfterSkip(pattern, chunk, name, position, last) : NO_MATCH;
    if (skipped !== NO_MATCH) {
      position = skipped;
      continue;
    }

    // Go checks the rest of the pattern before it answers "no match".
    validateFrom(pattern, at);
    return false;
  }
  return position === name.length;
}

// Lets the star absorb 1, 2, ... bytes (never a '/') until the chunk matches.
function matchAfterSkip(
  pattern: Uint8Array,
  chunk: Chunk,
  name: Uint8Array,
  position: number,
  last: boolean,
): number {
  for (let i = position; i < name.length && name[i] !== SLASH; i++) {
    const next = matchChunk(pattern, chunk, name, i + 1);
    if (next === NO_MATCH) continue;

    // The last chunk must use up the name, or a longer skip may still do.
    if (last && next < name.length) continue;
    return next;
  }
  return NO_MATCH;
}

function validateFrom(pattern: Uint8Array, at: number): void {
  while (at < pattern.length) {
    const chunk = scanChunk(pattern, at);
    matchChunk(pattern, chunk, EMPTY, 0);
    at = chunk.end;
  }
}

// Go's scanChunk: leading stars, then up to the next '*' outside a class.
function scanChunk(pattern: Uint8Array, at: number): Chunk {
  let star = false;
  while (at < pattern.length && pattern[at] === STAR) {
    at++;
    star = true;
  }

  let inRange = false;
  let i = at;
  for (; i < pattern.length; i++) {
    const byte = pattern[i];
    if (byte === BACKSLASH && i + 1 < pattern.length) i++;
    else if (byte === OPEN) inRange = true;
    else if (byte === CLOSE) inRange = false;
    else if (byte === STAR && !inRange) break;
  }
  return { star, start: at, end: i };
}

// Go's matchChunk: returns where the name continues, or NO_MATCH. Once failed it keeps
// parsing (without reading the name) so a malformed chunk always throws.
function matchChunk(pattern: Uint8Array, chunk: Chunk, name: Uint8Array, position: number) {
  let failed = false;
  let at = chunk.start;
  while (at < chunk.end) {
    if (!failed && position >= name.length) failed = true;
    const byte = pattern[at];

    if (byte === OPEN) {
      let rune = 0;
      if (!failed) {
        const [decoded, size] = decodeRune(name, position, name.length);
        rune = decoded;
        position += size;
      }
      const cls = matchClass(pattern, at + 1, chunk.end, rune);
      at = cls.end;
      if (!cls.matched) failed = true;
      continue;
    }

    if (byte === QUESTION) {
      if (!failed) {
        if (name[position] === SLASH) failed = true;
        position += decodeRune(name, position, name.length)[1];
      }
      at++;
      continue;
    }

    if (byte === BACKSLASH) {
      at++;
      if (at >= chunk.end) throw new GlobPatternError();
    }
    if (!failed) {
      if (pattern[at] !== name[position]) failed = true;
      position++;
    }
    at++;
  }
  return failed ? NO_MATCH : position;
}

// A '[...]' class after its '['; `rune` is the name's next character (0 once failed).
function matchClass(pattern: Uint8Array, at: number, end: number, rune: number) {
  let negated = false;
  if (at < end && pattern[at] === CARET) {
    negated = true;
    at++;
  }

  let matched = false;
  for (let ranges = 0; ; ranges++) {
    if (at < end && pattern[at] === CLOSE && ranges > 0) {
      return { end: at + 1, matched: matched !== negated };
    }

    const [lo, afterLo] = classChar(pattern, at, end);
    let hi = lo;
    at = afterLo;
    if (pattern[at] === DASH) [hi, at] = classChar(pattern, at + 1, end);

    if (lo <= rune && rune <= hi) matched = true;
  }
}

// Go's getEsc: one (possibly escaped) class character, which must not end the chunk.
function classChar(pattern: Uint8Array, at: number, end: number): [number, number] {
  if (at >= end || pattern[at] === DASH || pattern[at] === CLOSE) throw new GlobPatternError();
  if (pattern[at] === BACKSLASH) {
    at++;
    if (at >= end) throw new GlobPatternError();
  }

  const [rune, size] = decodeRune(pattern, at, end);
  if (rune === RUNE_ERROR && size === 1) throw new GlobPatternError();
  if (at + size >= end) throw new GlobPatternError();
  return [rune, at + size];
}

// Go's utf8.DecodeRune: [rune, size], with [RUNE_ERROR, 1] for an invalid or cut sequence.
function decodeRune(bytes: Uint8Array, at: number, end: number): [number, number] {
  if (at >= end) return [RUNE_ERROR, 0];
  const b0 = bytes[at] ?? 0;
  if (b0 < 0x80) return [b0, 1];

  const [size, min, max] = leadByte(b0);
  if (size === 0 || at + size > end) return [RUNE_ERROR, 1];

  let rune = b0 & (0x7f >> size);
  for (let i = 1; i < size; i++) {
    const byte = bytes[at + i] ?? 0;
    const low = i === 1 ? min : 0x80;
    const high = i === 1 ? max : 0xbf;
    if (byte < low || byte > high) return [RUNE_ERROR, 1];
    rune = (rune << 6) | (byte & 0x3f);
  }
  return [rune, size];
}

// Sequence length and the allowed range of the second byte (Go's acceptRanges).
function leadByte(b0: number): [number, number, number] {
  if (b0 >= 0xc2 && b0 <= 0xdf) return [2, 0x80, 0xbf];
  if (b0 === 0xe0) return [3, 0xa0, 0xbf];
  if (b0 === 0xed) return [3, 0x80, 0x9f];
  if (b0 >= 0xe1 && b0 <= 0xef) return [3, 0x80, 0xbf];
  if (b0 === 0xf0) return [4, 0x90, 0xbf];
  if (b0 >= 0xf1 && b0 <= 0xf3) return [4, 0x80, 0xbf];
  if (b0 === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}

// ---- Glob --------------------------------------------------------------------------------

// Go's globWithLimit: glob the directory part first, then match names in each directory.
function glob(pattern: string, depth: number): string[] {
  if (depth === PATH_SEPARATORS_LIMIT) throw new GlobPatternError();

  // Go validates the whole pattern first, so a bad pattern fails even if nothing exists.
  matchSegment(pattern, '');

  if (!hasGlobMeta(pattern)) return exists(pattern) ? [pattern] : [];

  const cut = pattern.lastIndexOf('/') + 1;
  const dir = cleanGlobPath(pattern.slice(0, cut));
  const file = pattern.slice(cut);
  if (!hasGlobMeta(dir)) return globDirectory(dir, file, []);

  if (dir === pattern) throw new GlobPatternError();

  const matches: string[] = [];
  for (const directory of glob(dir, depth + 1)) globDirectory(directory, file, matches);
  return matches;
}

// Go's cleanGlobPath: the directory part of Split without its trailing separator.
function cleanGlobPath(dir: string): string {
  if (dir === '') return '.';
  if (dir === '/') return dir;
  return dir.slice(0, -1);
}

// Go's glob: appends the sorted names in dir that match; I/O errors mean no matches.
function globDirectory(dir: string, pattern: string, matches: string[]): string[] {
  if (!isDirectory(dir)) return matches;

  let names: Buffer[];
  try {
    names = readdirSync(dir, { encoding: 'buffer' });
  } catch {
    return matches;
  }

  // Go sorts the names as byte strings.
  names.sort(Buffer.compare);

  const compiled = patternBytes(pattern);
  for (const name of names) {
    if (matchBytes(compiled, name)) matches.push(joinName(dir, name.toString('utf8')));
  }
  return matches;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

// Go uses Lstat here, so a dangling symlink still counts.
function exists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

// Go's Join(dir, name) for a clean dir and a plain directory entry.
function joinName(dir: string, name: string): string {
  if (dir === '.') return name;
  if (dir.endsWith('/')) return dir + name;
  return `${dir}/${name}`;
}

// Go's filepath.Join: empty elements are dropped, then the result is cleaned.
function goJoin(...elements: string[]): string {
  const present = elements.filter((element) => element !== '');
  return present.length === 0 ? '' : goClean(present.join('/'));
}

// Go's filepath.Clean: lexical, so '..' backs out of the previous segment even via symlinks.
function goClean(input: string): string {
  if (input === '') return '.';

  const rooted = input.startsWith('/');
  const segments: string[] = [];
  for (const segment of input.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else if (!rooted) segments.push('..');
  }

  const body = segments.join('/');
  if (rooted) return `/${body}`;
  return body === '' ? '.' : body;
}
