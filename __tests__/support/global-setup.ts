// jest globalSetup: builds the stand-in CLI image, starts a loopback registry and mirrors the
// image into it, then hands the references to the tests through process.env (jest workers
// inherit it):
//   STAND_IN_IMAGE               local tag of the stand-in image
//   STAND_IN_IMAGE_ID            its image id (sha256:...)
//   STAND_IN_MIRRORED_TAG_REF    127.0.0.1:PORT/databricks/cli:0.298.0
//   STAND_IN_MIRRORED_DIGEST_REF 127.0.0.1:PORT/databricks/cli@sha256:...
//   STAND_IN_REGISTRY_PID        pid of the registry, stopped by global-teardown
//   STAND_IN_REGISTRY_DIR        its temp dir (config, storage, log), removed by global-teardown
//   STAND_IN_SUPPORT_DIR         compiled support modules, used and removed by global-teardown
//   CONTAINERS_CONF              podman's configuration for the tests (support/podman/)
// It also loads the stand-in image into podman's store, for the tests of container-runtime:
// podman. Docker and podman are required: without them the run fails, it never skips.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import ts from 'typescript';

const STAND_IN_CLI_VERSION = '0.298.0';
const DEFAULT_IMAGE = `databricks-cli-stand-in:${STAND_IN_CLI_VERSION}`;
const MIRRORED_REPOSITORY = 'databricks/cli';
const BUILD_SCRIPT = fileURLToPath(new URL('./stand-in-cli/build-image.sh', import.meta.url));
const SUPPORT_MODULES = ['exec', 'registry'] as const;

export interface SupportModules {
  readonly exec: typeof import('./exec.js');
  readonly registry: typeof import('./registry.js');
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const { exec, registry } = await compileSupportModules();
  await requireDockerEngine(exec);

  const image = DEFAULT_IMAGE;
  const version = ['--cli-version', STAND_IN_CLI_VERSION];
  const built = await exec.runChecked(['bash', BUILD_SCRIPT, ...version, image]);
  const imageId = built.stdout.trim();
  const afterBuild = Date.now();

  const loopback = await registry.startRegistry();
  process.env.STAND_IN_REGISTRY_PID = String(loopback.pid);
  process.env.STAND_IN_REGISTRY_DIR = loopback.directory;
  let mirrored;
  try {
    const repoTag = `${loopback.address}/${MIRRORED_REPOSITORY}:${STAND_IN_CLI_VERSION}`;
    mirrored = await registry.mirrorImage(image, repoTag);
  } catch (error) {
    await registry.stopRegistry(loopback.pid, loopback.directory);
    throw error;
  }

  process.env.STAND_IN_IMAGE = image;
  process.env.STAND_IN_IMAGE_ID = imageId;
  await loadIntoPodman(exec, image);
  process.env.STAND_IN_MIRRORED_TAG_REF = mirrored.tagRef;
  process.env.STAND_IN_MIRRORED_DIGEST_REF = mirrored.digestRef;

  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  process.stderr.write(
    `\nstand-in set-up: image ${seconds(afterBuild - started)}, registry and mirror ` +
      `${seconds(Date.now() - afterBuild)}; ${mirrored.digestRef}\n`,
  );
}

const PODMAN_CONF = fileURLToPath(new URL('./podman/containers.conf', import.meta.url));
const CONTENT_LABEL = 'io.github.databricks-bundle-airgap-action.stand-in.content-hash';

/** Copies the stand-in image into podman's store, unless the same build is there already. */
async function loadIntoPodman(exec: SupportModules['exec'], image: string): Promise<void> {
  process.env.CONTAINERS_CONF = PODMAN_CONF;
  const env = { ...process.env, CONTAINERS_CONF: PODMAN_CONF };
  const label = `{{ index .Config.Labels "${CONTENT_LABEL}" }}`;
  const wanted = (await exec.runChecked(['docker', 'image', 'inspect', '--format', label, image]))
    .stdout;
  const present = await exec.run(['podman', 'image', 'inspect', '--format', label, image], {
    env,
  });
  if (present.exitCode === 0 && present.stdout.trim() === wanted.trim()) return;

  const archive = path.join(os.tmpdir(), `stand-in-for-podman-${process.pid}.tar`);
  try {
    await exec.runChecked(['docker', 'save', '--output', archive, image]);
    await exec.runChecked(['podman', 'load', '--input', archive], { env });
  } finally {
    fs.rmSync(archive, { force: true });
  }
}

/**
 * jest loads its global hooks as native ES modules, where its moduleNameMapper (`./x.js` to
 * `./x.ts`) does not apply, so `import './exec.js'` would not resolve. The hooks therefore
 * compile the support modules with the project's TypeScript into a temp dir and import them
 * from there; global-teardown reuses the same dir.
 */
async function loadSupportModules(dir: string): Promise<SupportModules> {
  const load = async (name: string): Promise<unknown> =>
    import(pathToFileURL(path.join(dir, `${name}.js`)).href);
  return {
    exec: (await load('exec')) as SupportModules['exec'],
    registry: (await load('registry')) as SupportModules['registry'],
  };
}

async function compileSupportModules(): Promise<SupportModules> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stand-in-support-'));
  process.env.STAND_IN_SUPPORT_DIR = dir;
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const name of SUPPORT_MODULES) {
    const fileName = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
    const { outputText } = ts.transpileModule(fs.readFileSync(fileName, 'utf8'), {
      fileName,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    fs.writeFileSync(path.join(dir, `${name}.js`), outputText);
  }
  return loadSupportModules(dir);
}

async function requireDockerEngine(exec: SupportModules['exec']): Promise<void> {
  let detail: string;
  try {
    const result = await exec.run(['docker', 'version', '--format', '{{.Server.Version}}'], {
      timeoutMs: 20_000,
    });
    if (result.exitCode === 0 && result.stdout.trim()) return;
    detail = result.timedOut ? 'timed out after 20 s' : result.stderr.trim();
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
  }
  throw new Error(
    'These tests run the stand-in Databricks CLI image and need a Docker engine, but none ' +
      `answers \`docker version\` (${detail || 'no server version'}).\n` +
      'Start one and run the tests again, for example `sudo systemctl start docker`, or ' +
      '`sudo dockerd >/tmp/dockerd.log 2>&1 &` on a machine without systemd, or set ' +
      'DOCKER_HOST to a running engine. The tests are not skipped without it.',
  );
}
