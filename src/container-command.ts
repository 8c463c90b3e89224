import type { Credentials } from './credentials.js';
import type { Command, DeployFlags, Inputs } from './inputs.js';

/** Where the checkout and the per-run home folder appear inside the container. */
export const CONTAINER_CHECKOUT = '/github/workspace';
export const CONTAINER_HOME = '/home/deployer';

/**
 * The proxy variables that a docker client injects into every container from the `proxies`
 * section of its config.json. Naming them with `--env` without a value in the client's
 * environment stops that injection and leaves them unset, so a runner's proxy settings, and any
 * credentials in them, reach the container only when the action passes them on purpose.
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

/** One CLI step: its name and the CLI arguments that follow the image. */
export interface Phase {
  readonly name: 'validate' | 'deploy';
  readonly cliArgs: readonly string[];
}

/** What a `docker run` needs beyond the inputs: all of it decided at run time by the caller. */
export interface RunContext {
  /** The image id that was inspected; running by id means exactly that image runs. */
  readonly imageId: string;
  readonly containerName: string;
  readonly uid: number;
  readonly gid: number;
  readonly checkoutPath: string;
  readonly bundleRelativePath: string;
  /** A folder under RUNNER_TEMP, owned by the runner's user, mounted as the CLI's HOME. */
  readonly homePath: string;
}

// `bundle validate --strict` (warnings become errors) exists since this CLI version.
export const STRICT_VALIDATE_SINCE = '0.286.0';

/**
 * The CLI steps a command runs, in order, after the pre-flight. `strict` adds `--strict` to
 * validate, for a CLI that has it. Validate always comes first;
 * `preflight` runs no CLI step at all.
 */
export function planPhases(
  inputs: Pick<Inputs, 'command' | 'target' | 'deployFlags'>,
  strict = false,
): Phase[] {
  const validateArgs = ['bundle', 'validate', '-t', inputs.target];
  const validate: Phase = {
    name: 'validate',
    cliArgs: strict ? [...validateArgs, '--strict'] : validateArgs,
  };
  const phases: Record<Command, Phase[]> = {
    preflight: [],
    validate: [validate],
    deploy: [validate, { name: 'deploy', cliArgs: deployArgs(inputs.target, inputs.deployFlags) }],
  };
  return phases[inputs.command];
}

function deployArgs(target: string, flags: DeployFlags): string[] {
  const args = ['bundle', 'deploy', '-t', target];
  if (flags.forceLock) args.push('--force-lock');
  if (flags.autoApprove) args.push('--auto-approve');
  if (flags.failOnActiveRuns) args.push('--fail-on-active-runs');
  return args;
}

/**
 * The environment the container receives, as name → value. This is the whole allow-list:
 * nothing else from the runner's environment reaches the container. The values travel in the
 * docker client's own environment and only the names appear on its command line.
 */
export function containerEnvironment(
  inputs: Pick<Inputs, 'workspaceHost' | 'credentials' | 'bundleVariables' | 'engine'>,
): Record<string, string> {
  const env: Record<string, string> = {
    HOME: CONTAINER_HOME,
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
  return env;
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
  }
}

/** The names for `--env`: the container's variables, then the proxy variables left unset. */
export function containerEnvNames(containerEnv: Record<string, string>): string[] {
  const names = Object.keys(containerEnv);
  return [...names, ...PROXY_VARIABLES.filter((name) => !names.includes(name))];
}

/**
 * The start of every `docker run` the action makes: removed afterwards, never pulled, named so
 * a cancelled run can remove it, as the runner's user, with no privileges. The CLI needs none:
 * it reads the bundle and talks HTTPS to the workspace.
 */
export function unprivilegedRun(containerName: string, uid: number, gid: number): string[] {
  return [
    'run',
    '--rm',
    '--pull',
    'never',
    '--name',
    containerName,
    '--user',
    `${uid}:${gid}`,
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
  ];
}

/**
 * The `docker run` argument list for one phase. Every value in it is public: environment
 * variables appear by name only, so the list can be logged as it is.
 */
export function dockerRunArgs(
  phase: Phase,
  context: RunContext,
  inputs: Pick<Inputs, 'dockerNetwork'>,
  envNames: readonly string[],
): string[] {
  const workdir =
    context.bundleRelativePath === '.'
      ? CONTAINER_CHECKOUT
      : `${CONTAINER_CHECKOUT}/${context.bundleRelativePath}`;

  const args = [
    ...unprivilegedRun(context.containerName, context.uid, context.gid),
    '--mount',
    `type=bind,source=${context.checkoutPath},target=${CONTAINER_CHECKOUT}`,
    '--mount',
    `type=bind,source=${context.homePath},target=${CONTAINER_HOME}`,
    '--workdir',
    workdir,
  ];
  if (inputs.dockerNetwork !== undefined) args.push('--network', inputs.dockerNetwork);
  for (const name of envNames) args.push('--env', name);
  args.push(context.imageId, ...phase.cliArgs);
  return args;
}
