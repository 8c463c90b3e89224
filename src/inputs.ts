import { type RuntimeName, RUNTIMES } from './container-runtime.js';
import { type Credentials, resolveCredentials } from './credentials.js';
import { inputError } from './errors.js';
import { type ImageReference, parseImageReference } from './image-reference.js';
import { POLICIES, type Policy } from './preflight/findings.js';
import type { EngineName } from './preflight/image-rules.js';
import { InternalHosts } from './preflight/internal-hosts.js';
import type { ProxyInputs } from './proxy-settings.js';

export const COMMANDS = ['deploy', 'validate', 'plan', 'destroy', 'preflight'] as const;
export type Command = (typeof COMMANDS)[number];

export interface DeployFlags {
  readonly forceLock: boolean;
  readonly autoApprove: boolean;
  readonly failOnActiveRuns: boolean;
}

export interface BundleVariable {
  readonly name: string;
  readonly value: string;
}

/** Everything the action needs from its inputs, parsed and checked before anything runs. */
export interface Inputs {
  readonly image: ImageReference;
  readonly target: string;
  readonly workingDirectory: string;
  readonly command: Command;
  readonly workspaceHost: string | undefined;
  readonly credentials: Credentials;
  readonly bundleVariables: readonly BundleVariable[];
  readonly deployFlags: DeployFlags;
  readonly dockerNetwork: string | undefined;
  readonly policy: Policy;
  readonly internalHosts: InternalHosts;
  /** The checksum manifest, relative to the repository root. */
  readonly checksums: string | undefined;
  readonly engine: EngineName | undefined;
  /** Warnings fail validate, so deploy never starts. */
  readonly failOnWarnings: boolean;
  readonly runtime: RuntimeName;
  /** The executable the container starts instead of the image's entrypoint. */
  readonly entrypoint: string | undefined;
  /** A PEM file of the enclave's root certificates, as given (relative to the checkout). */
  readonly caBundle: string | undefined;
  readonly proxyInputs: ProxyInputs;
  readonly imageArchive: ImageArchiveInput | undefined;
  /** A phase that runs longer than this is stopped; undefined for no limit. */
  readonly timeoutMs: number | undefined;
  /** Remove .databricks/bundle/<target> in the bundle folder before validate. */
  readonly cleanLocalState: boolean;
}

export interface ImageArchiveInput {
  /** As given: absolute, or relative to the checkout. */
  readonly path: string;
  readonly sha256: string;
}

/** Reads one input exactly as the runner passed it, untrimmed; empty when unset. */
export type InputReader = (name: string) => string;

/** The inputs whose values are secrets: they are masked before anything else happens. */
export const SECRET_INPUTS = ['token', 'client-secret', 'oidc-token'] as const;

/**
 * Parses and checks every input. It has no side effects, so a bad input stops the action before
 * any engine is asked anything or any container starts.
 */
