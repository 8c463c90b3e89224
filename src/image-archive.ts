import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import {
  type FileHandle,
  mkdir,
  open,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';

import { lastLines } from './engine.js';
import { ActionError, inputError, messageOf } from './errors.js';
import type { ImageReference } from './image-reference.js';
import { type ProgramResult, runProgram } from './program.js';
import { printable } from './preflight-report.js';
import * as workflow from './workflow.js';

/** An image tarball on the runner, in `docker save` format, and the digest it must have. */
export interface ImageArchive {
  /** Absolute path on the runner. */
  readonly path: string;
  /** 64 lower-case hex digits, from the image-archive-sha256 input. */
  readonly sha256: string;
}

export interface ArchiveOptions {
  readonly runtime: 'docker' | 'podman';
  /** The client's whole environment. */
  readonly clientEnv: Record<string, string>;
  /** RUNNER_TOOL_CACHE; without it every run verifies and loads the archive. */
  readonly toolCache: string | undefined;
  /** The architecture folder of the tool-cache entry, as @actions/tool-cache names it. */
  readonly arch: string;
}

export interface ArchiveOutcome {
  /** False when the tool cache proved that this archive's image is already in the store. */
  readonly loaded: boolean;
  /** The id (`sha256:...`) of the image that the `image` input names, afterwards. */
  readonly imageId: string;
  /** The tool-cache folder that records the load, if one was written or reused. */
  readonly cacheEntry: string | undefined;
}

/**
 * The tool-cache entry is laid out exactly as @actions/tool-cache lays one out, so that its
 * `find(TOOL_NAME, toolCacheVersion(sha256), arch)` finds it. The package itself is not used at
 * run time: it imports an HTTP client, and this action holds no network code.
 */
export const TOOL_NAME = 'databricks-cli-image-archive';
export const RECORD_FILE = 'image-archive.json';

/** A valid semver version (find() needs one) that carries the archive's digest. */
export function toolCacheVersion(sha256: string): string {
  return `0.0.0-sha256-${sha256}`;
}

/** What the tool-cache entry records about a load. */
interface LoadRecord {
  readonly archiveSha256: string;
  readonly imageId: string;
  readonly reference: string;
  readonly archivePath: string;
  readonly runtime: string;
  readonly loadedAt: string;
}

// Large enough that hashing a multi-gigabyte archive is bound by the disk, not by calls.
const READ_CHUNK_BYTES = 1024 * 1024;

/** Makes the image named by `reference` available from the archive, verifying it first. */
export async function provideImageFromArchive(
  archive: ImageArchive,
  reference: ImageReference,
  options: ArchiveOptions,
): Promise<ArchiveOutcome> {
  const entry = toolCacheEntry(options.toolCache, archive.sha256, options.arch);
  if (entry === undefined) {
    workflow.info(
      'RUNNER_TOOL_CACHE is not set, so this runner keeps no record of the image archives it ' +
        'has loaded: the archive is verified and loaded on every run.',
    );
  } else {
    const reused = await reuseEarlierLoad(entry, archive, reference, options);
    if (reused !== undefined) return reused;
  }

  // The archive belongs to the runner's user, and another process could replace it between
  // the check and the load. Both therefore use one open descriptor: the hash reads it by
  // position, which leaves its offset at 0, and the load reads the same descriptor as its stdin,
  // so a file renamed over the path is never loaded. A write into the open file itself is not
  // prevented: that would take a private copy of gigabytes, and whoever can write the runner's
  // files can run `docker load` without this action anyway.
  const handle = await openArchive(archive.path);
  let loadedNames: string[];
  try {
    await verifyArchive(handle, archive);
    loadedNames = await loadArchive(handle, archive, options);
  } finally {
    await handle.close();
  }

  // `load` sets every tag the archive holds, on images of this runner too: all are named.
  workflow.info(`The archive set: ${loadedNames.map(printable).join(', ') || '(no name)'}`);
  const imageId = await imageFromArchive(reference, loadedNames, archive, options);
  const cacheEntry =
    entry === undefined ? undefined : await recordLoad(entry, archive, reference, imageId, options);
  workflow.info(
    `Loaded ${reference.raw} (${imageId}) from the image archive with ${options.runtime} load` +
      (cacheEntry === undefined
        ? '.'
        : `, and recorded the load in the tool cache at ${cacheEntry}.`),
  );
  return { loaded: true, imageId, cacheEntry };
}

interface ToolCacheEntry {
  /** `$RUNNER_TOOL_CACHE/<tool>/<version>/<arch>`, the folder find() returns. */
  readonly folder: string;
  /** `<folder>.complete`, without which find() ignores the folder. */
  readonly marker: string;
}

function toolCacheEntry(
  toolCache: string | undefined,
  sha256: string,
  arch: string,
): ToolCacheEntry | undefined {
  if (toolCache === undefined || toolCache === '') return undefined;
  const folder = path.join(toolCache, TOOL_NAME, toolCacheVersion(sha256), arch);
  return { folder, marker: `${folder}.complete` };
}

/**
 * Returns the outcome without touching the archive when the tool cache says this archive was
 * loaded before and the reference still names the image it loaded. Anything else (no entry, an
 * unreadable one, an image that was removed or retagged since) means verifying and loading: an
 * image that is merely present under the reference proves nothing about where it came from.
 */
async function reuseEarlierLoad(
  entry: ToolCacheEntry,
  archive: ImageArchive,
  reference: ImageReference,
  options: ArchiveOptions,
): Promise<ArchiveOutcome | undefined> {
  const record = await readRecord(entry, archive.sha256);
  if (record === undefined) return undefined;

  const current = (await inspectIds([reference.raw], options))[0];
  if (current !== record.imageId) {
    workflow.info(
      `The tool cache (${entry.folder}) records that this image archive loaded ` +
        `${record.imageId}, but ${reference.raw} is ` +
        (current === undefined ? 'not in the image store now' : `now ${current}`) +
        ': verifying and loading the archive again.',
    );
    return undefined;
  }

  workflow.info(
    `The image archive with SHA-256 ${archive.sha256} was loaded on this runner before (tool ` +
      `cache entry ${entry.folder}), and ${reference.raw} is still that image (${current}): ` +
      'the archive is not read or loaded again.',
  );
  return { loaded: false, imageId: current, cacheEntry: entry.folder };
}

async function readRecord(entry: ToolCacheEntry, sha256: string): Promise<LoadRecord | undefined> {
  let text: string;
  try {
    // find() takes an entry as complete only with its marker; so does this action.
    await stat(entry.marker);
    text = await readFile(path.join(entry.folder, RECORD_FILE), 'utf8');
  } catch {
    return undefined;
  }

  try {
    const record = JSON.parse(text) as Partial<LoadRecord> | null;
    if (
      record?.archiveSha256 === sha256 &&
      typeof record.imageId === 'string' &&
      record.imageId.startsWith('sha256:')
    ) {
      return record as LoadRecord;
    }
  } catch {
    // An entry that cannot be parsed counts as missing; the load that follows rewrites it.
  }
  workflow.info(`The tool cache entry ${entry.folder} is not understood; it is ignored.`);
  return undefined;
}

async function openArchive(file: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK keeps a FIFO at the path from blocking the open; it changes nothing for a file.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw unreadableArchive(file, error);
  }

  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw inputError(
      'image-archive',
      `${file} is ${stats.isDirectory() ? 'a directory' : 'not a regular file'}.`,
      'Set it to the path of the image tarball itself, as written by `docker save -o`.',
    );
  }
  return handle;
}

