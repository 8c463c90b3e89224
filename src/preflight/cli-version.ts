// Mirrors the Databricks CLI's check of `bundle.databricks_cli_version` (databricks/cli,
// bundle/config/mutator/verify_cli_version.go) so that the action can report a mismatch in the
// CLI's own words before any container runs.
//
// The CLI checks the constraint in two steps: its own syntax regexp, then Masterminds/semver v3
// `NewConstraint(c).Check(NewVersion(v))`. The second step is ported below from Masterminds'
// constraints.go and version.go (read at the 2026-04 head; the CLI pins v3.5.0, and since v3.4.0
// only error texts and overflow panics in Inc* changed there), restricted to what the CLI's
// regexp lets through:
// - no `||` and no ` - ` ranges can pass the regexp, so there is always one AND group and
//   Masterminds' range rewriting never applies;
// - the only operators that can reach Masterminds are "", `!=`, `>`, `<`, `>=` and `<=`
//   (`=`, `=>`, `=<`, `~`, `~>` and `^` cannot), so only their check functions are ported;
// - constraints never carry build metadata or a leading `v`.

export interface ConstraintResult {
  readonly outcome: 'satisfied' | 'warning' | 'unsatisfied' | 'invalid';
  readonly message: string;
}

/** A parsed version. Segments are bigints because Masterminds reads them as uint64. */
interface Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** The prerelease without its leading dash, '' when there is none. */
  readonly pre: string;
}

/** One comparison of an AND group, as Masterminds' `constraint` struct. */
interface Constraint {
  readonly operator: string;
  /** The constraint's version, with wildcard segments read as 0. */
  readonly con: Version;
  /** Some segment is a wildcard (`*`, `x`, `X`) or missing. */
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
}

/** Reads a prerelease identifier as a number, or undefined when it is alphanumeric. */
type NumberReader = (identifier: string) => bigint | undefined;

/** An error that Masterminds' NewConstraint would return; its message is Masterminds' text. */
class ConstraintError extends Error {}

// ---------------------------------------------------------------------------------------------
// Step 1: the CLI's own syntax check.

// Built like the CLI's `^%s ?%s(, %s %s)?$`. The middle alternative keeps the CLI's unescaped
// "." before `\*`, so `1.2x*` or `1.2 *` pass this step (Masterminds then decides). RE2's "."
// matches any code point except "\n", while JS's "." also refuses "\r", U+2028 and U+2029: hence
// `[^\n]` with the `u` flag. `\d` and `\w` are ASCII-only in both engines.
const CLI_OPERATORS = '(>=|<=|>|<|!=)?';
const CLI_VERSION = String.raw`(\d+\.\d+\.\d+(-\w+)?|\d+\.\d+[^\n]\*|\d+\.\*)`;
const CLI_SYNTAX = new RegExp(
  `^${CLI_OPERATORS} ?${CLI_VERSION}(, ${CLI_OPERATORS} ${CLI_VERSION})?$`,
  'u',
);

const SYNTAX_HELP = 'Please specify the version constraint in the format (>=) 0.0.0(, <= 1.0.0)';

// ---------------------------------------------------------------------------------------------
// Step 2: Masterminds/semver v3. The regexps are Masterminds' own. Go's regexp picks the match
// a backtracking engine would, so JS finds the same matches and groups; only `\s` differs
// (RE2: [\t\n\f\r ], JS: also \v and Unicode spaces), hence WS.

