// Images that make `docker run` end with the exit codes the action explains, built locally with
// `docker import` (nothing is pulled). Each carries a label with a digest of its inputs, so an
// unchanged image is reused instead of rebuilt, as stand-in-cli/build-image.sh does.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { run, runChecked } from './exec.js';
import { packRootfs } from './test-files.js';

const BUSYBOX = '/bin/busybox';
// Debian's tini package; the static build runs in an image without a C library.
const TINI = '/usr/bin/tini-static';
const REPOSITORY = 'databricks-cli-stand-in';
const HASH_LABEL = 'io.github.databricks-bundle-airgap-action.exit-code-image.content-hash';
const THIS_MODULE = fileURLToPath(import.meta.url);

export interface ExitCodeImages {
  /** Its entrypoint /app/databricks exists but has no execute bit: docker exits 126. */
  readonly entrypointNotExecutable: string;
  /** Its entrypoint /app/databricks does not exist: docker exits 127. */
  readonly entrypointMissing: string;
  /**
   * The stand-in CLI behind tini, as enterprise images often run the CLI. tini passes a
   * SIGTERM on to the CLI and exits 128 + 15 when the CLI dies of it, where the CLI as PID 1
   * would exit 2.
   */
  readonly standInBehindInit: string;
}

/** Builds the images that are missing or out of date; returns their tags. */
export async function buildExitCodeImages(standInImage: string): Promise<ExitCodeImages> {
  const busybox = fileDigest(BUSYBOX, 'busybox-static');
  const tini = fileDigest(TINI, 'tini');
  const version = standInImage.slice(standInImage.lastIndexOf(':') + 1);
  const tag = (variant: string) => `${REPOSITORY}:${version}-${variant}`;
  const standInId = (
    await runChecked(['docker', 'image', 'inspect', '--format', '{{.Id}}', standInImage])
  ).stdout.trim();

  const entrypointNotExecutable = tag('entrypoint-not-executable');
  const entrypointMissing = tag('entrypoint-missing');
  const standInBehindInit = tag('tini');
  await buildIfChanged(entrypointNotExecutable, [busybox], (dir, label) =>
    importBusyboxImage(dir, entrypointNotExecutable, label, 0o644),
  );
  await buildIfChanged(entrypointMissing, [busybox], (dir, label) =>
    importBusyboxImage(dir, entrypointMissing, label, undefined),
  );
  await buildIfChanged(standInBehindInit, [tini, standInId], (dir, label) =>
    importWithInit(dir, standInId, standInBehindInit, label),
  );
  return { entrypointNotExecutable, entrypointMissing, standInBehindInit };
}

