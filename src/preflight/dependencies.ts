/**
 * Reads one Python dependency entry the way the CLI does (bundle/libraries/local_path.go) and
 * says what it would make the cluster fetch. Entries come from job environments, pipeline
 * environments and requirements files.
 */
export type Dependency =
  | { readonly kind: 'ignored' }
  | { readonly kind: 'index'; readonly flag: string; readonly url: string | undefined }
  | { readonly kind: 'requirements'; readonly path: string; readonly local: boolean }
  | { readonly kind: 'editable'; readonly path: string; readonly local: boolean }
  | { readonly kind: 'direct-url'; readonly name: string; readonly url: string }
  | { readonly kind: 'package'; readonly name: string }
  | { readonly kind: 'local-file'; readonly path: string }
  | { readonly kind: 'remote-file'; readonly path: string };

const INDEX_FLAGS = ['-i', '--index-url', '--extra-index-url', '-f', '--find-links'];

// The CLI's PEP 440 and package patterns, so that "is this a package name" is decided alike.
const PEP440 =
  String.raw`(\d+!)?(\d+(\.\d+)*)([-_.]?(a|b|rc)\d+)?([-_.]?post\d+)?([-_.]?dev\d+)?` +
  String.raw`(\+[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*)?`;
const PACKAGE = new RegExp(
  String.raw`^[a-zA-Z0-9\-_]+\s?(\[.*\])?\s?((==|!=|<=|>=|~=|==|>|<)\s?` + PEP440 + ',?)*$',
);
// The CLI's `(^|\s+)--?[a-zA-Z0-9-]+(([\s|=]+)|$)`, reduced to what decides a match (one
// separator character either side), which runs in linear time on long entries.
const PIP_FLAG = /(?:^|\s)--?[a-zA-Z0-9-]+(?:[\s|=]|$)/;

export function classifyDependency(entry: string): Dependency {
  const text = entry.trim();
  if (text === '') return { kind: 'ignored' };

  const index = indexFlag(text);
  if (index !== undefined) return index;

  for (const [flag, kind] of [
    ['-r', 'requirements'],
    ['-e', 'editable'],
    ['--requirement', 'requirements'],
    ['--editable', 'editable'],
  ] as const) {
    const rest = cutFlag(text, flag);
    if (rest !== undefined) return { kind, path: rest, local: isLocalPath(rest) };
  }

  if (text.startsWith('.')) return { kind: 'local-file', path: text };
  if (PIP_FLAG.test(text)) return { kind: 'ignored' };

  const direct = text.split(' @ ');
  if (direct.length === 2 && PACKAGE.test(direct[0] ?? '') && isRemoteScheme(direct[1] ?? '')) {
    return { kind: 'direct-url', name: (direct[0] ?? '').trim(), url: (direct[1] ?? '').trim() };
  }
  if (PACKAGE.test(text)) return { kind: 'package', name: text };
  return isLocalPath(text)
    ? { kind: 'local-file', path: text }
    : { kind: 'remote-file', path: text };
}

function indexFlag(text: string): Dependency | undefined {
  for (const flag of INDEX_FLAGS) {
    if (text === flag) return { kind: 'index', flag, url: undefined };
    const rest =
      cutFlag(text, flag) ??
      (text.startsWith(`${flag}=`) ? text.slice(flag.length + 1) : undefined);
    if (rest !== undefined) return { kind: 'index', flag, url: rest.trim() };
  }
  return undefined;
}

/** The value after `flag` and whitespace (`-r reqs.txt`), or undefined for another entry. */
function cutFlag(text: string, flag: string): string | undefined {
  if (!text.startsWith(flag) || !/\s/.test(text.charAt(flag.length))) return undefined;
  const rest = text.slice(flag.length).trim();
  return rest === '' ? undefined : rest;
}

/** The CLI's IsLocalPath: not absolute, not file://, no remote scheme like dbfs:/ or s3://. */
export function isLocalPath(value: string): boolean {
  const text = value.trim().replace(/^["']+|["']+$/g, '');
  if (text.startsWith('file://')) return false;
  if (isRemoteScheme(text)) return false;
  return !text.startsWith('/');
}

/** The CLI's isRemoteStorageScheme: `scheme:/...` for any scheme but file. */
export function isRemoteScheme(value: string): boolean {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value);
  if (match === null) return false;
  const scheme = match[1] ?? '';
  return value.startsWith(`${scheme}:/`) && scheme.toLowerCase() !== 'file';
}

/** http(s) URLs: the only remote schemes that can leave the workspace's cloud storage. */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value.trim());
}

/** What one pip requirement line (or dependency entry) makes pip fetch, item by item. */
export type PipItem =
  | { readonly kind: 'index'; readonly flag: string; readonly url: string }
  | { readonly kind: 'nested'; readonly flag: string; readonly path: string }
  | { readonly kind: 'url'; readonly text: string; readonly url: string }
  | { readonly kind: 'package'; readonly name: string }
  | { readonly kind: 'path'; readonly path: string };

