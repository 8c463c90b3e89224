// provideImageFromArchive with the real engines: archives written by `docker save` of small
// images built here with `docker import` of a busybox root file system (nothing is pulled), and
// loaded by docker and, when it is on PATH, by podman.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { find } from '@actions/tool-cache';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  jest,
  test,
} from '@jest/globals';

import {
  type ArchiveOptions,
  type ImageArchive,
  provideImageFromArchive,
  TOOL_NAME,
  toolCacheVersion,
} from '../src/image-archive.js';
import { parseImageReference } from '../src/image-reference.js';
import { run, runChecked } from './support/exec.js';

const TAG = 'databricks-archive-test:1.0.0';
const OTHER_TAG = 'databricks-archive-test:other';
const REFERENCE = parseImageReference(TAG);
const BUSYBOX = '/bin/busybox';

const runtimes = ['docker', ...(onPath('podman') ? ['podman' as const] : [])] as const;

let dir: string;
let imageId: string;
let archive: ImageArchive;
let otherArchive: ImageArchive;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-archive-e2e-'));
  await removeTestImages('docker');
  imageId = await importBusyboxImage(TAG, []);
  await importBusyboxImage(OTHER_TAG, ['other']);
  archive = await save(TAG, 'cli-image.tar');
  otherArchive = await save(OTHER_TAG, 'other-image.tar');
  await removeTestImages('docker');
});

afterAll(async () => {
  for (const runtime of runtimes) await removeTestImages(runtime);
  fs.rmSync(dir, { recursive: true, force: true });
});

