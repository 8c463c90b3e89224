/**
 * Inputs for building image/Dockerfile in tests, all made here and all STAND-INS: a base image
 * imported from a root file system (no registry), and zip archives named like the real release
 * archives of the Databricks CLI, Terraform and the Databricks provider. The CLI archive's
 * `databricks` is a launcher for the stand-in CLI that the base image carries under
 * /opt/stand-in-cli, so the CLI reaches /app only through the Dockerfile's archive and checksum
 * path. Builds run with `--network none` and the classic builder (DOCKER_BUILDKIT=0), which is
 * what Debian's docker.io 20.10 offers without the buildx plugin.
 *
 * Images are tagged databricks-cli-built:<name> and carry a label with a digest of their inputs,
 * so an unchanged image is reused rather than rebuilt.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

import { standInImage } from './action-harness.js';
import { REPOSITORY_ROOT } from './bundles.js';
import { run, runChecked, type RunResult } from './exec.js';
import { packRootfs } from './test-files.js';

export const IMAGE_DIR = path.join(REPOSITORY_ROOT, 'image');
export const DOCKERFILE = path.join(IMAGE_DIR, 'Dockerfile');
export const BASE_IMAGE = 'databricks-cli-built:stand-in-base';

export const CLI_VERSION = '0.298.0';
// What CLI 0.298.0 is built for (databricks/cli@v0.298.0: bundle/deploy/terraform/pkg.go,
// bundle/internal/tf/schema/root.go); the stand-in launcher reports the same versions.
export const TERRAFORM_VERSION = '1.5.5';
export const PROVIDER_VERSION = '1.113.0';
export const ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';

export type Target = 'direct-only' | 'with-terraform';

const CONTENT_LABEL = 'io.github.databricks-bundle-airgap-action.test.content-hash';
const THIS_FILE = path.join(REPOSITORY_ROOT, '__tests__/support/image-build-fixtures.ts');
const STAND_IN_CLI_DIR = '/opt/stand-in-cli';

export interface Archive {
  readonly name: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

export interface StandInArchives {
  readonly cli: Archive;
  readonly terraform: Archive;
  readonly provider: Archive;
}

/** The three stand-in archives, identical on every call (fixed zip timestamps). */
export function standInArchives(): StandInArchives {
  const terraform = terraformArchive(TERRAFORM_VERSION);
  const provider = providerArchive(PROVIDER_VERSION);
  return { cli: cliArchive(terraform, provider), terraform, provider };
}

export function providerArchive(version: string): Archive {
  return archive(`terraform-provider-databricks_${version}_linux_${ARCH}.zip`, [
    {
      name: `terraform-provider-databricks_v${version}`,
      mode: 0o755,
      text: '#!/bin/sh\necho "STAND-IN Databricks provider, for tests" >&2\nexit 1\n',
    },
    { name: 'LICENSE', mode: 0o644, text: 'STAND-IN archive for tests.\n' },
  ]);
}

function terraformArchive(version: string): Archive {
  return archive(`terraform_${version}_linux_${ARCH}.zip`, [
    {
      name: 'terraform',
      mode: 0o755,
      text: [
        '#!/bin/sh',
        '# STAND-IN for Terraform, for tests: answers `version` only.',
        'case "$1" in',
        `  version | -version | --version) printf 'Terraform v${version}\\non linux_${ARCH}\\n' ;;`,
        '  *) echo "STAND-IN terraform: only version is implemented" >&2; exit 1 ;;',
        'esac',
        '',
      ].join('\n'),
    },
  ]);
}

/**
 * The CLI archive: a `databricks` launcher that starts the stand-in CLI from the base image,
 * except for `bundle debug terraform --output json`, which the stand-in lacks and the
 * Dockerfile's Terraform stage asks; the launcher answers it in the real CLI's format, naming
 * the stand-in Terraform and provider archives as the ones the CLI expects, and reports on
 * stderr which network interfaces it sees.
 */
function cliArchive(terraform: Archive, provider: Archive): Archive {
  const other = ARCH === 'amd64' ? 'arm64' : 'amd64';
  const facts = {
    terraform: {
      version: TERRAFORM_VERSION,
      checksum: { [`linux_${ARCH}`]: terraform.sha256, [`linux_${other}`]: '0'.repeat(64) },
      providerHost: 'registry.terraform.io',
      providerSource: 'databricks/databricks',
      providerVersion: PROVIDER_VERSION,
      providerChecksum: { [`linux_${ARCH}`]: provider.sha256, [`linux_${other}`]: '0'.repeat(64) },
    },
  };
  const launcher = [
    '#!/usr/local/bin/node',
    '// STAND-IN for the Databricks CLI binary, for tests of image/Dockerfile; not the real CLI.',
    "'use strict';",
    "if (process.argv.slice(2).join(' ') === 'bundle debug terraform --output json') {",
    "  const names = Object.keys(require('node:os').networkInterfaces()).sort().join(',');",
    '  process.stderr.write(`stand-in launcher: network interfaces: ${names}\\n`);',
    `  process.stdout.write(${JSON.stringify(JSON.stringify(facts, null, 2))});`,
    '} else {',
    `  import('${STAND_IN_CLI_DIR}/databricks.mjs');`,
    '}',
    '',
  ].join('\n');
  return archive(`databricks_cli_${CLI_VERSION}_linux_${ARCH}.zip`, [
    { name: 'databricks', mode: 0o755, text: launcher },
    { name: 'README.md', mode: 0o644, text: 'STAND-IN release archive for tests.\n' },
  ]);
}

