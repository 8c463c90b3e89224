import type { Credentials } from './credentials.js';
import type { RuntimeName } from './container-runtime.js';
import type { DeployFlags, Inputs } from './inputs.js';
import { proxyEnvironment, type ProxySettings } from './proxy-settings.js';

/** Where the checkout and the per-run home folder appear inside the container. */
export const CONTAINER_CHECKOUT = '/github/workspace';
export const CONTAINER_HOME = '/home/deployer';

/**
 * The proxy variables that a docker client injects into every container from the `proxies`
 * section of its config.json. Naming them with `--env` without a value in the client's
 * environment stops that injection and leaves them unset, so a runner's proxy settings, and any
 * credentials in them, reach the container only as the action passes them: the ones it
 * resolved (see proxy-settings.ts), by name, and no others.
 */
export const PROXY_VARIABLES = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
] as const;

export type PhaseName = 'validate' | 'deploy' | 'summary' | 'plan' | 'destroy';

/** One CLI step: its name, the CLI arguments that follow the image, and what its stdout is. */
export interface Phase {
  readonly name: PhaseName;
  readonly cliArgs: readonly string[];
  /**
   * What the CLI's stdout is: `log` is streamed to the log as it comes; `json` and `text` are
   * kept for the action to read, since the summary's JSON repeats the whole resolved
   * configuration and the plan is shown as a table.
   */
  readonly stdout: 'log' | 'json' | 'text';
  /**
   * A phase the run's result does not depend on. The summary after a deploy only lists what
   * was deployed; when it fails, the deployment has still happened.
   */
  readonly informational: boolean;
}

/** Every container of one run carries this label with the run's id, so `post:` can find it. */
export const RUN_LABEL = 'io.github.databricks-bundle-airgap-action.run';

/** The user, runtime and run a container belongs to. */
export interface ContainerOwner {
  readonly runtime: RuntimeName;
  /** A random id for this run of the action, the value of RUN_LABEL. */
  readonly runId: string;
  readonly uid: number;
  readonly gid: number;
}

/** The merged trust file, mounted read-only over the image's system trust file. */
export interface TrustStoreMount {
  readonly source: string;
  readonly target: string;
}

/** What a `docker run` needs beyond the inputs: all of it decided at run time by the caller. */
export interface RunContext extends ContainerOwner {
  /** The image id that was inspected; running by id means exactly that image runs. */
  readonly imageId: string;
  readonly containerName: string;
  readonly checkoutPath: string;
  readonly bundleRelativePath: string;
  /** A folder under RUNNER_TEMP, owned by the runner's user, mounted as the CLI's HOME. */
  readonly homePath: string;
  readonly trustStore: TrustStoreMount | undefined;
}

// `bundle validate --strict` (warnings become errors) exists since this CLI version.
export const STRICT_VALIDATE_SINCE = '0.286.0';

// `bundle plan` exists (hidden at first) since 0.263.0 and prints JSON with `-o json` since
// 0.269.0 (databricks/cli #3329 and #3598).
export const PLAN_SINCE = '0.263.0';
export const PLAN_JSON_SINCE = '0.269.0';

/** What the image's CLI can do, as far as the phases need to know. */
export interface CliAbilities {
  /** `bundle validate --strict`, used for fail-on-warnings. */
  readonly strictValidate: boolean;
  /** `bundle plan -o json`; without it the plan is read from its text. */
  readonly planJson: boolean;
}

const NO_ABILITIES: CliAbilities = { strictValidate: false, planJson: false };

/**
 * The CLI steps a command runs, in order, after the pre-flight. Validate always comes first, so
 * nothing changes in the workspace for a bundle the CLI rejects; `preflight` runs no CLI step.
 */
