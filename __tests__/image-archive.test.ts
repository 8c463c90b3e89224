// provideImageFromArchive against a stand-in `docker` client: a shell script on the PATH it is
// given that keeps a pretend image store in files, records every call, and hashes what `load`
// reads from its stdin. The real engines are in image-archive.e2e.test.ts.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { find } from '@actions/tool-cache';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';

import {
  type ArchiveOptions,
  type ImageArchive,
  loadedImages,
  provideImageFromArchive,
  RECORD_FILE,
  TOOL_NAME,
  toolCacheVersion,
} from '../src/image-archive.js';
import { parseImageReference } from '../src/image-reference.js';

const FAKE_CLIENT = String.raw`#!/bin/bash
state="$FAKE_STATE"
echo "$*" >> "$state/calls"
case "$1" in
  load)
    if [ -f "$state/swap-on-load" ]; then mv "$(cat "$state/swap-on-load")" "$FAKE_ARCHIVE"; fi
    sha256sum | cut -d' ' -f1 > "$state/loaded-sha256"
    if [ -f "$state/load-fails" ]; then cat "$state/load-fails" >&2; exit 1; fi
    cat "$state/archive-images" >> "$state/images"
    if [ -f "$state/podman-output" ]; then
      echo "Loaded image(s): $(cut -d= -f1 "$state/archive-images" | paste -sd,)"
    else
      cut -d= -f1 "$state/archive-images" | sed 's/^/Loaded image: /'
    fi
    ;;
  image)
    name="$5"
    id=$(grep -F "$name=" "$state/images" 2>/dev/null | grep "^$name=" | tail -n 1 | cut -d= -f2)
    if [ -z "$id" ]; then echo "Error: No such image: $name" >&2; exit 1; fi
    if [ -f "$state/podman-output" ]; then echo "${'$'}{id#sha256:}"; else echo "$id"; fi
    ;;
  *) echo "unexpected call: $*" >&2; exit 2 ;;
esac
`;

const REFERENCE = parseImageReference('registry.internal/databricks/cli:0.298.0');
const IMAGE_ID = `sha256:${'a'.repeat(64)}`;
const OTHER_ID = `sha256:${'b'.repeat(64)}`;

let dir: string;
let state: string;
let archivePath: string;
let logged: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-archive-'));
  state = path.join(dir, 'state');
  fs.mkdirSync(state);
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'bin/docker'), FAKE_CLIENT, { mode: 0o755 });
  archivePath = path.join(dir, 'cli-image.tar');
  archiveContains(`${REFERENCE.raw}=${IMAGE_ID}`);

  logged = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function archiveContains(...images: string[]): void {
  fs.writeFileSync(path.join(state, 'archive-images'), images.map((line) => `${line}\n`).join(''));
}

function storeHas(...images: string[]): void {
  fs.writeFileSync(path.join(state, 'images'), images.map((line) => `${line}\n`).join(''));
}

function writeArchive(content: Buffer | string): ImageArchive {
  fs.writeFileSync(archivePath, content);
  return { path: archivePath, sha256: createHash('sha256').update(content).digest('hex') };
}

