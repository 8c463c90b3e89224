import { readFileSync, statSync, type Stats } from 'node:fs';

import {
  CORE_SCHEMA,
  EVENT_ID,
  YAMLException,
  constructFromEvents,
  getScalarValue,
  mergeTag,
  parseEvents,
  SCALAR_STYLE,
  type AliasEvent,
  type DocumentEvent,
  type Event,
  type ScalarEvent,
  type Schema,
} from 'js-yaml';

import { ActionError } from '../errors.js';
import { reorderMergeSequences } from './merge-order.js';

/** A path into a document: mapping keys and sequence indexes, from the root. */
export type ConfigPath = readonly (string | number)[];

export interface ConfigFile {
  /** Path of the file relative to the bundle root, with forward slashes (as the caller gave). */
  readonly relativePath: string;
  /** The document as js-yaml constructs it; null for an empty document. */
  readonly value: unknown;
  /**
   * 1-based line for `path`: for a mapping entry, the line of its key; for a sequence item,
   * the line where the item starts. When `path` has no recorded position (e.g. it came through a
   * merge key or an alias), the nearest ancestor's line; 1 when nothing is known.
   */
  lineOf(path: ConfigPath): number;
}

/**
 * A configuration file that cannot be read; carries the file and, when known, the line. The
 * message starts with `file:line:` (or `file:`), says what is wrong and what to do, so it can
 * be shown as it is, like any other ActionError.
 */