export function planPhases(
  inputs: Pick<Inputs, 'command' | 'target' | 'deployFlags'>,
  abilities: CliAbilities = NO_ABILITIES,
): Phase[] {
  const target = inputs.target;
  const validateArgs = ['bundle', 'validate', '-t', target];
  const validate = phase(
    'validate',
    abilities.strictValidate ? [...validateArgs, '--strict'] : validateArgs,
  );
  switch (inputs.command) {
    case 'preflight':
      return [];
    case 'validate':
      return [validate];
    case 'plan': {
      const planArgs = ['bundle', 'plan', '-t', target];
      if (abilities.planJson) planArgs.push('-o', 'json');
      return [validate, phase('plan', planArgs, { stdout: abilities.planJson ? 'json' : 'text' })];
    }
    case 'deploy':
      return [
        validate,
        phase('deploy', deployArgs(target, inputs.deployFlags)),
        phase('summary', ['bundle', 'summary', '-t', target, '-o', 'json'], {
          stdout: 'json',
          informational: true,
        }),
      ];
    case 'destroy':
      return [validate, phase('destroy', destroyArgs(target, inputs.deployFlags))];
  }
}

function phase(
  name: PhaseName,
  cliArgs: string[],
  options: Partial<Pick<Phase, 'stdout' | 'informational'>> = {},
): Phase {
  return {
    name,
    cliArgs,
    stdout: options.stdout ?? 'log',
    informational: options.informational ?? false,
  };
}

function deployArgs(target: string, flags: DeployFlags): string[] {
  const args = ['bundle', 'deploy', '-t', target];
  if (flags.forceLock) args.push('--force-lock');
  if (flags.autoApprove) args.push('--auto-approve');
  if (flags.failOnActiveRuns) args.push('--fail-on-active-runs');
  return args;
}

// Only reached with auto-approve set: the inputs refuse destroy without it.
function destroyArgs(target: string, flags: DeployFlags): string[] {
  const args = ['bundle', 'destroy', '-t', target, '--auto-approve'];
  if (flags.forceLock) args.push('--force-lock');
  return args;
}

/**
 * The environment the container receives, as name → value. This is the whole allow-list:
 * nothing else from the runner's environment reaches the container. The values travel in the
 * docker client's own environment and only the names appear on its command line.
 */
export function containerEnvironment(
  inputs: Pick<Inputs, 'workspaceHost' | 'credentials' | 'bundleVariables' | 'engine'>,
  extra: ContainerExtras = {},
): Record<string, string> {
  const env: Record<string, string> = {
    // Colour codes would only garble the log and the error lines the action quotes.
    NO_COLOR: '1',
    // Terraform's update check would try to reach the internet on every command.
    CHECKPOINT_DISABLE: '1',
  };
  if (inputs.workspaceHost !== undefined) env['DATABRICKS_HOST'] = inputs.workspaceHost;
  Object.assign(env, credentialEnvironment(inputs.credentials));
  if (inputs.engine !== undefined) env['DATABRICKS_BUNDLE_ENGINE'] = inputs.engine;
  for (const variable of inputs.bundleVariables) {
    env[`BUNDLE_VAR_${variable.name}`] = variable.value;
  }
  if (extra.proxies !== undefined) Object.assign(env, proxyEnvironment(extra.proxies));
  // The CLI trusts SSL_CERT_FILE; Terraform does not get it from the CLI and reads the system
  // file, over which the same merged file is mounted.
  if (extra.trustStore !== undefined) env['SSL_CERT_FILE'] = extra.trustStore.target;
  return env;
}

/** What the container gets beyond the inputs, decided at run time. */
export interface ContainerExtras {
  readonly proxies?: ProxySettings;
  readonly trustStore?: TrustStoreMount | undefined;
}