// The action's log lines would only clutter the test output; image-archive.test.ts checks them.
beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe.each(runtimes)('%s', (runtime) => {
  beforeEach(async () => {
    await removeTestImages(runtime);
  });

  function options(toolCache: string | undefined): ArchiveOptions {
    return { runtime, clientEnv: clientEnv(), toolCache, arch: 'x64' };
  }

  test('an archive with the wrong checksum is refused before anything is loaded', async () => {
    const wrong = { ...archive, sha256: 'f'.repeat(64) };

    await expect(provideImageFromArchive(wrong, REFERENCE, options(undefined))).rejects.toThrow(
      `Input 'image-archive-sha256': the image archive ${archive.path} (input 'image-archive') ` +
        `has SHA-256 ${archive.sha256}, but image-archive-sha256 is ${'f'.repeat(64)}. Nothing ` +
        'was loaded.',
    );
    expect(await inspectId(runtime, TAG)).toBeUndefined();
  });

  test('a verified archive is loaded once; a later run with the tool cache reuses it', async () => {
    const toolCache = fs.mkdtempSync(path.join(dir, `tool-cache-${runtime}-`));
    const copy = { ...archive, path: path.join(dir, `copy-for-${runtime}.tar`) };
    fs.copyFileSync(archive.path, copy.path);

    const first = await provideImageFromArchive(copy, REFERENCE, options(toolCache));
    expect(first).toEqual({
      loaded: true,
      imageId,
      cacheEntry: path.join(toolCache, TOOL_NAME, `0.0.0-sha256-${archive.sha256}`, 'x64'),
    });
    expect(await inspectId(runtime, TAG)).toBe(imageId);
    expect(findInToolCache(toolCache)).toBe(first.cacheEntry);

    // The second run must not read the file: its new content would fail the digest check.
    fs.writeFileSync(copy.path, 'not the archive any more');
    const second = await provideImageFromArchive(copy, REFERENCE, options(toolCache));
    expect(second).toEqual({ loaded: false, imageId, cacheEntry: first.cacheEntry });

    // Once the image is gone, the record alone proves nothing: the archive is verified again.
    await removeTestImages(runtime);
    await expect(provideImageFromArchive(copy, REFERENCE, options(toolCache))).rejects.toThrow(
      "Input 'image-archive-sha256'",
    );
    fs.copyFileSync(archive.path, copy.path);
    const third = await provideImageFromArchive(copy, REFERENCE, options(toolCache));
    expect(third).toEqual(first);
  });

  test('without a tool cache, every run loads the archive', async () => {
    const first = await provideImageFromArchive(archive, REFERENCE, options(undefined));
    const second = await provideImageFromArchive(archive, REFERENCE, options(undefined));

    expect([first, second]).toEqual([
      { loaded: true, imageId, cacheEntry: undefined },
      { loaded: true, imageId, cacheEntry: undefined },
    ]);
  });

  test('an archive that does not hold the named image is a clear error', async () => {
    const error = await provideImageFromArchive(otherArchive, REFERENCE, options(undefined)).catch(
      (caught: unknown) => caught,
    );

    expect(error).toMatchObject({ name: 'ActionError' });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Input 'image': ${TAG} is not in the image archive ${otherArchive.path} \\(input ` +
          `'image-archive'\\)\\. The archive loaded: (localhost/)?${OTHER_TAG}\\. Set image to`,
      ),
    );
    expect(await inspectId(runtime, TAG)).toBeUndefined();
  });

  test('a tag already in the store is not taken for one the archive loaded', async () => {
    await provideImageFromArchive(archive, REFERENCE, options(undefined));

    const error = await provideImageFromArchive(otherArchive, REFERENCE, options(undefined)).catch(
      (caught: unknown) => caught,
    );

    expect((error as Error).message).toContain(
      `${TAG} is in the image store as ${imageId}, but that image did not come from this archive.`,
    );
  });
});

function onPath(program: string): boolean {
  return spawnSync(program, ['--version'], { stdio: 'ignore' }).status === 0;
}

function clientEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'DOCKER_HOST', 'CONTAINERS_CONF', 'XDG_RUNTIME_DIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

async function inspectId(runtime: string, name: string): Promise<string | undefined> {
  const result = await run([runtime, 'image', 'inspect', '--format', '{{.Id}}', name]);
  if (result.exitCode !== 0) return undefined;
  const id = result.stdout.trim();
  return id.startsWith('sha256:') ? id : `sha256:${id}`;
}

function findInToolCache(toolCache: string): string {
  const before = process.env['RUNNER_TOOL_CACHE'];
  process.env['RUNNER_TOOL_CACHE'] = toolCache;
  try {
    return find(TOOL_NAME, toolCacheVersion(archive.sha256), 'x64');
  } finally {
    if (before === undefined) delete process.env['RUNNER_TOOL_CACHE'];
    else process.env['RUNNER_TOOL_CACHE'] = before;
  }
}

/** Only the two tags this file creates are ever removed. */
async function removeTestImages(runtime: string): Promise<void> {
  for (const tag of [TAG, OTHER_TAG]) {
    if ((await inspectId(runtime, tag)) !== undefined) {
      await runChecked([runtime, 'image', 'rm', '--force', tag]);
    }
  }
}

/** `docker import` of busybox plus the given empty files; returns the image id. */
async function importBusyboxImage(tag: string, extraFiles: readonly string[]): Promise<string> {
  const rootfs = fs.mkdtempSync(path.join(dir, 'rootfs-'));
  fs.mkdirSync(path.join(rootfs, 'bin'));
  fs.copyFileSync(BUSYBOX, path.join(rootfs, 'bin/busybox'));
  fs.symlinkSync('busybox', path.join(rootfs, 'bin/sh'));
  for (const file of extraFiles) fs.writeFileSync(path.join(rootfs, file), '');
  const layer = `${rootfs}.tar`;
  await runChecked([
    'tar',
    '-C',
    rootfs,
    '--numeric-owner',
    '--owner=0',
    '--group=0',
    '-cf',
    layer,
    '.',
  ]);
  await runChecked([
    'docker',
    'import',
    '--change',
    'ENTRYPOINT ["/bin/busybox"]',
    '--message',
    'image-archive test image, for tests only',
    layer,
    tag,
  ]);
  const id = await inspectId('docker', tag);
  if (id === undefined) throw new Error(`docker import did not create ${tag}`);
  return id;
}

async function save(tag: string, file: string): Promise<ImageArchive> {
  const archivePath = path.join(dir, file);
  await runChecked(['docker', 'save', '--output', archivePath, tag]);
  const sha256 = createHash('sha256').update(fs.readFileSync(archivePath)).digest('hex');
  return { path: archivePath, sha256 };
}