const WS = String.raw`[\t\n\f\r ]`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const CV =
  String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?` +
  String.raw`(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?` +
  String.raw`(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const CONSTRAINT = new RegExp(`^${WS}*(${OPS})${WS}*(${CV})${WS}*$`);
const FIND_CONSTRAINT = new RegExp(`(${OPS})${WS}*(${CV})`, 'g');
const VALID_CONSTRAINT = new RegExp(
  `^(${WS}*(${OPS})${WS}*(${CV})${WS}*)((?:${WS}+|,${WS}*)(${OPS})${WS}*(${CV})${WS}*)*$`,
);
// NewVersion with CoerceNewVersion (the default): "1.2" is 1.2.0 and leading zeros are allowed.
const LOOSE_VERSION = new RegExp(
  String.raw`^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?` +
    String.raw`(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?` +
    String.raw`(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$`,
);

const UINT64_MAX = 2n ** 64n - 1n;

// ---------------------------------------------------------------------------------------------
// Public API.

/** Checks a bundle's databricks_cli_version constraint against a CLI version, as the CLI does. */
export function checkCliVersionConstraint(
  constraint: string,
  cliVersion: string,
): ConstraintResult {
  // The CLI skips the check when the field is unset, which YAML cannot tell from empty.
  if (constraint === '') {
    return {
      outcome: 'satisfied',
      message: 'The bundle sets no Databricks CLI version constraint.',
    };
  }
  if (!CLI_SYNTAX.test(constraint)) {
    const quoted = goQuote(constraint);
    return invalid(`invalid version constraint ${quoted} specified. ${SYNTAX_HELP}`);
  }
  let group: readonly Constraint[];
  try {
    group = parseConstraintGroup(constraint);
  } catch (error) {
    if (error instanceof ConstraintError) return invalid(error.message);
    throw error;
  }
  const version = parseLooseVersion(cliVersion);
  if (version === undefined) return invalid(`parsing CLI version ${goQuote(cliVersion)} failed`);
  return verdict(checkGroup(group, version), version, constraint, cliVersion);
}

/**
 * The version from `databricks --version` output, or undefined when the output is not
 * understood.
 */
export function parseCliVersionOutput(stdout: string): string | undefined {
  // The CLI prints `Databricks CLI v{{.Version}}\n`; surrounding whitespace carries no meaning.
  const match = VERSION_LINE.exec(stdout.trim());
  return match?.[1];
}

/**
 * Compares two semantic versions (-1, 0, 1), prerelease ordering as in SemVer 2.0.
 * Build metadata is ignored. Throws when either argument is not a SemVer 2.0 version.
 */
export function compareVersions(a: string, b: string): number {
  return compareParsed(parseStrictVersion(a), parseStrictVersion(b), semverNumber);
}

// ---------------------------------------------------------------------------------------------
// Outcomes.

function invalid(message: string): ConstraintResult {
  return { outcome: 'invalid', message };
}

function verdict(
  passed: boolean,
  version: Version,
  constraint: string,
  cliVersion: string,
): ConstraintResult {
  if (passed) {
    const message = `Databricks CLI ${cliVersion} satisfies the bundle's constraint ${constraint}.`;
    return { outcome: 'satisfied', message };
  }
  const detail = `Required: ${constraint}, current: ${cliVersion}`;
  // Development builds come from main and may already have what the constraint asks for, so the
  // CLI only warns. The test is for a prerelease of exactly "dev": "rc.2.dev" does not count.
  if (version.pre === 'dev') {
    const message = `Ignoring Databricks CLI version constraint for development build. ${detail}`;
    return { outcome: 'warning', message };
  }
  return {
    outcome: 'unsatisfied',
    message: `Databricks CLI version constraint not satisfied. ${detail}`,
  };
}

// ---------------------------------------------------------------------------------------------
// SemVer 2.0 (strict), for compareVersions and the `--version` line.

const NUMERIC = String.raw`0|[1-9]\d*`;
const PRE_IDENTIFIER = String.raw`(?:${NUMERIC}|\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER_SOURCE =
  String.raw`(${NUMERIC})\.(${NUMERIC})\.(${NUMERIC})` +
  String.raw`(?:-(${PRE_IDENTIFIER}(?:\.${PRE_IDENTIFIER})*))?` +
  String.raw`(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?`;
const STRICT_VERSION = new RegExp(`^${SEMVER_SOURCE}$`);
const VERSION_LINE = new RegExp(`^Databricks CLI v(${SEMVER_SOURCE})$`);

function parseStrictVersion(text: string): Version {
  const match = STRICT_VERSION.exec(text);
  if (match === null) throw new Error(`"${text}" is not a semantic version (SemVer 2.0).`);
  const [, major = '', minor = '', patch = '', pre = ''] = match;
  return { major: BigInt(major), minor: BigInt(minor), patch: BigInt(patch), pre };
}

/** SemVer 2.0: an identifier of digits only is numeric, whatever its size. */
function semverNumber(identifier: string): bigint | undefined {
  return /^[0-9]+$/.test(identifier) ? BigInt(identifier) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Masterminds: parsing.

/** NewConstraint for one AND group (the only kind the CLI's syntax admits). */
function parseConstraintGroup(segment: string): Constraint[] {
  if (!VALID_CONSTRAINT.test(segment)) {
    throw new ConstraintError(`improper constraint: ${goQuote(segment)}`);
  }
  const found = [...segment.matchAll(FIND_CONSTRAINT)].map((match) => match[0]);
  return (found.length === 0 ? [segment] : found).map(parseConstraint);
}

/** parseConstraint: a missing or wildcard segment makes the constraint "dirty" from there on. */
function parseConstraint(text: string): Constraint {
  const match = CONSTRAINT.exec(text);
  if (match === null) throw new ConstraintError(`improper constraint: ${goQuote(text)}`);
  const [, operator = '', whole = '', major = '', minor = '', patch = '', dashPre = ''] = match;
  // Masterminds keeps the prerelease but drops build metadata from a wildcard version.
  let source = whole;
  let [dirty, minorDirty, patchDirty] = [true, false, false];
  if (isWildcard(major) || major === '') {
    source = `0.0.0${dashPre}`;
  } else if (isWildcard(minor.slice(1)) || minor === '') {
    minorDirty = true;
    source = `${major}.0.0${dashPre}`;
  } else if (isWildcard(patch.slice(1)) || patch === '') {
    patchDirty = true;
    source = `${major}${minor}.0${dashPre}`;
  } else {
    dirty = false;
  }
  const con = parseLooseVersion(source);
  // Masterminds' CV admits `|` and wildcards inside a segment, as in `1.2x*` (which passes the
  // CLI's regexp): NewVersion then fails and NewConstraint reports this generic error.
  if (con === undefined) throw new ConstraintError('constraint parser error');
  if (!CHECKS.has(operator)) throw new Error(`Unexpected constraint operator "${operator}".`);
  return { operator, con, dirty, minorDirty, patchDirty };
}

function isWildcard(segment: string): boolean {
  return segment === 'x' || segment === 'X' || segment === '*';
}

/** NewVersion: undefined where Masterminds returns an error. */
function parseLooseVersion(text: string): Version | undefined {
  const match = LOOSE_VERSION.exec(text);
  if (match === null) return undefined;
  const [, majorText = '', minorText = '', patchText = '', , pre = ''] = match;
  const major = uint64(majorText);
  const minor = minorText === '' ? 0n : uint64(minorText.slice(1));
  const patch = patchText === '' ? 0n : uint64(patchText.slice(1));
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  // validatePrerelease: a numeric identifier must not have a leading zero.
  if (pre.split('.').some((identifier) => /^0[0-9]+$/.test(identifier))) return undefined;
  return { major, minor, patch, pre };
}

/** Go's strconv.ParseUint(s, 10, 64): digits only, at most 2^64-1. */
function uint64(text: string): bigint | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value <= UINT64_MAX ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Masterminds: checking.

type Check = (v: Version, c: Constraint) => boolean;

const CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['', tildeOrEqual],
  ['!=', notEqual],
  ['>', greaterThan],
  ['<', (v, c) => compareMasterminds(v, c.con) < 0],
  ['>=', (v, c) => compareMasterminds(v, c.con) >= 0],
  ['<=', lessThanEqual],
]);

function checkGroup(group: readonly Constraint[], v: Version): boolean {
  // Every Masterminds check first refuses a prerelease version unless some constraint of the
  // AND group carries a prerelease: `>= 0.218.0` refuses 0.300.0-dev, `>= 0.218.0-0` accepts it.
  const includePre = group.some((c) => c.con.pre !== '');
  if (v.pre !== '' && !includePre) return false;
  return group.every((c) => (CHECKS.get(c.operator) ?? never)(v, c));
}

function never(): boolean {
  throw new Error('Unreachable: parseConstraint admits only operators that have a check.');
}

/** "" and `=`: a wildcard turns equality into the tilde range (`1.2.*` is >=1.2.0 <1.3.0). */
function tildeOrEqual(v: Version, c: Constraint): boolean {
  return c.dirty ? tilde(v, c) : compareMasterminds(v, c.con) === 0;
}

function tilde(v: Version, c: Constraint): boolean {
  if (compareMasterminds(v, c.con) < 0) return false;
  // `*` (con 0.0.0, no dirty minor or patch) accepts everything.
  const { major, minor, patch } = c.con;
  if (major === 0n && minor === 0n && patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  return v.major === major && (c.minorDirty || v.minor === minor);
}

/** `!= 1.*` excludes 1.x.y; `!= 1.2.*` excludes 1.2.y, but see the prerelease quirk below. */
function notEqual(v: Version, c: Constraint): boolean {
  if (c.dirty && v.major === c.con.major) {
    if (c.minorDirty) return false;
    // Masterminds compares the prereleases here, so with prereleases admitted by the group
    // `!= 1.2.*` accepts 1.2.5-beta (its prerelease differs from the constraint's empty one).
    if (c.patchDirty && v.minor === c.con.minor) {
      return comparePrerelease(v.pre, c.con.pre, uint64) !== 0;
    }
  }
  return compareMasterminds(v, c.con) !== 0;
}

/** `> 1.*` needs major 2 or more; `> 1.2.*` needs 1.3.0 or more. */
function greaterThan(v: Version, c: Constraint): boolean {
  if (c.dirty && v.major === c.con.major) {
    if (c.minorDirty) return false;
    if (c.patchDirty) return v.minor > c.con.minor;
  } else if (c.dirty) {
    return v.major > c.con.major;
  }
  return compareMasterminds(v, c.con) > 0;
}

/** `<= 1.*` admits every 1.x.y; `<= 1.2.*` every 1.2.y. */
function lessThanEqual(v: Version, c: Constraint): boolean {
  if (!c.dirty) return compareMasterminds(v, c.con) <= 0;
  if (v.major !== c.con.major) return v.major < c.con.major;
  return c.minorDirty || v.minor <= c.con.minor;
}

// ---------------------------------------------------------------------------------------------
// Ordering.

function compareMasterminds(a: Version, b: Version): number {
  return compareParsed(a, b, uint64);
}

/** Version.Compare: segments, then a version without prerelease above one with. */
function compareParsed(a: Version, b: Version, asNumber: NumberReader): number {
  const core =
    compareBig(a.major, b.major) || compareBig(a.minor, b.minor) || compareBig(a.patch, b.patch);
  if (core !== 0 || a.pre === b.pre) return core;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  return comparePrerelease(a.pre, b.pre, asNumber);
}

function comparePrerelease(a: string, b: string, asNumber: NumberReader): number {
  const aParts = a.split('.');
  const bParts = b.split('.');
  for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
    const difference = compareIdentifier(aParts[i] ?? '', bParts[i] ?? '', asNumber);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * One prerelease identifier. A missing identifier sorts first (alpha < alpha.1), numbers sort
 * before words, words compare in ASCII order. Masterminds reads a number with ParseUint, so an
 * identifier above 2^64-1 counts as a word there; SemVer 2.0 compares it as a number.
 */
function compareIdentifier(a: string, b: string, asNumber: NumberReader): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  const aNumber = asNumber(a);
  const bNumber = asNumber(b);
  if (aNumber !== undefined && bNumber !== undefined) return compareBig(aNumber, bNumber);
  if (aNumber !== undefined) return -1;
  if (bNumber !== undefined) return 1;
  return a < b ? -1 : 1;
}

function compareBig(a: bigint, b: bigint): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Go's %q, so that messages match the CLI's byte for byte.

const GO_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\x07', '\\a'],
  ['\b', '\\b'],
  ['\f', '\\f'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
  ['\v', '\\v'],
  ['"', '\\"'],
  ['\\', '\\\\'],
]);

// unicode.IsPrint: categories L, M, N, P, S and the ASCII space. Node's Unicode tables may be
// a version apart from Go's, which only matters for code points assigned in between.
const GO_PRINTABLE = /^[ \p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

function goQuote(text: string): string {
  let quoted = '';
  for (const character of text) quoted += goQuoteCharacter(character);
  return `"${quoted}"`;
}

function goQuoteCharacter(character: string): string {
  const escape = GO_ESCAPES.get(character);
  if (escape !== undefined) return escape;
  if (GO_PRINTABLE.test(character)) return character;
  // A lone surrogate lands here as \udxxx; Go never sees one (its strings are UTF-8).
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return `\\x${hex(codePoint, 2)}`;
  if (codePoint < 0x10000) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}