const PIP_INDEX_OPTIONS = ['-i', '--index-url', '--extra-index-url', '-f', '--find-links'];
const PIP_NESTED_OPTIONS = ['-r', '--requirement', '-c', '--constraint'];
const PIP_EDITABLE_OPTIONS = ['-e', '--editable'];
// Options that take a value but fetch nothing themselves (the value must not be read as a
// requirement).
const PIP_VALUE_OPTIONS = [
  '--hash',
  '--trusted-host',
  '--global-option',
  '--install-option',
  '--config-settings',
  '-C',
  '--only-binary',
  '--no-binary',
  '--use-feature',
  '--progress-bar',
];

const VCS_OR_URL = /^(?:[a-z][a-z0-9.-]*\+)?[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Reads a line the way pip reads a requirements file: options (with `=` or a separate value),
 * then one requirement, whose environment marker (`; ...`) and hashes are ignored. Unlike the
 * CLI's own local-path rules, this says what pip will fetch on the cluster.
 */
export function pipItems(line: string): PipItem[] {
  const items: PipItem[] = [];
  const tokens = splitPipLine(line);
  const requirement: string[] = [];

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    if (!token.startsWith('-')) {
      requirement.push(token);
      continue;
    }
    // An option ends the requirement before it (`requests --hash=sha256:...`).
    if (requirement.length > 0) items.push(requirementItem(requirement.splice(0).join(' ')));

    const option = readOption(token);
    if (option === undefined) continue;
    const { name } = option;
    const value = option.value ?? tokens[++index] ?? '';
    if (PIP_INDEX_OPTIONS.includes(name)) items.push({ kind: 'index', flag: name, url: value });
    if (PIP_NESTED_OPTIONS.includes(name)) items.push({ kind: 'nested', flag: name, path: value });
    if (PIP_EDITABLE_OPTIONS.includes(name)) items.push(requirementItem(value));
  }
  if (requirement.length > 0) items.push(requirementItem(requirement.join(' ')));
  return items;
}

const PIP_OPTIONS_WITH_VALUES = [
  ...PIP_INDEX_OPTIONS,
  ...PIP_NESTED_OPTIONS,
  ...PIP_EDITABLE_OPTIONS,
  ...PIP_VALUE_OPTIONS,
];
const PIP_LONG_OPTIONS = PIP_OPTIONS_WITH_VALUES.filter((option) => option.startsWith('--'));

/**
 * An option that takes a value, by its full name, with the value when it is attached. pip's
 * option parser takes any unambiguous prefix of a long option (`--index` for `--index-url`)
 * and a short option's value written straight after it (`-ihttps://...`, `-rmore.txt`).
 */
function readOption(token: string): { name: string; value: string | undefined } | undefined {
  if (token.startsWith('--')) {
    const equals = token.indexOf('=');
    const written = equals > 0 ? token.slice(0, equals) : token;
    const value = equals > 0 ? token.slice(equals + 1) : undefined;
    if (PIP_LONG_OPTIONS.includes(written)) return { name: written, value };
    // pip also knows long options this list does not; a prefix of one of those is not ours.
    const candidates = [...PIP_LONG_OPTIONS, ...OTHER_PIP_LONG_OPTIONS].filter((option) =>
      option.startsWith(written),
    );
    const name = candidates.length === 1 ? candidates[0] : undefined;
    return name !== undefined && PIP_LONG_OPTIONS.includes(name) ? { name, value } : undefined;
  }
  const short = token.slice(0, 2);
  if (!PIP_OPTIONS_WITH_VALUES.includes(short)) return undefined;
  const attached = token.slice(2).replace(/^=/, '');
  return { name: short, value: attached === '' ? undefined : attached };
}

// pip's other requirements-file long options, so that a prefix shared with one of them is
// ambiguous, as pip finds it (e.g. `--no` could be --no-binary or --no-index).
const OTHER_PIP_LONG_OPTIONS = ['--no-index', '--prefer-binary', '--require-hashes', '--pre'];

function requirementItem(text: string): PipItem {
  const spec = (text.split(';')[0] ?? '').trim();
  if (VCS_OR_URL.test(spec)) {
    return spec.toLowerCase().startsWith('file:')
      ? { kind: 'path', path: spec }
      : urlItem(spec, spec);
  }
  const at = spec.indexOf('@');
  if (at > 0) {
    const url = spec.slice(at + 1).trim();
    if (VCS_OR_URL.test(url) && !url.toLowerCase().startsWith('file:')) return urlItem(spec, url);
  }
  if (/^[.$/~]/.test(spec) || spec.includes('/') || /\.(whl|tar\.gz|zip|egg|jar)$/i.test(spec)) {
    return { kind: 'path', path: spec };
  }
  return { kind: 'package', name: spec };
}

function urlItem(text: string, url: string): PipItem {
  return { kind: 'url', text, url: url.replace(/^[a-z][a-z0-9.-]*\+(?=[a-z]+:\/\/)/i, '') };
}

/** Splits on whitespace, keeping quoted parts together and dropping the quotes, as pip does. */
function splitPipLine(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inToken = false;
  for (const character of line) {
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
      else current += character;
    } else if (character === '"' || character === "'") {
      quote = character;
      inToken = true;
    } else if (/\s/.test(character)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += character;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return tokens;
}
