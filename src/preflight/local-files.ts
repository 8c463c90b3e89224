import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

import { classifyDependency, isLocalPath } from './dependencies.js';
import type { FindingList } from './findings.js';
import { GlobPatternError, globRelative } from './go-glob.js';
import type { Site } from './resource-sites.js';
import type { Fragment } from './targets.js';
import type { ConfigPath } from './config-file.js';
import { isInside, isInterpolated, isMapping } from './values.js';

/** A path in the configuration that names a file in the checkout. */
export interface LocalReference {
  /** As written, e.g. ../dist/*.whl. */
  readonly pattern: string;
  /** What it is, for messages: "library", "environment dependency", "artifact file". */
  readonly what: string;
  readonly fragment: Fragment;
  readonly path: ConfigPath;
}

/** A file the deployment uploads, with what identifies it. */
export interface LocalArtifact {
  /** Relative to the repository root, forward slashes. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

const LIBRARY_FILE_KEYS = ['whl', 'jar', 'egg', 'requirements'] as const;

/** Every local path in libraries, environment dependencies and artifact files. */
export function localReferences(fragments: readonly Fragment[], sites: readonly Site[]) {
  const references: LocalReference[] = [];
  const add = (pattern: string, what: string, site: { fragment: Fragment; path: ConfigPath }) => {
    if (!isInterpolated(pattern)) references.push({ pattern, what, ...site });
  };

  for (const site of sites) {
    if (site.type === 'library' && isMapping(site.value)) {
      for (const key of LIBRARY_FILE_KEYS) {
        const value = site.value[key];
        if (typeof value === 'string' && isLocalPath(value)) {
          add(value, `${key} library`, { fragment: site.fragment, path: [...site.path, key] });
        }
      }
    }
    if (site.type === 'dependencies' || site.type === 'java-dependencies') {
      (site.value as unknown[]).forEach((entry, index) => {
        if (typeof entry !== 'string') return;
        const local = localDependencyPath(entry, site.type === 'java-dependencies');
        const where = { fragment: site.fragment, path: [...site.path, index] };
        if (local !== undefined) add(local, 'environment dependency', where);
      });
    }
  }

  for (const fragment of fragments) {
    for (const { source, path: sourcePath } of artifactSources(fragment)) {
      add(source, 'artifact file', { fragment, path: sourcePath });
    }
  }
  return references;
}

function localDependencyPath(entry: string, isJava: boolean): string | undefined {
  if (isJava) return isLocalPath(entry) ? entry.trim() : undefined;
  const dependency = classifyDependency(entry);
  if (dependency.kind === 'local-file') return dependency.path;
  if ((dependency.kind === 'requirements' || dependency.kind === 'editable') && dependency.local) {
    return dependency.path;
  }
  return undefined;
}

function artifactSources(fragment: Fragment): { source: string; path: ConfigPath }[] {
  const artifacts = fragment.value['artifacts'];
  if (!isMapping(artifacts)) return [];
  const sources: { source: string; path: ConfigPath }[] = [];
  for (const [name, artifact] of Object.entries(artifacts)) {
    const files = isMapping(artifact) ? artifact['files'] : undefined;
    if (!Array.isArray(files)) continue;
    files.forEach((file: unknown, index) => {
      const source = isMapping(file) ? file['source'] : undefined;
      if (typeof source === 'string') {
        sources.push({
          source,
          path: [...fragment.base, 'artifacts', name, 'files', index, 'source'],
        });
      }
    });
  }
  return sources;
}

export interface Folders {
  readonly bundlePath: string;
  readonly checkoutPath: string;
}

/**
 * Resolves each reference the way the CLI does (relative to the folder of the file that
 * defines it, expanded with Go's Glob), refuses anything outside the checkout, and hashes
 * every matched file once.
 */
export function resolveLocalFiles(
  references: readonly LocalReference[],
  folders: Folders,
  findings: FindingList,
): LocalArtifact[] {
  const artifacts = new Map<string, LocalArtifact>();
  // Many tasks name the same glob (every job's ../dist/*.whl): expand each one once.
  const globs = new Map<string, GlobResult>();
  for (const reference of references) {
    for (const { repositoryPath, real } of matchReference(reference, folders, findings, globs)) {
      // Keyed by the name the CLI uploads: two links to one file are two uploads.
      if (artifacts.has(repositoryPath)) continue;
      const artifact = describeFile(real, repositoryPath);
      if (artifact === 'folder') continue; // `-e ./package` names a project folder
      if (typeof artifact === 'string') {
        const file = reference.fragment.file;
        const problem = UNUSABLE_FILE[artifact];
        findings.add(
          'local-file-unreadable',
          'stop',
          `${repositoryPath} (the ${reference.what} ${reference.pattern}) ${problem}`,
          { file: file.relativePath, line: file.lineOf(reference.path) },
        );
        continue;
      }
      artifacts.set(repositoryPath, artifact);
    }
  }
  return [...artifacts.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A glob's matches, each with its real path (undefined for a broken link), or its error. */
type GlobResult =
  | {
      readonly outside: boolean;
      readonly matches: readonly {
        name: string;
        real: string | undefined;
        inside: boolean;
        repositoryPath: string;
      }[];
    }
  | { readonly error: GlobPatternError };

function matchReference(
  reference: LocalReference,
  folders: Folders,
  findings: FindingList,
  globs: Map<string, GlobResult>,
): { repositoryPath: string; real: string }[] {
  const file = reference.fragment.file;
  const where = () => ({ file: file.relativePath, line: file.lineOf(reference.path) });
  const pattern = reference.pattern.trim().replace(/^["']+|["']+$/g, '');
  const fromRoot = path.posix.join(path.posix.dirname(file.relativePath), pattern);
  const result = globs.get(fromRoot) ?? expandGlob(folders, fromRoot);
  globs.set(fromRoot, result);

  if ('error' in result) {
    findings.add(
      'local-file-pattern',
      'stop',
      `${reference.pattern} is not a valid glob.`,
      where(),
    );
    return [];
  }
  if (result.outside) {
    findings.add(
      'outside-checkout',
      'stop',
      `The ${reference.what} ${reference.pattern} points outside the repository checkout. ` +
        'Deploy only files from the checkout: copy the file into it in an earlier step.',
      where(),
    );
    return [];
  }
  if (result.matches.length === 0) {
    findings.add(
      'local-file-missing',
      'stop',
      `The ${reference.what} ${reference.pattern} matches no file in the checkout. Build it ` +
        'in an earlier step (or download the vetted build) before this action runs.',
      where(),
    );
    return [];
  }

  const inside: { repositoryPath: string; real: string }[] = [];
  for (const { name: match, real, inside: isIn, repositoryPath } of result.matches) {
    if (real === undefined) {
      findings.add(
        'local-file-missing',
        'stop',
        `The ${reference.what} ${match} is a broken link. Replace it with the file.`,
        where(),
      );
    } else if (isIn) {
      inside.push({ repositoryPath, real });
    } else {
      findings.add(
        'outside-checkout',
        'stop',
        `The ${reference.what} ${match} resolves to ${real}, outside the repository checkout ` +
          '(a symlink). Replace the link with the file.',
        where(),
      );
    }
  }
  return inside;
}

/** Expands one pattern once, however many tasks name it (every job's ../dist/*.whl). */
function expandGlob(folders: Folders, pattern: string): GlobResult {
  if (!isInside(folders.checkoutPath, path.resolve(folders.bundlePath, pattern))) {
    return { outside: true, matches: [] };
  }
  try {
    const names = globRelative(folders.bundlePath, pattern);
    const matches = names.map((name) => {
      const real = realPath(path.join(folders.bundlePath, name));
      const lexical = path.resolve(folders.bundlePath, name);
      const repositoryPath = path.relative(folders.checkoutPath, lexical).split(path.sep).join('/');
      const inside = real !== undefined && isInside(folders.checkoutPath, real);
      return { name, real, inside, repositoryPath };
    });
    return { outside: false, matches };
  } catch (error) {
    if (error instanceof GlobPatternError) return { error };
    throw error;
  }
}

function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

const UNUSABLE_FILE = {
  'not a file':
    'is not a regular file, so it is neither hashed nor deployed. Replace it with the file.',
  unreadable:
    "cannot be read by the runner's user, so it cannot be hashed or deployed. Fix its permissions.",
} as const;

/** Size and hash of a regular file; FIFOs, devices and folders are not read. */
function describeFile(real: string, repositoryPath: string) {
  try {
    const stats = statSync(real);
    if (stats.isDirectory()) return 'folder' as const;
    if (!stats.isFile()) return 'not a file' as const;
    return { path: repositoryPath, bytes: stats.size, sha256: sha256File(real) };
  } catch {
    return 'unreadable' as const;
  }
}

const CHUNK_BYTES = 1 << 20;

/** SHA-256 of a file, read in chunks so a large wheel or jar never sits in memory whole. */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const descriptor = openSync(file, 'r');
  try {
    for (;;) {
      const read = readSync(descriptor, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(descriptor);
  }
  return hash.digest('hex');
}