function unreadableArchive(file: string, error: unknown): ActionError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? `${file} does not exist on this runner.`
      : code === 'EACCES' || code === 'EPERM'
        ? `${file} cannot be read by the runner's user.`
        : `${file} cannot be opened: ${messageOf(error)}.`;
  return inputError(
    'image-archive',
    problem,
    'Copy the approved image tarball onto the runner in an earlier step (for example from ' +
      'removable media or an internal file share), readable by the runner, and set ' +
      'image-archive to its absolute path.',
  );
}

/** One streamed pass over the file; a file of several gigabytes is never held in memory. */
async function verifyArchive(handle: FileHandle, archive: ImageArchive): Promise<void> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  let position = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }

  const actual = hash.digest('hex');
  if (actual !== archive.sha256) {
    throw new ActionError(
      `Input 'image-archive-sha256': the image archive ${archive.path} (input 'image-archive') ` +
        `has SHA-256 ${actual}, but image-archive-sha256 is ${archive.sha256}. Nothing was ` +
        'loaded. Check that the file is the approved archive and that copying it onto the ' +
        'runner finished; take the expected digest from the approval record, not from this ' +
        'message.',
    );
  }
  workflow.info(
    `Image archive ${archive.path}: ${(position / (1024 * 1024)).toFixed(1)} MiB, SHA-256 ` +
      `${actual} matches image-archive-sha256.`,
  );
}

