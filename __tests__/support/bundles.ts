// Real example bundles for tests. They are read at test time from ../shared/bundles beside the
// repository (the project commits no copy), copied into a temp dir, optionally edited, and given
// empty placeholder files for the sources their YAML names (notebooks, Python files, pipeline
// folders), which the shared copies do not carry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadAll } from 'js-yaml';

import { run } from './exec.js';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_BUNDLES_DIR = path.resolve(REPOSITORY_ROOT, '..', 'shared', 'bundles');

/**
 * Whether the shared bundles are there. A clean clone on a newcomer's machine has no shared
 * folder beside it, so the tests that read them do not run there (jest counts them as skipped);
 * in CI (CI=true) the folder is always laid beside the clone, so its absence is an error.
 */
export function sharedBundlesAvailable(): boolean {
  if (fs.existsSync(SHARED_BUNDLES_DIR)) return true;
  if (process.env['CI'] === 'true') {
    throw new Error(`CI=true, but the shared example bundles are missing: ${SHARED_BUNDLES_DIR}`);
  }
  process.stderr.write(
    `Note: ${SHARED_BUNDLES_DIR} is absent (a clone without the shared folder beside it); ` +
      'the tests over the shared example bundles do not run.\n',
  );
  return false;
}

export interface BundleEdit {
  /** File inside the bundle, relative to its root. */
  readonly file: string;
  /**
   * Text that must occur in the file (so a changed fixture fails loudly); every occurrence is
   * replaced.
   */
  readonly replace: string;
  readonly with: string;
}

export interface BundleCopyOptions {
  readonly edits?: readonly BundleEdit[];
  /** Extra empty files to create, relative to the bundle root (e.g. a built wheel). */
  readonly files?: readonly string[];
}

export interface BundleCopy {
  /** The bundle root inside the temp dir. */
  readonly root: string;
  /** The temp dir to remove afterwards. */
  readonly tempDir: string;
}

/** Copies a shared bundle into a new temp dir, writable by any container user. */
export function copyBundle(name: string, options: BundleCopyOptions = {}): BundleCopy {
  const source = path.join(SHARED_BUNDLES_DIR, name);
  if (!fs.existsSync(path.join(source, 'databricks.yml'))) {
    throw new Error(
      `example bundle ${name} not found in ${SHARED_BUNDLES_DIR}; the tests expect the shared ` +
        'folder (with bundles/) next to the repository root',
    );
  }
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'stand-in-bundle-'));
  const dir = path.join(parent, name);
  fs.cpSync(source, dir, { recursive: true });
  for (const edit of options.edits ?? []) {
    const file = path.join(dir, edit.file);
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes(edit.replace)) {
      throw new Error(`${name}/${edit.file} no longer contains ${JSON.stringify(edit.replace)}`);
    }
    fs.writeFileSync(file, text.replaceAll(edit.replace, edit.with));
  }
  for (const rel of options.files ?? []) touch(path.join(dir, rel));
  createPlaceholders(dir);
  makeWritableByAnyone(parent);
  return { root: dir, tempDir: parent };
}

/** A new empty temp dir that any container user can write to (e.g. a HOME to mount). */
export function makeScratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o777);
  return dir;
}

/**
 * Removes a temp dir. Containers running as another uid may have left files this process
 * cannot delete; those are removed from inside a container of the given image.
 */
export async function removeDir(dir: string, image: string): Promise<void> {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  } catch {
    // Fall through to the container clean-up.
  }
  await run([
    'docker',
    'run',
    '--rm',
    '--pull',
    'never',
    '--network',
    'none',
    '--user',
    '0:0',
    '--entrypoint',
    '/bin/rm',
    '-v',
    `${dir}:/cleanup`,
    image,
    '-rf',
    '/cleanup/.',
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
}

// Source paths in bundle YAML are relative to the YAML file that names them.
export function createPlaceholders(root: string): void {
  for (const file of yamlFiles(root)) {
    const dir = path.dirname(file);
    for (const doc of loadAll(fs.readFileSync(file, 'utf8'))) {
      visit(doc, [], (key, value, at) => {
        if (!isLocalPath(value)) return;
        if (key === 'notebook_path' || key === 'python_file') touch(path.resolve(dir, value));
        else if (key === 'path' && (at.includes('notebook') || at.includes('file'))) {
          touch(path.resolve(dir, value));
        } else if (key === 'root_path' && at.includes('pipelines')) {
          fs.mkdirSync(path.resolve(dir, value), { recursive: true });
        } else if (key === 'include' && at.includes('glob')) {
          const fixed = value.split(/[*?[]/)[0] ?? '';
          fs.mkdirSync(path.resolve(dir, fixed), { recursive: true });
        } else if (key === 'path' && at[0] === 'artifacts') {
          fs.mkdirSync(path.resolve(dir, value), { recursive: true });
        }
      });
      // Libraries, artifact files and dependency lines name wheels, JARs and requirement files,
      // often as globs; each gets one file that the glob matches, inside the bundle only.
      for (const value of strings(doc)) {
        const file = localFile(value);
        if (file === undefined || anyMatch(path.resolve(dir, file))) continue;
        const target = path.resolve(dir, file.replaceAll('*', 'placeholder'));
        if (target.startsWith(root + path.sep)) touch(target);
      }
    }
  }
}

const LOCAL_FILE = /^(?:\.{1,2}\/)?[\w.*\-/]+\.(?:whl|jar|txt|py)$/i;

function localFile(value: string): string | undefined {
  // "-r ./requirements.txt" and "-e ./file.py" in environment dependencies name local files.
  const stripped = value.replace(/^-[re]\s+/, '').trim();
  return isLocalPath(stripped) && LOCAL_FILE.test(stripped) ? stripped : undefined;
}

/** Whether a file, or a `*` glob in the last path segment, already matches something. */
function anyMatch(pattern: string): boolean {
  const folder = path.dirname(pattern);
  if (!fs.existsSync(folder)) return false;
  const name = new RegExp(
    '^' +
      path
        .basename(pattern)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replaceAll('*', '[^/]*') +
      '$',
  );
  return fs.readdirSync(folder).some((entry) => name.test(entry));
}

function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) yield* strings(item);
  }
}

function visit(
  value: unknown,
  at: readonly string[],
  fn: (key: string, value: string, at: readonly string[]) => void,
): void {
  if (Array.isArray(value)) {
    for (const item of value) visit(item, at, fn);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string') fn(key, child, at);
      else visit(child, [...at, key], fn);
    }
  }
}

function isLocalPath(value: string): boolean {
  return !value.startsWith('/') && !value.includes('${') && !/^[a-z][\w+.-]*:/i.test(value);
}

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function touch(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.closeSync(fs.openSync(file, 'a'));
}

function makeWritableByAnyone(dir: string): void {
  fs.chmodSync(dir, 0o777);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    fs.chmodSync(full, entry.isDirectory() ? 0o777 : 0o666);
  }
}