function options(toolCache: string | undefined): ArchiveOptions {
  return {
    runtime: 'docker',
    clientEnv: {
      PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin`,
      FAKE_STATE: state,
      FAKE_ARCHIVE: archivePath,
    },
    toolCache,
    arch: 'x64',
  };
}

function calls(): string[] {
  const file = path.join(state, 'calls');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : [];
}

function loads(): number {
  return calls().filter((call) => call === 'load').length;
}

function loadedSha256(): string {
  return fs.readFileSync(path.join(state, 'loaded-sha256'), 'utf8').trim();
}

function withToolCache<T>(toolCache: string, work: () => T): T {
  const before = process.env['RUNNER_TOOL_CACHE'];
  process.env['RUNNER_TOOL_CACHE'] = toolCache;
  try {
    return work();
  } finally {
    if (before === undefined) delete process.env['RUNNER_TOOL_CACHE'];
    else process.env['RUNNER_TOOL_CACHE'] = before;
  }
}

describe('verifying the archive', () => {
  test('hashes a multi-megabyte file in one pass and loads exactly those bytes', async () => {
    // Not a multiple of the read size, so the last, short read counts too.
    const archive = writeArchive(randomBytes(5 * 1024 * 1024 + 12_345));
    const sha256sum = spawnSync('sha256sum', [archivePath], { encoding: 'utf8' });
    expect(sha256sum.stdout.split(' ')[0]).toBe(archive.sha256);

    const outcome = await provideImageFromArchive(archive, REFERENCE, options(undefined));

    expect(outcome).toEqual({ loaded: true, imageId: IMAGE_ID, cacheEntry: undefined });
    expect(loadedSha256()).toBe(archive.sha256);
    expect(logged.join('')).toContain(`5.0 MiB, SHA-256 ${archive.sha256} matches`);
  });

  test('hashes a sparse 64 MiB file as sha256sum does', async () => {
    fs.writeFileSync(archivePath, '');
    fs.truncateSync(archivePath, 64 * 1024 * 1024 + 1);
    const expected = spawnSync('sha256sum', [archivePath], { encoding: 'utf8' }).stdout;
    const archive = { path: archivePath, sha256: expected.split(' ')[0] ?? '' };

    await provideImageFromArchive(archive, REFERENCE, options(undefined));

    expect(loadedSha256()).toBe(archive.sha256);
  });

  test('a digest mismatch names both inputs and both digests, and nothing is loaded', async () => {
    const archive = writeArchive('not the approved archive');
    const expected = 'c'.repeat(64);

    const error = await provideImageFromArchive(
      { ...archive, sha256: expected },
      REFERENCE,
      options(undefined),
    ).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: 'ActionError' });
    const message = (error as Error).message;
    expect(message).toMatch(/^Input 'image-archive-sha256': the image archive /);
    expect(message).toContain(`${archivePath} (input 'image-archive')`);
    expect(message).toContain(
      `has SHA-256 ${archive.sha256}, but image-archive-sha256 is ${expected}`,
    );
    expect(message).toContain('Nothing was loaded.');
    expect(calls()).toEqual([]);
  });

  test('a missing file is an error about image-archive', async () => {
    const missing = path.join(dir, 'no-such.tar');
    await expect(
      provideImageFromArchive(
        { path: missing, sha256: 'c'.repeat(64) },
        REFERENCE,
        options(undefined),
      ),
    ).rejects.toThrow(`Input 'image-archive': ${missing} does not exist on this runner.`);
    expect(calls()).toEqual([]);
  });

  test('a directory, or a FIFO that nobody writes, is refused without blocking', async () => {
    await expect(
      provideImageFromArchive({ path: dir, sha256: 'c'.repeat(64) }, REFERENCE, options(undefined)),
    ).rejects.toThrow(`Input 'image-archive': ${dir} is a directory.`);

    const fifo = path.join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    await expect(
      provideImageFromArchive(
        { path: fifo, sha256: 'c'.repeat(64) },
        REFERENCE,
        options(undefined),
      ),
    ).rejects.toThrow(`Input 'image-archive': ${fifo} is not a regular file.`);
    expect(calls()).toEqual([]);
  });

  test('a file renamed over the path after the check is not what gets loaded', async () => {
    const archive = writeArchive(randomBytes(256 * 1024));
    const replacement = path.join(dir, 'replacement.tar');
    fs.writeFileSync(replacement, 'swapped in between hashing and loading');
    fs.writeFileSync(path.join(state, 'swap-on-load'), replacement);

    await provideImageFromArchive(archive, REFERENCE, options(undefined));

    expect(fs.readFileSync(archivePath, 'utf8')).toBe('swapped in between hashing and loading');
    expect(loadedSha256()).toBe(archive.sha256);
  });
});

describe('loading', () => {
  test('a load that fails quotes the engine and names image-archive', async () => {
    const archive = writeArchive('verified, but not a tarball');
    fs.writeFileSync(path.join(state, 'load-fails'), 'Error: unexpected EOF\n');

    await expect(provideImageFromArchive(archive, REFERENCE, options(undefined))).rejects.toThrow(
      `Input 'image-archive': docker load could not load ${archivePath}, although its SHA-256 ` +
        'matched image-archive-sha256. docker said: Error: unexpected EOF',
    );
  });

  test('an archive without the named image lists what it loaded', async () => {
    const archive = writeArchive('archive');
    archiveContains(`internal/other:1.0=${OTHER_ID}`, `internal/third:2.0=${IMAGE_ID}`);

    await expect(provideImageFromArchive(archive, REFERENCE, options(undefined))).rejects.toThrow(
      `Input 'image': ${REFERENCE.raw} is not in the image archive ${archivePath} (input ` +
        "'image-archive'). The archive loaded: internal/other:1.0, internal/third:2.0. Set image",
    );
  });

  test('a tag already in the store does not pass for one the archive loaded', async () => {
    const archive = writeArchive('archive');
    storeHas(`${REFERENCE.raw}=${OTHER_ID}`);
    archiveContains(`internal/other:1.0=${IMAGE_ID}`);

    await expect(provideImageFromArchive(archive, REFERENCE, options(undefined))).rejects.toThrow(
      `${REFERENCE.raw} is in the image store as ${OTHER_ID}, but that image did not come from ` +
        'this archive.',
    );
  });

  test("podman's older output and bare-hex ids are understood", async () => {
    const archive = writeArchive('archive');
    fs.writeFileSync(path.join(state, 'podman-output'), '');
    archiveContains(`internal/other:1.0=${OTHER_ID}`, `${REFERENCE.raw}=${IMAGE_ID}`);

    const outcome = await provideImageFromArchive(archive, REFERENCE, options(undefined));

    expect(outcome.imageId).toBe(IMAGE_ID);
  });

  test('load output of docker and podman', () => {
    expect(
      loadedImages(
        'Loaded image: internal/cli:1.0\nLoaded image ID: sha256:abc\n' +
          'Loaded image(s): localhost/a:1,localhost/b:2\nLoaded image: internal/cli:1.0\n',
      ),
    ).toEqual(['internal/cli:1.0', 'sha256:abc', 'localhost/a:1', 'localhost/b:2']);
    expect(loadedImages('Getting image source signatures\n')).toEqual([]);
  });

  test('a runtime that is not on PATH is named', async () => {
    const archive = writeArchive('archive');
    const base = options(undefined);
    const opts: ArchiveOptions = {
      ...base,
      runtime: 'podman',
      clientEnv: { ...base.clientEnv, PATH: path.join(dir, 'bin') },
    };

    await expect(provideImageFromArchive(archive, REFERENCE, opts)).rejects.toThrow(
      'The podman command was not found on this runner (PATH has no podman).',
    );
  });
});

describe('the tool cache', () => {
  test('records the load where @actions/tool-cache find() finds it', async () => {
    const toolCache = path.join(dir, 'tool-cache');
    const archive = writeArchive('archive');

    const outcome = await provideImageFromArchive(archive, REFERENCE, options(toolCache));

    const folder = path.join(toolCache, TOOL_NAME, `0.0.0-sha256-${archive.sha256}`, 'x64');
    expect(outcome).toEqual({ loaded: true, imageId: IMAGE_ID, cacheEntry: folder });
    expect(fs.existsSync(`${folder}.complete`)).toBe(true);
    expect(fs.readdirSync(folder)).toEqual([RECORD_FILE]);
    expect(JSON.parse(fs.readFileSync(path.join(folder, RECORD_FILE), 'utf8'))).toEqual({
      archiveSha256: archive.sha256,
      imageId: IMAGE_ID,
      reference: REFERENCE.raw,
      archivePath,
      runtime: 'docker',
      loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    withToolCache(toolCache, () => {
      expect(find(TOOL_NAME, toolCacheVersion(archive.sha256), 'x64')).toBe(folder);
      expect(find(TOOL_NAME, toolCacheVersion('d'.repeat(64)), 'x64')).toBe('');
      expect(find(TOOL_NAME, toolCacheVersion(archive.sha256), 'arm64')).toBe('');
    });
    expect(logged.join('')).toContain(`recorded the load in the tool cache at ${folder}.`);
  });

  test('find() ignores an entry whose marker is missing, and so does the action', async () => {
    const toolCache = path.join(dir, 'tool-cache');
    const archive = writeArchive('archive');
    const { cacheEntry } = await provideImageFromArchive(archive, REFERENCE, options(toolCache));
    fs.rmSync(`${cacheEntry}.complete`);

    withToolCache(toolCache, () => {
      expect(find(TOOL_NAME, toolCacheVersion(archive.sha256), 'x64')).toBe('');
    });
    await provideImageFromArchive(archive, REFERENCE, options(toolCache));
    expect(loads()).toBe(2);
  });

  test('a second run neither reads nor loads the archive while the image stays', async () => {
    const toolCache = path.join(dir, 'tool-cache');
    const archive = writeArchive('archive');
    const first = await provideImageFromArchive(archive, REFERENCE, options(toolCache));

    // Different content under the same path: reading it now would fail the digest check.
    fs.writeFileSync(archivePath, 'replaced after the first run');
    const second = await provideImageFromArchive(archive, REFERENCE, options(toolCache));

    expect(second).toEqual({ loaded: false, imageId: IMAGE_ID, cacheEntry: first.cacheEntry });
    expect(loads()).toBe(1);
    expect(logged.join('')).toContain(
      `was loaded on this runner before (tool cache entry ${first.cacheEntry}), and ` +
        `${REFERENCE.raw} is still that image (${IMAGE_ID})`,
    );
  });

  test('an image removed or retagged since the recorded load is loaded again', async () => {
    const toolCache = path.join(dir, 'tool-cache');
    const archive = writeArchive('archive');
    await provideImageFromArchive(archive, REFERENCE, options(toolCache));

    storeHas(`${REFERENCE.raw}=${OTHER_ID}`);
    const retagged = await provideImageFromArchive(archive, REFERENCE, options(toolCache));
    storeHas();
    const removed = await provideImageFromArchive(archive, REFERENCE, options(toolCache));

    expect([retagged.loaded, removed.loaded]).toEqual([true, true]);
    expect(loads()).toBe(3);
    const log = logged.join('');
    expect(log).toContain(`but ${REFERENCE.raw} is now ${OTHER_ID}: verifying and loading`);
    expect(log).toContain(`but ${REFERENCE.raw} is not in the image store now: verifying`);
  });

  test('an entry that is not understood is ignored and rewritten', async () => {
    const toolCache = path.join(dir, 'tool-cache');
    const archive = writeArchive('archive');
    const { cacheEntry } = await provideImageFromArchive(archive, REFERENCE, options(toolCache));
    fs.writeFileSync(path.join(cacheEntry ?? '', RECORD_FILE), '{"imageId": 7');

    const again = await provideImageFromArchive(archive, REFERENCE, options(toolCache));

    expect(again.loaded).toBe(true);
    expect(logged.join('')).toContain(`The tool cache entry ${cacheEntry} is not understood`);
    const record = JSON.parse(fs.readFileSync(path.join(cacheEntry ?? '', RECORD_FILE), 'utf8'));
    expect(record).toMatchObject({ imageId: IMAGE_ID });
  });

  test('a tool cache that cannot be written is a warning, not a failure', async () => {
    const toolCache = path.join(dir, 'not-a-folder');
    fs.writeFileSync(toolCache, '');
    const archive = writeArchive('archive');

    const outcome = await provideImageFromArchive(archive, REFERENCE, options(toolCache));

    expect(outcome).toEqual({ loaded: true, imageId: IMAGE_ID, cacheEntry: undefined });
    expect(logged.join('')).toMatch(/::warning::The load could not be recorded in the tool cache/);
  });

  test('without RUNNER_TOOL_CACHE every run verifies and loads, and says why', async () => {
    const archive = writeArchive('archive');

    await provideImageFromArchive(archive, REFERENCE, options(undefined));
    const second = await provideImageFromArchive(archive, REFERENCE, options(''));

    expect(second).toEqual({ loaded: true, imageId: IMAGE_ID, cacheEntry: undefined });
    expect(loads()).toBe(2);
    expect(logged.join('')).toContain(
      'RUNNER_TOOL_CACHE is not set, so this runner keeps no record of the image archives',
    );
  });
});