function credentialEnvironment(credentials: Credentials): Record<string, string> {
  switch (credentials.authType) {
    case 'pat':
      return { DATABRICKS_AUTH_TYPE: 'pat', DATABRICKS_TOKEN: credentials.token };
    case 'oauth-m2m':
      return {
        DATABRICKS_AUTH_TYPE: 'oauth-m2m',
        DATABRICKS_CLIENT_ID: credentials.clientId,
        DATABRICKS_CLIENT_SECRET: credentials.clientSecret,
      };
    case 'github-oidc':
      // The container asks the runner for an ID token itself (audience: the workspace's token
      // endpoint, unless the federation policy says otherwise), with the runner's request URL
      // and bearer token.
      return {
        DATABRICKS_AUTH_TYPE: 'github-oidc',
        DATABRICKS_CLIENT_ID: credentials.clientId,
        ACTIONS_ID_TOKEN_REQUEST_URL: credentials.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: credentials.requestToken,
      };
    case 'azure-client-secret':
      // The Go SDK reads only the ARM_* names for Microsoft Entra ID service principals.
      return {
        DATABRICKS_AUTH_TYPE: 'azure-client-secret',
        ARM_CLIENT_ID: credentials.clientId,
        ARM_CLIENT_SECRET: credentials.clientSecret,
        ARM_TENANT_ID: credentials.tenantId,
      };
    case 'env-oidc':
      return {
        DATABRICKS_AUTH_TYPE: 'env-oidc',
        DATABRICKS_CLIENT_ID: credentials.clientId,
        DATABRICKS_OIDC_TOKEN: credentials.idToken,
      };
  }
}

/** The names for `--env`: the container's variables, then the proxy variables left unset. */
export function containerEnvNames(containerEnv: Record<string, string>): string[] {
  const names = Object.keys(containerEnv);
  return [...names, ...PROXY_VARIABLES.filter((name) => !names.includes(name))];
}

/**
 * The start of every `docker run` the action makes: removed afterwards, never pulled, named and
 * labelled so a cancelled run or the `post:` step can remove it, as the runner's user, with no
 * privileges. The CLI needs none: it reads the bundle and talks HTTPS to the workspace.
 */
export function unprivilegedRun(containerName: string, owner: ContainerOwner): string[] {
  const args = [
    'run',
    '--rm',
    '--pull',
    'never',
    '--name',
    containerName,
    '--label',
    `${RUN_LABEL}=${owner.runId}`,
    '--user',
    `${owner.uid}:${owner.gid}`,
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
  ];
  // podman copies the proxy variables of its own environment into every container unless told
  // not to; the container gets proxies only as the action passes them, by name.
  if (owner.runtime === 'podman') args.push('--http-proxy=false');
  return args;
}

/**
 * The `docker run` (or `podman run`) argument list for one phase. Every value in it is public:
 * environment variables appear by name only, HOME aside, so the list can be logged as it is.
 */
export function dockerRunArgs(
  phase: Phase,
  context: RunContext,
  inputs: Pick<Inputs, 'dockerNetwork' | 'entrypoint'>,
  envNames: readonly string[],
): string[] {
  const workdir =
    context.bundleRelativePath === '.'
      ? CONTAINER_CHECKOUT
      : `${CONTAINER_CHECKOUT}/${context.bundleRelativePath}`;

  const args = [
    ...unprivilegedRun(context.containerName, context),
    '--mount',
    `type=bind,source=${context.checkoutPath},target=${CONTAINER_CHECKOUT}`,
    '--mount',
    `type=bind,source=${context.homePath},target=${CONTAINER_HOME}`,
  ];
  if (context.trustStore !== undefined) {
    const { source, target } = context.trustStore;
    args.push('--mount', `type=bind,source=${source},target=${target},readonly`);
  }
  args.push('--workdir', workdir);
  if (inputs.dockerNetwork !== undefined) args.push('--network', inputs.dockerNetwork);
  if (inputs.entrypoint !== undefined) args.push('--entrypoint', inputs.entrypoint);
  // HOME is a fixed, public path: on the command line, so that the client keeps its own HOME
  // (podman finds its storage there).
  args.push('--env', `HOME=${CONTAINER_HOME}`);
  for (const name of envNames) args.push('--env', name);
  args.push(context.imageId, ...phase.cliArgs);
  return args;
}