export class ConfigFileError extends ActionError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, problem: string, fix: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}. ${fix}`);
    this.file = file;
    this.line = line;
  }
}

export const MAX_CONFIG_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_CONFIG_VALUES = 2_000_000;

// The parser's own default; a document that reaches it through aliases is refused the same way.
const MAX_NESTING_DEPTH = 100;

// Far above what a real bundle uses, low enough that constructing stays fast. Aliases are cheap
// to construct (js-yaml shares the object), so their expansion is bounded by MAX_CONFIG_VALUES.
const MAX_ALIASES = 100_000;
const MAX_MERGE_KEYS = 250_000;

// Go's yaml.v3, which the Databricks CLI uses, resolves `<<` merge keys; CORE_SCHEMA alone not.
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

const MERGE_TAGS = new Set(['!!merge', '!<tag:yaml.org,2002:merge>']);

/** Parses text already in memory. */
export function parseConfigFile(relativePath: string, text: string): ConfigFile {
  refuseNulCharacters(relativePath, text);

  const events = parseYamlEvents(relativePath, text);
  refuseSecondDocument(relativePath, text, events);

  const value = constructValue(relativePath, text, events);
  refuseExpansionBeyondLimits(relativePath, events, value);

  const positions = indexPositions(text, events);
  let lines: LineTable | undefined;
  return {
    relativePath,
    value,
    lineOf(path: ConfigPath): number {
      const offset = positions.offsetOf(path);
      if (offset === undefined) return 1;

      // Most files are loaded for their values only, so the line table is built on first use.
      lines ??= new LineTable(text);
      return lines.lineAt(offset);
    },
  };
}

/** Reads and parses a file, refusing one larger than MAX_CONFIG_FILE_BYTES before reading it. */
export function readConfigFile(absolutePath: string, relativePath: string): ConfigFile {
  const bytes = readBoundedFile(absolutePath, relativePath);
  const text = decodeUtf8(relativePath, bytes);
  return parseConfigFile(relativePath, text);
}

// ---------------------------------------------------------------------------------------------
// Reading bytes from disk

function readBoundedFile(absolutePath: string, relativePath: string): Buffer {
  // Stat first: a FIFO or device would block or never end, and a huge file should not be read
  // into memory only to be refused.
  const stats = statOrRefuse(absolutePath, relativePath);
  if (!stats.isFile()) {
    throw new ConfigFileError(
      relativePath,
      undefined,
      'the path is not a regular file',
      'Point the bundle configuration at a YAML file.',
    );
  }
  refuseOversize(relativePath, stats.size);

  const bytes = readOrRefuse(absolutePath, relativePath);

  // The file may have grown between stat and read.
  refuseOversize(relativePath, bytes.length);
  return bytes;
}

function statOrRefuse(absolutePath: string, relativePath: string): Stats {
  try {
    return statSync(absolutePath);
  } catch (error) {
    throw unreadableFile(relativePath, error);
  }
}

function readOrRefuse(absolutePath: string, relativePath: string): Buffer {
  try {
    return readFileSync(absolutePath);
  } catch (error) {
    throw unreadableFile(relativePath, error);
  }
}

function refuseOversize(relativePath: string, size: number): void {
  if (size <= MAX_CONFIG_FILE_BYTES) return;
  throw new ConfigFileError(
    relativePath,
    undefined,
    `the file is ${formatMebibytes(size)} (${count(size)} bytes), larger than the ` +
      `${formatMebibytes(MAX_CONFIG_FILE_BYTES)} limit for a bundle configuration file`,
    'Split it into smaller files listed under `include` in databricks.yml.',
  );
}

function formatMebibytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  return `${Number.isInteger(mebibytes) ? mebibytes : mebibytes.toFixed(1)} MiB`;
}

// Only the error code is used: the raw message repeats the absolute runner path.
const UNREADABLE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'does not exist (a parent is not a folder)',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: permission denied',
  EISDIR: 'is a folder, not a file',
  ELOOP: 'cannot be read: too many symbolic links',
};

function unreadableFile(relativePath: string, error: unknown): ConfigFileError {
  const code = errorCode(error);
  const reason = UNREADABLE_REASONS[code] ?? `cannot be read (${code})`;
  return new ConfigFileError(
    relativePath,
    undefined,
    `the file ${reason}`,
    'Check that the file is in the checkout and readable by the runner.',
  );
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

function decodeUtf8(relativePath: string, bytes: Buffer): string {
  // Checked on the bytes first: UTF-16 and binary files are full of NUL bytes, and "binary" is
  // the more useful explanation than "invalid UTF-8".
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw nulCharacter(relativePath, bytes.subarray(0, nul).toString('latin1'));

  try {
    // `fatal` refuses invalid sequences instead of replacing them with U+FFFD; a leading BOM is
    // dropped, as YAML allows.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigFileError(
      relativePath,
      undefined,
      'the file is not valid UTF-8 text',
      'Save it as UTF-8.',
    );
  }
}

function refuseNulCharacters(relativePath: string, text: string): void {
  const index = text.indexOf('\0');
  if (index !== -1) throw nulCharacter(relativePath, text.slice(0, index));
}

/** `before` is the text up to the NUL character, to tell its line. */
function nulCharacter(relativePath: string, before: string): ConfigFileError {
  return new ConfigFileError(
    relativePath,
    new LineTable(before).lineAt(before.length),
    'the file contains a NUL character, so it is binary or not UTF-8 text (e.g. UTF-16)',
    'Point the bundle configuration at a YAML file saved as UTF-8.',
  );
}

// ---------------------------------------------------------------------------------------------
// Parsing and constructing with js-yaml

function parseYamlEvents(relativePath: string, text: string): Event[] {
  try {
    return parseEvents(text, { filename: relativePath, maxDepth: MAX_NESTING_DEPTH });
  } catch (error) {
    throw yamlError(relativePath, error);
  }
}

function constructValue(relativePath: string, text: string, events: Event[]): unknown {
  try {
    const documents = constructFromEvents(reorderMergeSequences(text, events), {
      source: text,
      filename: relativePath,
      schema: SCHEMA,
      maxAliases: MAX_ALIASES,
      maxTotalMergeKeys: MAX_MERGE_KEYS,
    });
    // No document at all (empty or comment-only file) is an empty document.
    return documents[0] ?? null;
  } catch (error) {
    throw yamlError(relativePath, error);
  }
}

interface Explanation {
  readonly problem: string;
  readonly fix: string;
}

// js-yaml reasons that are limits or inputs we name ourselves; anything else is a syntax error.
const KNOWN_REASONS: readonly (readonly [RegExp, Explanation])[] = [
  [
    /maxDepth/,
    {
      problem: `the document is nested too deeply (the limit is ${MAX_NESTING_DEPTH} levels)`,
      fix: 'Flatten the structure; a bundle configuration needs only a few levels.',
    },
  ],
  [
    /maxAliases/,
    {
      problem: `the document uses more than ${count(MAX_ALIASES)} YAML aliases (*name)`,
      fix: 'Write the values out or split the file.',
    },
  ],
  [
    /maxTotalMergeKeys/,
    {
      problem: `YAML merge keys (<<) copy more than ${count(MAX_MERGE_KEYS)} keys`,
      fix: 'Use fewer merge keys or smaller anchored mappings.',
    },
  ],
  [
    /null byte/,
    {
      problem: 'the file contains a NUL character, so it is binary or not UTF-8 text',
      fix: 'Point the bundle configuration at a YAML file saved as UTF-8.',
    },
  ],
];

function yamlError(relativePath: string, error: unknown): ConfigFileError {
  if (!(error instanceof YAMLException)) {
    // Not expected from js-yaml; still no raw exception for the user, but a hint for a report.
    const kind = error instanceof Error ? error.name : typeof error;
    return new ConfigFileError(
      relativePath,
      undefined,
      `the YAML parser failed on this file (${kind})`,
      'Check that the file is valid YAML; if it is, report this problem.',
    );
  }

  const line = error.mark === undefined ? undefined : error.mark.line + 1;
  const reason = oneSentence(error.reason);
  const explanation = knownExplanation(reason) ?? syntaxError(reason, line);
  return new ConfigFileError(relativePath, line, explanation.problem, explanation.fix);
}

function knownExplanation(reason: string): Explanation | undefined {
  return KNOWN_REASONS.find(([pattern]) => pattern.test(reason))?.[1];
}

function syntaxError(reason: string, line: number | undefined): Explanation {
  const where = line === undefined ? 'in this file' : 'at that line';
  return { problem: `YAML syntax error: ${reason}`, fix: `Fix the YAML ${where}.` };
}

/** A reason on one line, without a final period, to be placed inside our own sentence. */
function oneSentence(reason: string): string {
  return reason.replace(/\s+/g, ' ').trim().replace(/\.$/, '') || 'unknown problem';
}

// ---------------------------------------------------------------------------------------------
// One document only

function refuseSecondDocument(relativePath: string, text: string, events: Event[]): void {
  const [first, second] = documentStarts(events);
  if (first === undefined || second === undefined) return;

  const offset = secondDocumentOffset(text, events, first, second);
  throw new ConfigFileError(
    relativePath,
    offset === undefined ? undefined : new LineTable(text).lineAt(offset),
    'the file holds more than one YAML document (a second one starts here)',
    'Remove the `---` separator or move the second document into a file of its own.',
  );
}

interface DocumentStart {
  readonly index: number;
  readonly event: DocumentEvent;
}

/** The first two documents, which is all a check for "more than one" needs. */
function documentStarts(events: Event[]): DocumentStart[] {
  const starts: DocumentStart[] = [];
  for (let index = 0; index < events.length && starts.length < 2; index++) {
    const event = events[index];
    if (event?.type === EVENT_ID.DOCUMENT) starts.push({ index, event });
  }
  return starts;
}

/**
 * Document events carry no offset. A document with an explicit start owns a `---` marker at the
 * start of a line (YAML forbids one anywhere else at column 0), so the second document's marker
 * is the first or second one in the text; a bare document starts at its first node.
 */
function secondDocumentOffset(
  text: string,
  events: Event[],
  first: DocumentStart,
  second: DocumentStart,
): number | undefined {
  if (second.event.explicitStart) {
    return nthDocumentMarker(text, first.event.explicitStart ? 1 : 0);
  }

  for (let index = second.index + 1; index < events.length; index++) {
    const event = events[index];
    const offset = event === undefined ? undefined : nodeOffset(event);
    if (offset !== undefined) return offset;
  }
  return undefined;
}

function nthDocumentMarker(text: string, n: number): number | undefined {
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let seen = 0; ; seen++) {
    const match = marker.exec(text);
    if (match === null) return undefined;
    if (seen === n) return match.index;
  }
}

// ---------------------------------------------------------------------------------------------
// Alias expansion

interface Expansion {
  /** Values the node stands for once every alias is written out, itself included. */
  readonly values: number;
  /** Collections nested in the node once every alias is written out, itself included. */
  readonly depth: number;
}

interface MeasureFrame {
  readonly node: object;
  readonly children: readonly unknown[];
  next: number;
  values: number;
  depth: number;
}

const SCALAR_EXPANSION: Expansion = { values: 1, depth: 0 };
const RECURSIVE = Symbol('recursive alias');

/**
 * Refuses a value too big or too deep for the checks that walk it. js-yaml shares one object
 * between an anchor and its aliases, so a "billion laughs" document is small in memory but
 * huge for anything that walks it.
 */
function refuseExpansionBeyondLimits(relativePath: string, events: Event[], value: unknown): void {
  const hasAliases = events.some((event) => event.type === EVENT_ID.ALIAS);

  // Without aliases the value is a tree with at most one value per event, and the parser has
  // already bounded its depth: the common case needs no second walk.
  if (!hasAliases && events.length <= MAX_CONFIG_VALUES) return;

  const expansion = measureExpansion(value);
  if (expansion === RECURSIVE) throw recursiveAlias(relativePath);
  if (expansion.values > MAX_CONFIG_VALUES) throw tooManyValues(relativePath, hasAliases);
  if (expansion.depth >= MAX_NESTING_DEPTH) throw tooDeepThroughAliases(relativePath);
}

/**
 * Memoised by object identity, so each distinct node is visited once however often aliases
 * repeat it; iterative, because aliases can nest far deeper than the parser's depth limit.
 * Stops at the first node beyond a limit and returns that node's expansion.
 */
function measureExpansion(value: unknown): Expansion | typeof RECURSIVE {
  if (!isCollection(value)) return SCALAR_EXPANSION;

  // null marks a collection still being measured: meeting it again means it contains itself.
  const measured = new Map<object, Expansion | null>();
  const stack: MeasureFrame[] = [startMeasuring(value, measured)];
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      const known = isCollection(child) ? measured.get(child) : SCALAR_EXPANSION;
      if (known === null) return RECURSIVE;
      if (known === undefined) stack.push(startMeasuring(child as object, measured));
      else addExpansion(frame, known);
      if (frame.values > MAX_CONFIG_VALUES) return frame;
      continue;
    }

    stack.pop();
    const expansion = { values: frame.values, depth: frame.depth + 1 };
    if (expansion.depth >= MAX_NESTING_DEPTH) return expansion;
    measured.set(frame.node, expansion);

    const parent = stack.at(-1);
    if (parent === undefined) return expansion;
    addExpansion(parent, expansion);
    if (parent.values > MAX_CONFIG_VALUES) return parent;
  }
  return SCALAR_EXPANSION; // not reached: the root's frame returns when it closes
}

/** A number with thousands separators, for messages. */
function count(value: number): string {
  return value.toLocaleString('en-US');
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function startMeasuring(node: object, measured: Map<object, Expansion | null>): MeasureFrame {
  measured.set(node, null);
  const children = Array.isArray(node) ? node : Object.values(node);
  return { node, children, next: 0, values: 1, depth: 0 };
}

function addExpansion(frame: MeasureFrame, child: Expansion): void {
  frame.values += child.values;
  frame.depth = Math.max(frame.depth, child.depth);
}

function tooManyValues(relativePath: string, hasAliases: boolean): ConfigFileError {
  const limit = `more than ${count(MAX_CONFIG_VALUES)} values`;
  if (!hasAliases) {
    return new ConfigFileError(
      relativePath,
      undefined,
      `the document holds ${limit}, far more than a bundle needs`,
      'Split it into smaller files listed under `include` in databricks.yml.',
    );
  }
  return new ConfigFileError(
    relativePath,
    undefined,
    `the document holds ${limit} once its YAML aliases (*name) are expanded, far more than a ` +
      'bundle needs (nested aliases that multiply like this are an "alias bomb")',
    'Write the values out or use fewer nested aliases.',
  );
}

function tooDeepThroughAliases(relativePath: string): ConfigFileError {
  return new ConfigFileError(
    relativePath,
    undefined,
    `the document is nested too deeply once YAML aliases (*name) are expanded ` +
      `(the limit is ${MAX_NESTING_DEPTH} levels)`,
    'Flatten the structure or use fewer nested aliases.',
  );
}

function recursiveAlias(relativePath: string): ConfigFileError {
  return new ConfigFileError(
    relativePath,
    undefined,
    'a YAML alias (*name) refers to a collection that contains it, which never ends',
    'Remove the recursive alias.',
  );
}

// ---------------------------------------------------------------------------------------------
// Positions

/** Ids of an entry's children: by key for a mapping, by index for a sequence. */
type ChildIds = Map<string, number> | number[];

/**
 * Where each entry of the document starts. Entries get numeric ids, and each collection keeps
 * its children's ids by key or index, so nothing is keyed by a whole path: there is no path
 * encoding to get wrong, and memory stays linear in the size of the file however deep it nests.
 */
class PositionIndex {
  static readonly ROOT = 0;

  // By id: the offset (-1 when the entry has no position, e.g. an empty value) and children.
  private readonly offsets: number[] = [];
  private readonly children: (ChildIds | undefined)[] = [];

  /** Records an entry and returns its id; the first one recorded is the root. */
  add(offset: number | undefined): number {
    this.offsets.push(offset ?? -1);
    this.children.push(undefined);
    return this.offsets.length - 1;
  }

  /** Gives entry `id` its table of children, which the walk then fills. */
  setChildren<Table extends ChildIds>(id: number, table: Table): Table {
    this.children[id] = table;
    return table;
  }

  /** Offset of the path, else of its nearest ancestor that has one; undefined if none has. */
  offsetOf(path: ConfigPath): number | undefined {
    let id: number | undefined = PositionIndex.ROOT;
    let offset = this.knownOffset(id);
    for (const segment of path) {
      id = childId(this.children[id], segment);
      if (id === undefined) break;
      offset = this.knownOffset(id) ?? offset;
    }
    return offset;
  }

  private knownOffset(id: number): number | undefined {
    const offset = this.offsets[id];
    return offset === undefined || offset < 0 ? undefined : offset;
  }
}

/** Accepts "1" for a sequence index and 1 for a mapping key, as the value's own keys would. */
function childId(children: ChildIds | undefined, segment: string | number): number | undefined {
  if (children === undefined) return undefined;
  if (children instanceof Map) return children.get(String(segment));
  const index = typeof segment === 'number' ? segment : sequenceIndex(segment);
  return children[index];
}

function sequenceIndex(segment: string): number {
  return /^(?:0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1;
}

/** What a mapping expects next: a key, the value of the entry with this id, or a merge source. */
type Awaiting = typeof KEY | typeof MERGE | number;
const KEY = Symbol('key');

type WalkFrame =
  | { readonly kind: 'sequence'; readonly items: number[] }
  | { readonly kind: 'mapping'; readonly keys: Map<string, number>; awaiting: Awaiting };

/**
 * One walk over the events the value was constructed from. It runs after constructFromEvents,
 * so the events are known to be one well-formed document with scalar keys and no duplicates.
 */
function indexPositions(text: string, events: Event[]): PositionIndex {
  const walk = new PositionWalk(text, events);
  for (const event of events) walk.visit(event);
  return walk.index;
}

class PositionWalk {
  readonly index = new PositionIndex();
  private readonly keys: KeyResolver;
  private readonly stack: WalkFrame[] = [];
  // Collections still open inside a subtree that has no entries of its own (a merge source).
  private skipDepth = 0;

  constructor(text: string, events: Event[]) {
    this.keys = new KeyResolver(text, events);
  }

  visit(event: Event): void {
    this.keys.remember(event);
    if (event.type === EVENT_ID.DOCUMENT) return;

    const opensCollection = event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE;
    if (this.skipDepth > 0) {
      if (opensCollection) this.skipDepth++;
      else if (event.type === EVENT_ID.POP) this.skipDepth--;
      return;
    }
    if (event.type === EVENT_ID.POP) {
      this.stack.pop();
      return;
    }

    const entry = this.place(event);
    if (!opensCollection) return;

    // Merged keys land in the parent mapping only where not overridden, and merged values have
    // no place of their own: the ancestor's line is the honest answer for them.
    if (entry === undefined) this.skipDepth = 1;
    else if (event.type === EVENT_ID.MAPPING) this.enterMapping(entry);
    else this.enterSequence(entry);
  }

  /** Records the node as an entry and returns its id, or undefined for a key or merge source. */
  private place(event: Event): number | undefined {
    const parent = this.stack.at(-1);
    if (parent === undefined) return this.index.add(nodeOffset(event));

    if (parent.kind === 'sequence') {
      const id = this.index.add(nodeOffset(event));
      parent.items.push(id);
      return id;
    }

    const awaiting = parent.awaiting;
    if (awaiting === KEY) {
      parent.awaiting = this.placeKey(parent.keys, event);
      return undefined;
    }
    parent.awaiting = KEY;
    return awaiting === MERGE ? undefined : awaiting;
  }

  private placeKey(keys: Map<string, number>, event: Event): Awaiting {
    // A collection as key is refused by js-yaml before we get here; its value is skipped.
    const key =
      event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.ALIAS
        ? this.keys.resolve(event)
        : undefined;
    if (key === undefined || key === MERGE) return MERGE;

    const id = this.index.add(nodeOffset(event));
    keys.set(key, id);
    return id;
  }

  private enterMapping(id: number): void {
    const keys = this.index.setChildren(id, new Map<string, number>());
    this.stack.push({ kind: 'mapping', keys, awaiting: KEY });
  }

  private enterSequence(id: number): void {
    const items = this.index.setChildren(id, []);
    this.stack.push({ kind: 'sequence', items });
  }
}

/** Where a node starts: its tag or anchor if it has one before the content. */
function nodeOffset(event: Event): number | undefined {
  let offset = -1;
  switch (event.type) {
    case EVENT_ID.SCALAR:
      offset = earliest(event.valueStart, event.anchorStart, event.tagStart);
      break;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      offset = earliest(event.start, event.anchorStart, event.tagStart);
      break;
    case EVENT_ID.ALIAS:
      offset = event.anchorStart;
      break;
  }
  return offset < 0 ? undefined : offset;
}

/** The smallest of three offsets that is present (js-yaml uses -1 for "absent"). */
function earliest(content: number, anchor: number, tag: number): number {
  let result = content;
  if (anchor >= 0 && (result < 0 || anchor < result)) result = anchor;
  if (tag >= 0 && (result < 0 || tag < result)) result = tag;
  return result;
}

const MERGE = Symbol('merge key');

/**
 * First characters with which the schema may resolve a plain scalar to something other than a
 * string (null, boolean, number, merge key), from the tags' own dispatch table; undefined when
 * some resolver accepts any first character.
 */
const NON_STRING_FIRST_CHARACTERS = implicitFirstCharacters(SCHEMA);

function implicitFirstCharacters(schema: Schema): ReadonlySet<string> | undefined {
  const characters = new Set<string>();
  for (const tag of schema.tags) {
    if (tag.nodeKind !== 'scalar' || !tag.implicit) continue;
    if (tag.implicitFirstChars === null) return undefined;
    for (const character of tag.implicitFirstChars) characters.add(character);
  }
  return characters;
}

/** Untagged quoted and block scalars, and plain ones no implicit tag can match. */
function isStringAsWritten(key: ScalarEvent, tag: string, source: string): boolean {
  if (tag !== '') return false;
  if (key.style !== SCALAR_STYLE.PLAIN) return true;
  return NON_STRING_FIRST_CHARACTERS?.has(source.charAt(0)) === false;
}

/**
 * The string a mapping key becomes in the constructed object. js-yaml resolves plain and tagged
 * scalars by the schema (`1`, `0x1`, `true`, `~`) and then turns the value into a string;
 * resolving each such key through constructFromEvents itself keeps both in agreement. Keys
 * repeat a lot (name, task_key), so results are cached by their source form.
 */
class KeyResolver {
  private readonly document: DocumentEvent;
  private readonly anchoredScalars = new Map<string, ScalarEvent>();
  private readonly resolved = new Map<string, string | typeof MERGE>();

  constructor(
    private readonly text: string,
    events: Event[],
  ) {
    const first = events.find((event) => event.type === EVENT_ID.DOCUMENT);
    this.document = first ?? {
      type: EVENT_ID.DOCUMENT,
      explicitStart: false,
      explicitEnd: false,
      directives: [],
    };
  }

  /** Keeps anchored scalars, which an alias may later use as a key (`*name : value`). */
  remember(event: Event): void {
    if (event.type !== EVENT_ID.SCALAR || event.anchorStart < 0) return;
    this.anchoredScalars.set(this.text.slice(event.anchorStart, event.anchorEnd), event);
  }

  resolve(key: ScalarEvent | AliasEvent): string | typeof MERGE | undefined {
    if (key.type === EVENT_ID.ALIAS) {
      const anchored = this.anchoredScalars.get(this.text.slice(key.anchorStart, key.anchorEnd));
      return anchored === undefined ? undefined : this.resolve(anchored);
    }

    const source = getScalarValue(this.text, key);
    const tag = key.tagStart < 0 ? '' : this.text.slice(key.tagStart, key.tagEnd);

    // Most keys are strings as written; asking js-yaml costs far more than the check.
    if (isStringAsWritten(key, tag, source)) return source;

    const cacheKey = `${tag} ${source}`;
    let result = this.resolved.get(cacheKey);
    if (result === undefined) {
      result = this.construct(key, tag, source);
      this.resolved.set(cacheKey, result);
    }
    return result;
  }

  private construct(key: ScalarEvent, tag: string, source: string): string | typeof MERGE {
    if (MERGE_TAGS.has(tag) || (tag === '' && source === '<<')) return MERGE;
    const [value] = constructFromEvents([this.document, key, { type: EVENT_ID.POP }], {
      source: this.text,
      schema: SCHEMA,
    });
    return String(value);
  }
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Offsets where lines start, for offset to line by binary search. Breaks as YAML counts them. */
class LineTable {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++;
      if (code === 0x0a || code === 0x0d) this.starts.push(index + 1);
    }
  }

  /** 1-based line of a 0-based offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}
