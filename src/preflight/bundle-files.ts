import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import { BUNDLE_CONFIG_FILES } from '../bundle-location.js';
import { type ConfigFile, ConfigFileError, readConfigFile } from './config-file.js';
import type { FindingList } from './findings.js';
import { GlobPatternError, globRelative, hasGlobMeta } from './go-glob.js';
import { isInside, isMapping } from './values.js';

/** The root configuration file and the files its `include` section pulls in, in CLI order. */
export interface BundleFiles {
  readonly root: ConfigFile;
  readonly included: readonly ConfigFile[];
}

export interface BundleFolders {
  /** The bundle root, an absolute real path. */
  readonly bundlePath: string;
  /** The repository checkout, an absolute real path; nothing may be read from outside it. */
  readonly checkoutPath: string;
  /** The root configuration file's name, e.g. databricks.yml. */
  readonly configFile: string;
}

const INCLUDE_EXTENSIONS = ['.yml', '.yaml', '.json'];

// The CLI refuses these in the bundle root path, because Go's Glob would read them as patterns.
const ROOT_GLOB_CHARACTERS = ['*', '?', '[', ']', '^'];

/**
 * Loads the configuration the way the CLI does (bundle/config/loader): only the root file's
 * `include` counts, entries are Go globs relative to the bundle root, a plain entry must match,
 * matches must be YAML or JSON, and a file is loaded once. Problems become findings on the
 * file and line they come from; undefined means the root itself could not be read.
 */
export function loadBundleFiles(
  folders: BundleFolders,
  findings: FindingList,
): BundleFiles | undefined {
  const root = readBundleFile(folders, folders.configFile, findings);
  if (root === undefined) return undefined;
  if (root.value !== null && !isMapping(root.value)) {
    findings.add('config-type', 'stop', 'The root configuration is not a mapping of sections.', {
      file: root.relativePath,
      line: 1,
    });
    return undefined;
  }

  const globCharacter = ROOT_GLOB_CHARACTERS.find((char) => folders.bundlePath.includes(char));
  if (globCharacter !== undefined) {
    findings.add(
      'bundle-root-path',
      'stop',
      `The bundle root path ${folders.bundlePath} contains the glob character ` +
        `"${globCharacter}", which the CLI refuses. Move the bundle to a folder without it.`,
    );
    return { root, included: [] };
  }

  const included = includedFiles(folders, root, findings);
  return { root, included };
}

function includedFiles(folders: BundleFolders, root: ConfigFile, findings: FindingList) {
  const entries = includeEntries(root, findings);
  const seen = new Set<string>(BUNDLE_CONFIG_FILES);
  const included: ConfigFile[] = [];

  entries.forEach((entry, index) => {
    const where = { file: root.relativePath, line: root.lineOf(['include', index]) };
    const matches = matchIncludeEntry(folders, entry, where, findings);
    const fresh = matches.filter((match) => !seen.has(match));
    fresh.forEach((match) => seen.add(match));

    for (const match of [...fresh].sort()) {
      if (!INCLUDE_EXTENSIONS.includes(path.extname(match))) {
        findings.add(
          'include-not-yaml',
          'stop',
          `include entry "${entry}" matches ${match}, which is not a YAML or JSON file. List ` +
            "files to sync under 'sync.include' instead.",
          where,
        );
        continue;
      }
      const file = readBundleFile(folders, match, findings);
      if (file !== undefined && acceptIncludedFile(file, findings)) included.push(file);
    }
  });
  return included;
}

function includeEntries(root: ConfigFile, findings: FindingList): string[] {
  const include = isMapping(root.value) ? root.value['include'] : undefined;
  if (include === undefined || include === null) return [];
  if (!Array.isArray(include)) {
    findings.add('config-type', 'stop', 'include must be a list of file paths or globs.', {
      file: root.relativePath,
      line: root.lineOf(['include']),
    });
    return [];
  }

  const entries: string[] = [];
  include.forEach((entry: unknown, index) => {
    if (typeof entry === 'string') {
      entries.push(entry);
      return;
    }
    findings.add('config-type', 'stop', `include[${index}] must be a string.`, {
      file: root.relativePath,
      line: root.lineOf(['include', index]),
    });
  });
  return entries;
}

function matchIncludeEntry(
  folders: BundleFolders,
  entry: string,
  where: { file: string; line: number },
  findings: FindingList,
): string[] {
  if (path.isAbsolute(entry)) {
    findings.add('include-absolute', 'stop', `${entry}: includes must be relative paths.`, where);
    return [];
  }
  if (hasGlobMeta(entry) && entry.includes('**')) {
    findings.add(
      'include-globstar',
      'advice',
      `include entry "${entry}" uses "**", which the CLI's Go glob reads as "*": it matches ` +
        'one folder level, not any depth. List each level (e.g. resources/*.yml, ' +
        'resources/*/*.yml).',
      where,
    );
  }

  let matches: string[];
  try {
    matches = globRelative(folders.bundlePath, entry);
  } catch (error) {
    if (!(error instanceof GlobPatternError)) throw error;
    findings.add('include-pattern', 'stop', `include entry "${entry}" is not a valid glob.`, where);
    return [];
  }
  if (matches.length === 0 && !/[*?[]/.test(entry)) {
    findings.add(
      'include-missing',
      'stop',
      `${entry} defined in 'include' section does not match any files. Fix the path, or ` +
        'commit the file.',
      where,
    );
  }
  return matches;
}

/** Reads one bundle file, refusing one whose real path leaves the checkout (a symlink out). */
function readBundleFile(
  folders: BundleFolders,
  relativePath: string,
  findings: FindingList,
): ConfigFile | undefined {
  const absolute = path.join(folders.bundlePath, relativePath);
  try {
    const real = realpathSync(absolute);
    if (!isInside(folders.checkoutPath, real)) {
      findings.add(
        'outside-checkout',
        'stop',
        `${relativePath} resolves to ${real}, outside the repository checkout; configuration ` +
          'is only read from the checkout. Replace the symlink with the file itself.',
        { file: relativePath },
      );
      return undefined;
    }
    if (!statSync(real).isFile()) {
      findings.add('config-read', 'stop', `${relativePath} is not a regular file.`, {
        file: relativePath,
      });
      return undefined;
    }
    return readConfigFile(real, relativePath);
  } catch (error) {
    findings.add('config-read', 'stop', describeReadError(relativePath, error), {
      file: relativePath,
      line: error instanceof ConfigFileError ? error.line : undefined,
    });
    return undefined;
  }
}

function describeReadError(relativePath: string, error: unknown): string {
  // The finding carries the file and line already; the message need not repeat them.
  if (error instanceof ConfigFileError) {
    const prefix = `${error.file}${error.line === undefined ? '' : `:${error.line}`}: `;
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return `${relativePath} cannot be read (${code}). Check that it exists and is readable.`;
}

function acceptIncludedFile(file: ConfigFile, findings: FindingList): boolean {
  if (file.value === null) return true;
  if (!isMapping(file.value)) {
    findings.add('config-type', 'stop', `${file.relativePath} is not a mapping of sections.`, {
      file: file.relativePath,
      line: 1,
    });
    return false;
  }
  const include = file.value['include'];
  if (Array.isArray(include) ? include.length > 0 : include !== undefined && include !== null) {
    findings.add(
      'include-outside-root',
      'stop',
      'Include section is defined outside root file. Move the include entries to the root ' +
        'configuration file.',
      { file: file.relativePath, line: file.lineOf(['include']) },
    );
  }
  return true;
}