/** Lines in `sha256sum` format, as the release checksum files have them. */
export function sha256sums(archives: readonly Archive[]): string {
  return archives.map((entry) => `${entry.sha256}  ${entry.name}\n`).join('');
}

/**
 * A build context as docs/building-the-image.md describes it: the helper script and
 * .dockerignore from image/, and files/ with the archives and SHA256SUMS. Returns its path.
 */
export function writeBuildContext(archives: readonly Archive[], sums: string): string {
  const context = mkdtempSync(path.join(tmpdir(), 'image-build-context-'));
  cpSync(
    path.join(IMAGE_DIR, 'verify-and-install.sh'),
    path.join(context, 'verify-and-install.sh'),
  );
  cpSync(path.join(IMAGE_DIR, '.dockerignore'), path.join(context, '.dockerignore'));
  mkdirSync(path.join(context, 'files'));
  for (const entry of archives) writeFileSync(path.join(context, 'files', entry.name), entry.bytes);
  writeFileSync(path.join(context, 'files', 'SHA256SUMS'), sums);
  return context;
}

/** The build arguments the docs give for a target, for these archives and the stand-in base. */
export function buildArgs(target: Target, archives: StandInArchives): Record<string, string> {
  const args: Record<string, string> = {
    BASE_IMAGE,
    ARCH,
    CLI_VERSION,
    CLI_SHA256: archives.cli.sha256,
  };
  if (target === 'with-terraform') {
    Object.assign(args, {
      TERRAFORM_VERSION,
      TERRAFORM_SHA256: archives.terraform.sha256,
      PROVIDER_VERSION,
      PROVIDER_SHA256: archives.provider.sha256,
    });
  }
  return args;
}

export interface BuildRequest {
  readonly context: string;
  readonly target: Target;
  readonly args: Record<string, string>;
  readonly tag?: string;
  readonly labels?: Record<string, string>;
}

/** The docker build command line the docs give, plus --force-rm so failed steps leave nothing. */
export function buildCommand(request: BuildRequest): string[] {
  const argv = ['docker', 'build', '--network', 'none', '--force-rm', '--target', request.target];
  for (const [name, value] of Object.entries(request.args)) {
    argv.push('--build-arg', `${name}=${value}`);
  }
  for (const [name, value] of Object.entries(request.labels ?? {})) {
    argv.push('--label', `${name}=${value}`);
  }
  if (request.tag !== undefined) argv.push('--tag', request.tag);
  argv.push('--file', DOCKERFILE, request.context);
  return argv;
}

export function buildImage(request: BuildRequest): Promise<RunResult> {
  return run(buildCommand(request), {
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    timeoutMs: 120_000,
  });
}

export interface BuiltImage {
  readonly tag: string;
  readonly archives: StandInArchives;
}

