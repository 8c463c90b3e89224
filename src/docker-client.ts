/**
 * The runner variables the docker client itself needs to find and talk to the engine. Only these
 * are copied from the runner's environment; see containerEnvironment for what the container gets.
 */
const CLIENT_VARIABLES = [
  'PATH',
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'DOCKER_API_VERSION',
  // A rootless engine's default socket lives under XDG_RUNTIME_DIR.
  'XDG_RUNTIME_DIR',
] as const;

/** The docker client's environment, built from scratch rather than inherited. */
export function dockerClientEnvironment(runnerEnv: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of CLIENT_VARIABLES) {
    const value = runnerEnv[name];
    if (value !== undefined && value !== '') env[name] = value;
  }

  // HOME is handed to the container by name, so the client's own HOME is the container's. The
  // client would otherwise look for its configuration under HOME, so name that folder directly.
  const home = runnerEnv['HOME'];
  const configDir = runnerEnv['DOCKER_CONFIG'] || (home ? `${home}/.docker` : undefined);
  if (configDir !== undefined) env['DOCKER_CONFIG'] = configDir;

  return env;
}