/** `<runtime> load` from the verified descriptor; returns the names and ids it reports. */
async function loadArchive(
  handle: FileHandle,
  archive: ImageArchive,
  options: ArchiveOptions,
): Promise<string[]> {
  let result: ProgramResult;
  try {
    result = await runProgram(options.runtime, ['load'], {
      env: options.clientEnv,
      stdin: handle.fd,
    });
  } catch (error) {
    throw runtimeMissing(options.runtime, error);
  }
  if (result.exitCode !== 0) {
    throw inputError(
      'image-archive',
      `${options.runtime} load could not load ${archive.path}, although its SHA-256 matched ` +
        `image-archive-sha256. ${options.runtime} said: ${lastLines(result.stderr, 3)}`,
      'If the engine itself failed (disk full, engine stopped), fix that and run the job ' +
        'again. Otherwise the approved file is not an image archive this engine can load: ' +
        'produce it with `docker save -o <file> <name>:<tag>` (or `podman save`) and have that ' +
        'file approved.',
    );
  }
  return loadedImages(result.stdout);
}

// docker prints `Loaded image: <name>` or, for an untagged image, `Loaded image ID: <id>`;
// podman prints `Loaded image: <name>` or, in older versions, `Loaded image(s): <a>,<b>`.
const LOADED_LINE = /^Loaded image(?:\(s\))?(?: ID)?:\s*(.+)$/gm;

export function loadedImages(output: string): string[] {
  const names = [...output.matchAll(LOADED_LINE)].flatMap((match) => (match[1] ?? '').split(','));
  return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}

/**
 * The id of the image `reference` names, which must be one the archive just loaded: a tag that
 * was already in the store and that the archive did not contain must not pass for verified.
 */
async function imageFromArchive(
  reference: ImageReference,
  loadedNames: readonly string[],
  archive: ImageArchive,
  options: ArchiveOptions,
): Promise<string> {
  const loadedIds = new Set(await inspectIds(loadedNames, options));
  const [current] = await inspectIds([reference.raw], options);
  if (current !== undefined && loadedIds.has(current)) return current;

  const elsewhere =
    current === undefined
      ? ''
      : ` ${reference.raw} is in the image store as ${current}, but that image did not come ` +
        'from this archive.';
  throw inputError(
    'image',
    `${reference.raw} is not in the image archive ${archive.path} (input 'image-archive'). ` +
      `The archive loaded: ${loadedNames.join(', ') || '(no image names were reported)'}.` +
      elsewhere,
    'Set image to the name and tag the archive was saved with (`docker save -o <file> ' +
      '<name>:<tag>` records them), or save the approved image under the name the workflow uses.',
  );
}

/**
 * The image ids of the given names or ids, in order, `undefined` for one the store does not
 * have. podman prints ids as bare hex; they are returned in docker's `sha256:` form.
 */
async function inspectIds(
  names: readonly string[],
  options: ArchiveOptions,
): Promise<(string | undefined)[]> {
  const ids: (string | undefined)[] = [];
  for (const name of names) {
    let result: ProgramResult;
    try {
      result = await runProgram(
        options.runtime,
        ['image', 'inspect', '--format', '{{.Id}}', name],
        { env: options.clientEnv },
      );
    } catch (error) {
      throw runtimeMissing(options.runtime, error);
    }
    const id = result.stdout.trim();
    ids.push(result.exitCode !== 0 ? undefined : /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id);
  }
  return ids;
}

function runtimeMissing(runtime: string, error: unknown): ActionError {
  return new ActionError(
    `The ${runtime} command was not found on this runner (PATH has no ${runtime}). Install it ` +
      'on the self-hosted runner, or make it available on PATH for the runner service. ' +
      `(${messageOf(error)})`,
  );
}

/**
 * Writes the entry the way @actions/tool-cache does: the marker goes first and comes back last,
 * so an interrupted write leaves an entry that find() and this action both ignore. A failure is
 * a warning: the image is loaded, only the next run's shortcut is lost.
 */
async function recordLoad(
  entry: ToolCacheEntry,
  archive: ImageArchive,
  reference: ImageReference,
  imageId: string,
  options: ArchiveOptions,
): Promise<string | undefined> {
  const record: LoadRecord = {
    archiveSha256: archive.sha256,
    imageId,
    reference: reference.raw,
    archivePath: archive.path,
    runtime: options.runtime,
    loadedAt: new Date().toISOString(),
  };
  try {
    await rm(entry.marker, { force: true });
    await mkdir(entry.folder, { recursive: true });
    const file = path.join(entry.folder, RECORD_FILE);
    await writeFile(`${file}.partial`, JSON.stringify(record, null, 2) + '\n');
    await rename(`${file}.partial`, file);
    await writeFile(entry.marker, '');
    return entry.folder;
  } catch (error) {
    workflow.warning(
      `The load could not be recorded in the tool cache (${entry.folder}): ${messageOf(error)}. ` +
        'The image is loaded; the next run on this runner verifies and loads the archive again.',
    );
    return undefined;
  }
}