/** Builds databricks-cli-built:<target> from the stand-in inputs, unless it is up to date. */
export async function ensureBuiltImage(target: Target): Promise<BuiltImage> {
  const base = await ensureStandInBase();
  const archives = standInArchives();
  const args = buildArgs(target, archives);
  const tag = `databricks-cli-built:${target}`;
  const hash = sha256(
    [
      await imageId(base),
      JSON.stringify({ target, args }),
      ...['Dockerfile', 'verify-and-install.sh', '.dockerignore'].map((name) =>
        readFileSync(path.join(IMAGE_DIR, name), 'utf8'),
      ),
      readFileSync(THIS_FILE, 'utf8'),
    ].join('\n'),
  );
  if ((await contentLabel(tag)) === hash) return { tag, archives };

  const previous = await imageId(tag).catch(() => undefined);
  const all = [archives.cli, archives.terraform, archives.provider];
  const context = writeBuildContext(all, sha256sums(all));
  try {
    const result = await buildImage({
      context,
      target,
      args,
      tag,
      labels: { [CONTENT_LABEL]: hash },
    });
    if (result.exitCode !== 0) {
      throw new Error(`building ${tag} failed:\n${result.stdout}\n${result.stderr}`);
    }
    await dropIfReplaced(previous, tag);
    return { tag, archives };
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/**
 * Removes the untagged images left by builds on an earlier base (build stages, failed builds'
 * steps, the replaced base itself), found by the content label they inherit from that base. The
 * current base's untagged images stay: they are the build cache of the next run.
 */
export async function removeStaleBuildImages(): Promise<void> {
  const current = await contentLabel(BASE_IMAGE);
  if (current === undefined) return;
  await runChecked([
    'docker',
    'image',
    'prune',
    '--force',
    '--filter',
    `label=${CONTENT_LABEL}`,
    '--filter',
    `label!=${CONTENT_LABEL}=${current}`,
  ]);
}

/**
 * The base image: the stand-in CLI image's root file system (busybox, the host's node and its
 * libraries) with its /app moved to /opt/stand-in-cli and the launcher and Terraform settings
 * left out, imported with `docker import`. It has sh, sha256sum, unzip and uname (busybox), as
 * docs/building-the-image.md requires of a base, and no /app.
 */
export async function ensureStandInBase(): Promise<string> {
  const standIn = standInImage();
  const hash = sha256(`${await imageId(standIn)}\n${readFileSync(THIS_FILE, 'utf8')}`);
  if ((await contentLabel(BASE_IMAGE)) === hash) return BASE_IMAGE;

  const previous = await imageId(BASE_IMAGE).catch(() => undefined);
  const work = mkdtempSync(path.join(tmpdir(), 'image-build-base-'));
  try {
    const rootfs = await unpackSingleLayer(standIn, work);
    const app = path.join(rootfs, 'app');
    rmSync(path.join(app, 'databricks'));
    rmSync(path.join(app, 'config'), { recursive: true, force: true });
    mkdirSync(path.join(rootfs, 'opt'), { recursive: true });
    renameSync(app, path.join(rootfs, STAND_IN_CLI_DIR));

    const tarball = path.join(work, 'base.tar');
    await packRootfs(rootfs, tarball);
    await runChecked([
      'docker',
      'import',
      '--change',
      'ENV PATH=/usr/local/bin:/usr/bin:/bin',
      '--change',
      'LABEL org.opencontainers.image.description="STAND-IN base image for tests"',
      '--change',
      `LABEL ${CONTENT_LABEL}="${hash}"`,
      '--message',
      'stand-in base image for tests of image/Dockerfile',
      tarball,
      BASE_IMAGE,
    ]);
    await dropIfReplaced(previous, BASE_IMAGE);
    return BASE_IMAGE;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The root file system of an image made by `docker import` (one layer), unpacked in `work`. */
async function unpackSingleLayer(image: string, work: string): Promise<string> {
  const saved = path.join(work, 'saved');
  const rootfs = path.join(work, 'rootfs');
  mkdirSync(saved);
  mkdirSync(rootfs);
  await runChecked(['docker', 'save', '--output', path.join(saved, 'image.tar'), image]);
  await runChecked(['tar', '-x', '-f', path.join(saved, 'image.tar'), '-C', saved]);
  const manifest = JSON.parse(readFileSync(path.join(saved, 'manifest.json'), 'utf8')) as {
    Layers?: string[];
  }[];
  const layers = manifest[0]?.Layers ?? [];
  const [layer] = layers;
  if (layers.length !== 1 || layer === undefined) {
    throw new Error(`${image} has ${layers.length} layers; expected the one of a docker import`);
  }
  await runChecked(['tar', '-x', '-p', '-f', path.join(saved, layer), '-C', rootfs]);
  chmodSync(rootfs, 0o755);
  return rootfs;
}

async function imageId(image: string): Promise<string> {
  const result = await runChecked(['docker', 'image', 'inspect', '--format', '{{.Id}}', image]);
  return result.stdout.trim();
}

async function contentLabel(image: string): Promise<string | undefined> {
  const format = `{{ index .Config.Labels "${CONTENT_LABEL}" }}`;
  const result = await run(['docker', 'image', 'inspect', '--format', format, image]);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** The tag moved to a new image: remove the old one, unless something still uses it. */
async function dropIfReplaced(previous: string | undefined, tag: string): Promise<void> {
  if (previous === undefined || previous === (await imageId(tag))) return;
  await run(['docker', 'image', 'rm', previous]);
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface ZipEntry {
  readonly name: string;
  readonly mode: number;
  readonly text: string;
}

// 1980-01-01 00:00:00, the earliest MS-DOS date, so the same entries give the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip archive as release tools write them (deflate, Unix modes in the external attributes),
 * written here so the tests need no zip program on the host.
 */
function archive(name: string, entries: readonly ZipEntry[]): Archive {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.text, 'utf8');
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(entry.name, 'utf8');
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, fileName, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the modes below count
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(((0o100000 | entry.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName);

    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const bytes = Buffer.concat([...locals, directory, end]);
  return { name, bytes, sha256: sha256(bytes) };
}