export function parseInputs(read: InputReader, runnerEnv: NodeJS.ProcessEnv = {}): Inputs {
  const text = (name: string): string => read(name).trim();

  const inputs: Inputs = {
    image: parseImageReference(text('image')),
    target: parseTarget(text('target')),
    workingDirectory: text('working-directory') || '.',
    command: parseCommand(text('command')),
    workspaceHost: parseWorkspaceHost(text('host')),
    credentials: resolveCredentials({
      authType: text('auth-type'),
      token: text('token'),
      clientId: text('client-id'),
      clientSecret: text('client-secret'),
      azureTenantId: text('azure-tenant-id'),
      oidcToken: text('oidc-token'),
      idTokenRequestUrl: runnerEnv['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '',
      idTokenRequestToken: runnerEnv['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '',
    }),
    bundleVariables: parseBundleVariables(read('vars')),
    deployFlags: {
      forceLock: parseBoolean('force-lock', text('force-lock')),
      autoApprove: parseBoolean('auto-approve', text('auto-approve')),
      failOnActiveRuns: parseBoolean('fail-on-active-runs', text('fail-on-active-runs')),
    },
    dockerNetwork: parseDockerNetwork(text('docker-network')),
    policy: parsePolicy(text('policy')),
    internalHosts: parseInternalHosts(read('internal-hosts')),
    checksums: parseChecksums(text('checksums')),
    engine: parseEngine(text('engine')),
    failOnWarnings: parseBoolean('fail-on-warnings', text('fail-on-warnings')),
    runtime: parseRuntime(text('container-runtime')),
    entrypoint: parseEntrypoint(text('entrypoint')),
    caBundle: parseCaBundle(text('ca-bundle')),
    proxyInputs: {
      httpProxy: parseProxyUrl('http-proxy', text('http-proxy')),
      httpsProxy: parseProxyUrl('https-proxy', text('https-proxy')),
      noProxy: parseNoProxy(text('no-proxy')),
    },
    imageArchive: parseImageArchive(text('image-archive'), text('image-archive-sha256')),
    timeoutMs: parseTimeoutMinutes(text('timeout-minutes')),
    cleanLocalState: parseBoolean('clean-local-state', text('clean-local-state')),
  };
  assertDestroyApproved(inputs);
  return inputs;
}

/**
 * A CI job has no terminal to confirm a destroy on, and the CLI refuses one without
 * `--auto-approve`; the action asks for that approval to be written into the workflow.
 */
function assertDestroyApproved(inputs: Inputs): void {
  if (inputs.command === 'destroy' && !inputs.deployFlags.autoApprove) {
    throw inputError(
      'auto-approve',
      'must be true for command "destroy".',
      'Destroy deletes every resource the bundle deployed to the target, and there is no ' +
        'terminal to confirm it on. Set auto-approve: true in the step that destroys, after ' +
        'reviewing what it removes (command: plan shows what a deploy would change).',
    );
  }
}

// Target names are YAML keys, so the CLI would accept more; this keeps to names that cannot be
// mistaken for a flag or change meaning on a command line.
const TARGET_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

export function parseTarget(value: string): string {
  if (value === '') {
    throw inputError(
      'target',
      'is required.',
      'Name the bundle target to deploy, as defined under `targets:` in databricks.yml.',
    );
  }
  if (!TARGET_NAME.test(value)) {
    throw inputError(
      'target',
      `"${value}" is not a usable target name.`,
      'Use letters, digits, "_", "." and "-", starting with a letter or digit.',
    );
  }
  return value;
}

export function parseCommand(value: string): Command {
  if (value === '') return 'deploy';
  const command = COMMANDS.find((known) => known === value);
  if (command === undefined) {
    throw inputError(
      'command',
      `"${value}" is not supported.`,
      'Use "deploy" (pre-flight, validate, deploy, then list what was deployed), "validate" ' +
        '(pre-flight and validate), "plan" (pre-flight, validate, and what a deploy would ' +
        'change, e.g. on pull requests), "destroy" (with auto-approve: true) or "preflight" ' +
        '(the static checks only).',
    );
  }
  return command;
}

/**
 * The workspace URL. Only `https://host[:port]` is accepted: the CLI would also take a bare host
 * name, but a path, a query or credentials in the URL are always a mistake here. Errors never
 * repeat the value: a token pasted into the wrong input must not reach the log.
 */
export function parseWorkspaceHost(value: string): string | undefined {
  if (value === '') return undefined;

  const fix = 'Use the workspace URL, e.g. https://adb-1234567890123456.7.azuredatabricks.net.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw inputError('host', 'is not a valid URL.', fix);
  }
  if (url.username !== '' || url.password !== '') {
    throw inputError('host', 'contains credentials.', `Pass credentials as secrets. ${fix}`);
  }
  if (url.protocol !== 'https:') {
    throw inputError('host', 'does not use https.', fix);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw inputError('host', 'has a path, query or fragment.', fix);
  }
  return url.origin;
}

/** YAML 1.2 core-schema booleans, as the runner's own boolean inputs accept them. */
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

export function parseBoolean(input: string, value: string): boolean {
  if (value === '') return false;
  if (TRUE_VALUES.includes(value)) return true;
  if (FALSE_VALUES.includes(value)) return false;
  throw inputError(input, `"${value}" is not a boolean.`, 'Use true or false.');
}

// The CLI resolves ${var.<name>} references with \p{L}+([-_]*[\p{L}\p{N}]+)* (libs/dyn/dynvar),
// so a name outside it could never be used in the bundle. This is the same set of names, written
// without nested repetition so that a long bad name cannot make the match take exponential time.
const VARIABLE_NAME = /^\p{L}(?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?$/u;

/**
 * Parses `name=value` lines. Values are kept byte for byte after the first `=` (commas, quotes,
 * further `=`, spaces, unicode): they travel as BUNDLE_VAR_<name> environment variables, which
 * the CLI does not split, unlike `--var`. Blank lines and lines starting with `#` are skipped.
 */
export function parseBundleVariables(text: string): BundleVariable[] {
  const variables: BundleVariable[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');

  lines.forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;

    const lineNumber = index + 1;
    const equals = line.indexOf('=');
    if (equals < 0) {
      throw inputError(
        'vars',
        `line ${lineNumber} has no "=".`,
        'Write one variable per line as name=value.',
      );
    }
    const name = line.slice(0, equals).trim();
    if (!VARIABLE_NAME.test(name)) {
      throw inputError(
        'vars',
        `line ${lineNumber}: "${name}" is not a valid bundle variable name.`,
        'Names start with a letter and contain letters, digits, "_" and "-", as declared under ' +
          '`variables:` in the bundle.',
      );
    }
    if (seen.has(name)) {
      throw inputError(
        'vars',
        `line ${lineNumber}: variable "${name}" is set twice.`,
        'Keep one line per variable.',
      );
    }
    seen.add(name);
    variables.push({ name, value: line.slice(equals + 1) });
  });

  return variables;
}

const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function parseDockerNetwork(value: string): string | undefined {
  if (value === '') return undefined;
  if (!NETWORK_NAME.test(value)) {
    throw inputError(
      'docker-network',
      `"${value}" is not a valid network name.`,
      'Use the name of an existing Docker network (e.g. host, or one from `docker network ls`), ' +
        "or leave it empty for the engine's default.",
    );
  }
  return value;
}

export function parsePolicy(value: string): Policy {
  if (value === '') return 'strict';
  const policy = POLICIES.find((known) => known === value);
  if (policy === undefined) {
    throw inputError(
      'policy',
      `"${value}" is not a policy.`,
      'Use "strict" (findings fail the step), "warn" (findings are warnings) or "off".',
    );
  }
  return policy;
}

// Host names and suffixes only: a scheme, path, port or wildcard here would never match.
const HOST_ENTRY = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

export function parseInternalHosts(text: string): InternalHosts {
  const hosts = InternalHosts.parse(text);
  const bad = hosts.list.find((entry) => !HOST_ENTRY.test(entry));
  if (bad !== undefined) {
    throw inputError(
      'internal-hosts',
      `"${bad}" is not a host name or suffix.`,
      'List host names (pypi.bank.internal) or suffixes (.bank.internal), separated by commas ' +
        'or new lines, without scheme, port or path.',
    );
  }
  return hosts;
}

export function parseChecksums(value: string): string | undefined {
  if (value === '') return undefined;
  const normalized = value.replaceAll('\\', '/');
  if (normalized.startsWith('/') || normalized.split('/').includes('..')) {
    throw inputError(
      'checksums',
      `"${value}" is not a path inside the repository.`,
      'Give the sha256sum manifest relative to the repository root, e.g. dist/SHA256SUMS.',
    );
  }
  return normalized.replace(/^\.\//, '');
}

export function parseEngine(value: string): EngineName | undefined {
  if (value === '') return undefined;
  if (value === 'terraform' || value === 'direct') return value;
  throw inputError(
    'engine',
    `"${value}" is not a deployment engine.`,
    'Use "direct" or "terraform", or leave it empty to let the bundle and the CLI decide.',
  );
}

export function parseRuntime(value: string): RuntimeName {
  if (value === '') return 'docker';
  const runtime = RUNTIMES.find((known) => known === value);
  if (runtime === undefined) {
    throw inputError(
      'container-runtime',
      `"${value}" is not a supported container runtime.`,
      'Use "docker" (the default) or "podman".',
    );
  }
  return runtime;
}

// One executable, by absolute path or name: an entrypoint with arguments or shell syntax would
// change what runs in ways a reviewer cannot see in the workflow.
const ENTRYPOINT = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$|^\/[A-Za-z0-9_./-]+$/;

export function parseEntrypoint(value: string): string | undefined {
  if (value === '') return undefined;
  if (!ENTRYPOINT.test(value) || value.split('/').includes('..')) {
    throw inputError(
      'entrypoint',
      `"${value}" is not a single executable.`,
      'Give the path of the Databricks CLI binary inside the image (e.g. /usr/local/bin/' +
        "databricks), without arguments; leave it empty to use the image's own entrypoint.",
    );
  }
  return value;
}

export function parseCaBundle(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.includes('\0')) {
    throw inputError('ca-bundle', 'is not a usable path.', 'Give the path of a PEM file.');
  }
  return value;
}

/** A proxy URL: http or https, a host, and optionally credentials and a port. */
export function parseProxyUrl(input: string, value: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw inputError(input, 'is not a URL.', 'Use http://proxy.example.internal:3128.');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw inputError(
      input,
      'is not an http:// or https:// proxy URL.',
      'Use http://proxy.example.internal:3128 (the scheme the proxy itself speaks).',
    );
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw inputError(input, 'has a path, query or fragment.', 'Give scheme, host and port only.');
  }
  if (/[\s]/.test(value) || !percentEncodingIsValid(`${url.username}:${url.password}`)) {
    throw inputError(
      input,
      'has white space or a malformed %-escape in it.',
      'Percent-encode special characters of the user name and password (% as %25, @ as %40).',
    );
  }
  return value;
}

