import { ActionError, messageOf } from './errors.js';
import { runProgram } from './program.js';

/** The container runtimes the action can drive; both take the same `run` arguments. */
export const RUNTIMES = ['docker', 'podman'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

/** A runtime's client program and the environment it runs in. */
export interface ContainerRuntime {
  /** The program on PATH, also the runtime's name in messages. */
  readonly program: RuntimeName;
  /** The client's environment, built from scratch rather than inherited. */
  readonly env: Record<string, string>;
}

/**
 * The runner variables each client needs to find and talk to its engine or storage. Only these
 * are copied from the runner's environment; see containerEnvironment for what the container
 * gets.
 */
const CLIENT_VARIABLES: Record<RuntimeName, readonly string[]> = {
  docker: [
    'DOCKER_HOST',
    'DOCKER_CONTEXT',
    'DOCKER_CERT_PATH',
    'DOCKER_TLS_VERIFY',
    'DOCKER_API_VERSION',
  ],
  // podman has no daemon: its configuration and storage follow HOME and the XDG folders (a
  // rootless user's images live under ~/.local/share/containers), or a remote service.
  podman: [
    'HOME',
    'CONTAINER_HOST',
    'CONTAINER_CONNECTION',
    'CONTAINERS_CONF',
    'CONTAINERS_STORAGE_CONF',
    'XDG_CONFIG_HOME',
    'XDG_DATA_HOME',
  ],
};

// A rootless engine's socket (docker) or run-time folder (podman) lives under XDG_RUNTIME_DIR.
const COMMON_VARIABLES = ['PATH', 'XDG_RUNTIME_DIR'] as const;

export function containerRuntime(
  program: RuntimeName,
  runnerEnv: NodeJS.ProcessEnv,
): ContainerRuntime {
  const env: Record<string, string> = {};
  for (const name of [...COMMON_VARIABLES, ...CLIENT_VARIABLES[program]]) {
    const value = runnerEnv[name];
    if (value !== undefined && value !== '') env[name] = value;
  }

  if (program === 'docker') {
    // The docker client finds its configuration under HOME, which it is not given; name that
    // folder directly.
    const home = runnerEnv['HOME'];
    const configDir = runnerEnv['DOCKER_CONFIG'] || (home ? `${home}/.docker` : undefined);
    if (configDir !== undefined) env['DOCKER_CONFIG'] = configDir;
  }
  return { program, env };
}

/** Runs a command of the runtime's client; its absence from PATH is a clear error. */
export async function runClient(runtime: ContainerRuntime, args: string[]) {
  try {
    return await runProgram(runtime.program, args, { env: runtime.env });
  } catch (error) {
    // runProgram rejects, rather than returning an exit code, only when the client cannot be
    // started at all, which in practice means there is no such executable on PATH.
    throw new ActionError(
      `The ${runtime.program} command was not found on this runner (PATH has no ` +
        `${runtime.program}). Install it on the self-hosted runner, or make it available on PATH ` +
        `for the runner service; input 'container-runtime' chooses between docker and podman. ` +
        `(${messageOf(error)})`,
    );
  }
}
