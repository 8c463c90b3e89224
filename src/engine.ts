import { type ContainerRuntime, runClient, type RuntimeName } from './container-runtime.js';
import { ActionError } from './errors.js';
import type { ImageReference } from './image-reference.js';

/** What the local image store says about the image that will run. */
export interface LocalImage {
  /** The content-addressed image id, `sha256:...`; the container runs by this id. */
  readonly id: string;
  /** The registry digest reference for the requested repository, when the store knows one. */
  readonly repoDigest: string | undefined;
  /** Every registry digest reference the store holds for this image. */
  readonly repoDigests: readonly string[];
  readonly platform: string;
  readonly os: string;
  readonly architecture: string;
  /** The image's own environment (Config.Env), e.g. DATABRICKS_TF_EXEC_PATH. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Checks that the engine answers and that the image is already in its local store. Nothing is
 * ever pulled: an air-gapped runner has nowhere to pull from, and a pull would bypass the
 * mirror's approval. An inspection that succeeds proves the engine answers, so `docker version`
 * runs only to explain a failed inspection; that saves a client start on every run.
 */
export async function inspectEngineAndImage(
  image: ImageReference,
  runtime: ContainerRuntime,
): Promise<LocalImage> {
  const inspection = await runClient(runtime, [
    'image',
    'inspect',
    '--format',
    '{{json .}}',
    image.raw,
  ]);
  if (inspection.exitCode === 0) {
    return describeImage(image, inspection.stdout, runtime.program);
  }

  const version = await runClient(runtime, [
    'version',
    '--format',
    VERSION_FORMAT[runtime.program],
  ]);
  if (version.exitCode !== 0) {
    throw engineUnreachable(runtime, version.stderr);
  }
  throw imageMissing(image, inspection.stderr, runtime.program);
}

// podman answers `version` without any service (it has none); the server part is docker's.
const VERSION_FORMAT = { docker: '{{.Server.Version}}', podman: '{{.Client.Version}}' } as const;

function engineUnreachable(runtime: ContainerRuntime, stderr: string): ActionError {
  if (runtime.program === 'podman') {
    return new ActionError(
      'podman could not start for this runner user: check its storage and configuration ' +
        '(CONTAINERS_CONF, CONTAINERS_STORAGE_CONF, or CONTAINER_HOST for a remote service). ' +
        `podman said: ${lastLines(stderr, 3)}`,
    );
  }
  const where =
    runtime.env['DOCKER_HOST'] === undefined
      ? 'the default socket (DOCKER_HOST is not set)'
      : `DOCKER_HOST=${runtime.env['DOCKER_HOST']}`;
  return new ActionError(
    `No Docker engine answered at ${where}. This action runs the Databricks CLI in a container, ` +
      'so the runner needs a Docker engine it can reach: start the engine, add the runner user ' +
      'to the docker group, or set DOCKER_HOST for the runner (or use container-runtime: ' +
      `podman). Docker said: ${lastLines(stderr, 3)}`,
  );
}

function imageMissing(image: ImageReference, stderr: string, program: RuntimeName): ActionError {
  const vHint =
    image.tag !== undefined && /^v\d/.test(image.tag)
      ? ` Note that upstream CLI image tags carry no "v" (e.g. 0.298.0, not ${image.tag}).`
      : '';
  return new ActionError(
    `Input 'image': ${image.raw} is not in this runner's local image store, and this action ` +
      'never pulls. Mirror the approved image into your internal registry and pull it onto the ' +
      `runner in a separate, reviewed step (${program} pull <mirror>/...), or bring it in as a ` +
      `file with the image-archive input.${vHint} ${program} said: ${lastLines(stderr, 2)}`,
  );
}

interface InspectedImage {
  Id?: unknown;
  RepoDigests?: unknown;
  Os?: unknown;
  Architecture?: unknown;
  Variant?: unknown;
  Config?: { Env?: unknown } | null;
}

function describeImage(image: ImageReference, json: string, program: RuntimeName): LocalImage {
  // podman prints a list of one image even for `{{json .}}`; docker prints the image.
  const parsed = JSON.parse(json) as InspectedImage | InspectedImage[];
  const inspected = (Array.isArray(parsed) ? parsed[0] : parsed) ?? {};
  // podman's ids carry no algorithm; both runtimes accept the sha256: form when running.
  const id =
    typeof inspected.Id === 'string' ? inspected.Id.replace(/^(?=[0-9a-f]{64}$)/, 'sha256:') : '';
  if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
    throw new ActionError(
      `${program} image inspect returned no image id for ${image.raw}; its answer was not ` +
        `understood. Check the ${program} version on the runner.`,
    );
  }

  const repoDigests = Array.isArray(inspected.RepoDigests)
    ? inspected.RepoDigests.filter((entry): entry is string => typeof entry === 'string')
    : [];
  const wanted = image.digest === undefined ? undefined : `${image.repository}@${image.digest}`;
  const repoDigest =
    repoDigests.find((entry) => entry === wanted) ??
    repoDigests.find((entry) => entry.startsWith(`${image.repository}@`)) ??
    repoDigests[0];

  const platform = [inspected.Os, inspected.Architecture, inspected.Variant]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join('/');

  const os = typeof inspected.Os === 'string' ? inspected.Os : '';
  const architecture = typeof inspected.Architecture === 'string' ? inspected.Architecture : '';
  const env = imageEnvironment(inspected.Config?.Env);
  return { id, repoDigest, repoDigests, platform, os, architecture, env };
}

function imageEnvironment(entries: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  if (!Array.isArray(entries)) return env;
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const equals = entry.indexOf('=');
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return env;
}

/** The last non-empty lines of a command's output, joined for a one-line message. */
export function lastLines(text: string, count: number): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.slice(-count).join(' ') || '(no output)';
}