function percentEncodingIsValid(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

export function parseNoProxy(value: string): string | undefined {
  if (value === '') return undefined;
  if (/[\s;]/.test(value.replaceAll(', ', ','))) {
    throw inputError(
      'no-proxy',
      'has spaces or semicolons.',
      'List hosts, domains (.bank.internal), IPs or CIDR ranges separated by commas.',
    );
  }
  return value;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function parseImageArchive(path: string, sha256: string): ImageArchiveInput | undefined {
  if (path === '' && sha256 === '') return undefined;
  if (path === '') {
    throw inputError(
      'image-archive-sha256',
      'is set without image-archive.',
      'Set image-archive to the path of the `docker save` tarball, or remove the checksum.',
    );
  }
  const digest = sha256.toLowerCase().replace(/^sha256:/, '');
  if (!SHA256_HEX.test(digest)) {
    throw inputError(
      'image-archive-sha256',
      sha256 === '' ? 'is required with image-archive.' : 'is not a SHA-256 digest.',
      'Give the 64 hex digits that `sha256sum <archive>` printed where the archive was ' +
        'approved; an archive is loaded only when its checksum matches.',
    );
  }
  return { path, sha256: digest };
}

// Six hours, GitHub's own limit for a job on a hosted runner, bounds a typo like 6000.
const MAX_TIMEOUT_MINUTES = 360;

// Three seconds: anything shorter cannot be meant, and no phase finishes in it.
const MIN_TIMEOUT_MINUTES = 0.05;

export function parseTimeoutMinutes(value: string): number | undefined {
  const minutes = Number(value);
  if (value === '' || (/^\d+(\.\d+)?$/.test(value) && minutes === 0)) return undefined;
  const valid = /^\d+(\.\d+)?$/.test(value) && minutes >= MIN_TIMEOUT_MINUTES;
  if (!valid || minutes > MAX_TIMEOUT_MINUTES) {
    throw inputError(
      'timeout-minutes',
      `"${value}" is not a number of minutes from ${MIN_TIMEOUT_MINUTES} to ` +
        `${MAX_TIMEOUT_MINUTES}.`,
      'Give the longest a single phase (validate, deploy, …) may run, e.g. 30; 0 or empty ' +
        'for no limit.',
    );
  }
  return Math.round(minutes * 60_000);
}