/** The SHA-256 of a host file the images are built from, which a Debian package installs. */
function fileDigest(file: string, debianPackage: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: install the Debian package ${debianPackage} ` +
        '(scripts/setup-engine.sh does).',
    );
  }
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Runs `build` in a temp dir unless the tag already holds an image with the same inputs: this
 * module's source, the tag, and the given digests and image ids. `build` must set the content
 * label it is given.
 */
async function buildIfChanged(
  tag: string,
  inputs: readonly string[],
  build: (dir: string, contentLabel: string) => Promise<void>,
): Promise<void> {
  const hash = createHash('sha256').update(fs.readFileSync(THIS_MODULE)).update(`\0${tag}`);
  for (const input of inputs) hash.update(`\0${input}`);
  const contentHash = hash.digest('hex');

  const existing = await run([
    'docker',
    'image',
    'inspect',
    '--format',
    `{{.Id}} {{ index .Config.Labels "${HASH_LABEL}" }}`,
    tag,
  ]);
  const [previousId, previousHash] = existing.stdout.trim().split(' ');
  if (existing.exitCode === 0 && previousHash === contentHash) return;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exit-code-image-'));
  try {
    await build(dir, `LABEL ${HASH_LABEL}="${contentHash}"`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The tag moved to the new image; the old one goes unless something else still uses it.
  if (existing.exitCode === 0 && previousId !== undefined) {
    await run(['docker', 'image', 'rm', previousId]);
  }
}

/**
 * A busybox root file system whose entrypoint, /app/databricks, is broken: a script without an
 * execute bit, or, with no mode, no file at all.
 */
async function importBusyboxImage(
  dir: string,
  tag: string,
  contentLabel: string,
  entrypointMode: number | undefined,
): Promise<void> {
  const rootfs = path.join(dir, 'rootfs');
  fs.mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(rootfs, 'app'));
  fs.mkdirSync(path.join(rootfs, 'tmp'));
  fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);
  fs.copyFileSync(BUSYBOX, path.join(rootfs, 'bin/busybox'));
  fs.symlinkSync('busybox', path.join(rootfs, 'bin/sh'));
  if (entrypointMode !== undefined) {
    const entrypoint = path.join(rootfs, 'app/databricks');
    fs.writeFileSync(entrypoint, '#!/bin/sh\necho "not the Databricks CLI" >&2\nexit 1\n');
    fs.chmodSync(entrypoint, entrypointMode);
  }
  const layer = path.join(dir, 'rootfs.tar');
  // A fixed order, owner and mtime make the layer identical for identical inputs.
  await packRootfs(rootfs, layer);
  await importImage(layer, tag, [
    'ENTRYPOINT ["/app/databricks"]',
    'CMD ["-h"]',
    'ENV PATH=/app:/bin',
    'LABEL org.opencontainers.image.description="broken Databricks CLI image, for tests only"',
    contentLabel,
  ]);
}

/**
 * The stand-in image's files plus tini, with the stand-in's environment, command and labels,
 * and `tini --` in front of its entrypoint. The files come out of `docker export` of a
 * container that is created, never started, and removed at once.
 */
async function importWithInit(
  dir: string,
  standInId: string,
  tag: string,
  contentLabel: string,
): Promise<void> {
  const inspected = await runChecked([
    'docker',
    'image',
    'inspect',
    '--format',
    '{{json .Config}}',
    standInId,
  ]);
  const config = JSON.parse(inspected.stdout) as {
    Env?: string[] | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    Labels?: Record<string, string> | null;
  };

  const layer = path.join(dir, 'rootfs.tar');
  const container = `exit-code-image-export-${randomBytes(6).toString('hex')}`;
  try {
    await runChecked(['docker', 'create', '--pull', 'never', '--name', container, standInId]);
    await runChecked(['docker', 'export', '--output', layer, container]);
  } finally {
    await run(['docker', 'rm', '--force', container]);
  }

  const extra = path.join(dir, 'extra');
  fs.mkdirSync(path.join(extra, 'usr/bin'), { recursive: true });
  fs.copyFileSync(TINI, path.join(extra, 'usr/bin/tini'));
  fs.chmodSync(path.join(extra, 'usr/bin/tini'), 0o755);
  await runChecked([
    'tar',
    '-C',
    extra,
    '--numeric-owner',
    '--owner=0',
    '--group=0',
    '--mtime=@0',
    '--append',
    '-f',
    layer,
    'usr/bin/tini',
  ]);

  const labels = Object.entries(config.Labels ?? {})
    .filter(([name]) => !name.endsWith('.content-hash'))
    .map(([name, value]) => `LABEL ${name}=${JSON.stringify(value)}`);
  await importImage(layer, tag, [
    `ENTRYPOINT ${JSON.stringify(['/usr/bin/tini', '--', ...(config.Entrypoint ?? [])])}`,
    `CMD ${JSON.stringify(config.Cmd ?? [])}`,
    ...(config.Env ?? []).map((variable) => `ENV ${variable}`),
    ...labels,
    contentLabel,
  ]);
}

/** `docker import` of a root file system tar; the changes set the image's config. */
async function importImage(layer: string, tag: string, changes: readonly string[]): Promise<void> {
  await runChecked([
    'docker',
    'import',
    ...changes.flatMap((change) => ['--change', change]),
    '--message',
    'exit-code test image, for tests only',
    layer,
    tag,
  ]);
}
