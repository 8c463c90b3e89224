import { existsSync } from 'node:fs';
import path from 'node:path';

import { readCheckoutText } from './checkout-file.js';
import type { ConfigPath } from './config-file.js';
import { pipItems, type PipItem } from './dependencies.js';
import { at, checkLocation, type ReachContext, type Where } from './reach-context.js';
import type { Fragment } from './targets.js';
import { isInterpolated } from './values.js';

// Far above any real requirements file; a larger one (or a FIFO) is not read at all.
const MAX_REQUIREMENTS_BYTES = 1024 * 1024;
// pip follows -r inside -r; so does this check, to a depth no real project needs.
const MAX_NESTING = 5;

interface PipLine {
  readonly text: string;
  readonly where: Where;
}

/** A job or pipeline environment's `dependencies`: each entry is one pip requirement line. */
export function checkDependencyList(
  entries: readonly unknown[],
  fragment: Fragment,
  listPath: ConfigPath,
  context: ReachContext,
): void {
  const lines = entries.flatMap((entry, index) =>
    typeof entry === 'string' ? [{ text: entry, where: at(fragment, [...listPath, index]) }] : [],
  );
  const folder = path.posix.dirname(fragment.file.relativePath);
  checkPipLines(lines, folder, 'environment dependency', context, new Set(), 0, false);
}

/**
 * A `requirements:` library (or an app's requirements.txt, which may be absent): the file is
 * read here when it is in the checkout.
 */
export function checkRequirementsLibrary(
  value: string,
  fragment: Fragment,
  configPath: ConfigPath,
  context: ReachContext,
  optional = false,
): void {
  const where = at(fragment, configPath);
  const folder = path.posix.dirname(fragment.file.relativePath);
  if (optional && !existsSync(path.resolve(context.bundlePath, folder, value))) return;
  const item: PipItem = { kind: 'nested', flag: 'requirements:', path: value };
  checkNested(item, folder, where, context, new Set(), 0, false);
}

/**
 * Lines of one pip input. Package names are fine when the same input sets an internal index
 * with -i/--index-url (pip then looks nowhere else); every other index is checked on its own.
 */
function checkPipLines(
  lines: readonly PipLine[],
  folder: string,
  what: string,
  context: ReachContext,
  seen: Set<string>,
  depth: number,
  inheritedIndex: boolean,
): void {
  const parsed = lines.map((line) => ({ where: line.where, items: pipItems(line.text) }));
  // pip's index options hold for the whole install, nested requirement files included.
  const internalIndex =
    inheritedIndex ||
    parsed.some(({ items }) =>
      items.some(
        (item) =>
          item.kind === 'index' &&
          (item.flag === '-i' || item.flag === '--index-url') &&
          context.internal.includesUrl(item.url),
      ),
    );

  for (const { where, items } of parsed) {
    for (const item of items) {
      if (item.kind === 'index') {
        checkLocation(
          item.url,
          'package-index',
          `The ${what} ${item.flag} fetches from`,
          where,
          context,
        );
      } else if (item.kind === 'url') {
        checkLocation(
          item.url,
          'direct-url',
          `The ${what} ${item.text} is fetched from`,
          where,
          context,
        );
      } else if (item.kind === 'nested') {
        checkNested(item, folder, where, context, seen, depth, internalIndex);
      } else if (item.kind === 'package' && !internalIndex) {
        packageFinding(item.name, what, where, context);
      }
    }
  }
}

function packageFinding(name: string, what: string, where: Where, context: ReachContext): void {
  context.findings.add(
    'package-name',
    'policy',
    `The ${what} ${name} is a package name: the cluster installs it from the default pip ` +
      'index (PyPI unless a workspace admin set a default repository). Add "--index-url ' +
      '<internal mirror>" to the same list or file and name its host in internal-hosts, or ' +
      'ship a vetted wheel.',
    where,
  );
}

function checkNested(
  item: Extract<PipItem, { kind: 'nested' }>,
  folder: string,
  where: Where,
  context: ReachContext,
  seen: Set<string>,
  depth: number,
  internalIndex: boolean,
): void {
  const value = item.path.trim();
  if (isInterpolated(value)) return;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^file:/i.test(value)) {
    checkLocation(
      value,
      'direct-url',
      `The requirements file ${value} is fetched from`,
      where,
      context,
    );
    return;
  }
  if (value.startsWith('/') || /^dbfs:/i.test(value)) {
    context.findings.add(
      'remote-requirements',
      'policy',
      `The requirements file ${value} is read on the cluster and cannot be checked here; its ` +
        'packages come from the default pip index unless it names an internal one. Ship it ' +
        'in the repository so the pre-flight can read it.',
      where,
    );
    return;
  }

  const relative = path.posix.normalize(path.posix.join(folder, value));
  const text = readRequirements(relative, where, context, seen, depth);
  if (text === undefined) return;
  const lines = logicalLines(text).map(({ text: line, number }) => ({
    text: line,
    where: { file: relative, line: number },
  }));
  const nestedFolder = path.posix.dirname(relative);
  checkPipLines(
    lines,
    nestedFolder,
    `requirements file ${relative} line`,
    context,
    seen,
    depth + 1,
    internalIndex,
  );
}

/** The file's text, or undefined when it is not one to read (reported where it matters). */
function readRequirements(
  relative: string,
  where: Where,
  context: ReachContext,
  seen: Set<string>,
  depth: number,
): string | undefined {
  if (seen.has(relative) || depth >= MAX_NESTING) return undefined; // pip would loop; we stop
  seen.add(relative);
  const absolute = path.resolve(context.bundlePath, relative);
  const read = readCheckoutText(absolute, context.checkoutPath, MAX_REQUIREMENTS_BYTES);
  if ('text' in read) return read.text;
  // Missing, outside or unreadable: the local-file check reports those.
  if (read.problem === 'not-a-small-file') {
    context.findings.add(
      'requirements-unreadable',
      'stop',
      `${relative} is not a regular file of at most 1 MiB, so it is not read. Commit the ` +
        'requirements file itself.',
      where,
    );
  }
  return undefined;
}

/** Lines with comments removed and backslash continuations joined, numbered from 1. */
function logicalLines(text: string): { text: string; number: number }[] {
  const result: { text: string; number: number }[] = [];
  let pending: { text: string; number: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '');
    const joined =
      pending === undefined
        ? { text: line, number: index + 1 }
        : {
            text: pending.text + line,
            number: pending.number,
          };
    if (joined.text.endsWith('\\')) {
      pending = { text: joined.text.slice(0, -1), number: joined.number };
      return;
    }
    pending = undefined;
    if (joined.text.trim() !== '') result.push(joined);
  });
  if (pending !== undefined && pending.text.trim() !== '') result.push(pending);
  return result;
}
