import type { ConfigFile, ConfigPath } from './config-file.js';
import type { BundleFiles } from './bundle-files.js';
import type { FindingList } from './findings.js';
import { isMapping, type Mapping } from './values.js';

/**
 * One part of the configuration that applies to the selected target: a file's top level, or
 * that file's `targets.<name>` block. Rules read fragments, so every finding keeps the file and
 * the path it came from.
 */
export interface Fragment {
  readonly file: ConfigFile;
  /** Where `value` sits in the file: [] for the top level, ['targets', name] for a target. */
  readonly base: ConfigPath;
  readonly value: Mapping;
  readonly isTarget: boolean;
}

/** The sections that configure the selected target, in the order the CLI merges them. */
export interface SelectedTarget {
  readonly name: string;
  readonly fragments: readonly Fragment[];
}

// `environments` is the CLI's deprecated name for `targets`; both still work.
const TARGET_SECTIONS = ['targets', 'environments'] as const;

/**
 * Picks the target the way the CLI does (bundle/config/mutator/select_target.go): an unknown
 * name is an error that lists the known ones, and a bundle without targets has only `default`.
 */
export function selectTarget(
  files: BundleFiles,
  name: string,
  findings: FindingList,
): SelectedTarget | undefined {
  const all = [files.root, ...files.included];
  const available = new Set<string>();
  for (const file of all) {
    for (const section of TARGET_SECTIONS) {
      for (const targetName of Object.keys(targetBlocks(file, section, findings))) {
        available.add(targetName);
      }
    }
  }

  if (available.size === 0 ? name !== 'default' : !available.has(name)) {
    const known = available.size === 0 ? ['default'] : [...available].sort();
    findings.add(
      'unknown-target',
      'stop',
      `${name}: no such target. Available targets: ${known.join(', ')}. Set the target input ` +
        'to one of them.',
      { file: files.root.relativePath, line: files.root.lineOf(['targets']) },
    );
    return undefined;
  }

  const topLevel: Fragment[] = [];
  const targeted: Fragment[] = [];
  for (const file of all) {
    if (isMapping(file.value)) {
      topLevel.push({ file, base: [], value: file.value, isTarget: false });
    }
    for (const section of TARGET_SECTIONS) {
      const block = targetBlocks(file, section)[name];
      if (isMapping(block))
        targeted.push({ file, base: [section, name], value: block, isTarget: true });
    }
  }
  return { name, fragments: [...topLevel, ...targeted] };
}

// The second pass over the same blocks passes no list, so nothing is reported twice.
function targetBlocks(file: ConfigFile, section: string, findings?: FindingList): Mapping {
  const value = isMapping(file.value) ? file.value[section] : undefined;
  if (value === undefined || value === null) return {};
  if (!isMapping(value)) {
    findings?.add('config-type', 'stop', `${section} must be a mapping of target names.`, {
      file: file.relativePath,
      line: file.lineOf([section]),
    });
    return {};
  }
  return value;
}

/** A setting as the CLI resolves it: the target's value wins over the top level. */
export interface Setting<T> {
  readonly value: T;
  readonly fragment: Fragment;
  readonly path: ConfigPath;
}

/**
 * The effective value of a setting (e.g. ['bundle', 'engine']) for the selected target, with
 * where it was set. Null means "not set", as the CLI reads `host:` with no value.
 */
export function effectiveSetting(
  target: SelectedTarget,
  keys: readonly string[],
): Setting<unknown> | undefined {
  let found: Setting<unknown> | undefined;
  for (const fragment of target.fragments) {
    let value: unknown = fragment.value;
    for (const key of keys) value = isMapping(value) ? value[key] : undefined;
    if (value !== undefined && value !== null) {
      found = { value, fragment, path: [...fragment.base, ...keys] };
    }
  }
  return found;
}

/** The line of a setting in its file. */
export function settingLine(setting: Setting<unknown>): number {
  return setting.fragment.file.lineOf(setting.path);
}

/**
 * The value of variable `name` for the selected target, with where it is written: the target's
 * own `variables.<name>` (a value, or a mapping with `default`), else the top-level default.
 */
export function variableValue(target: SelectedTarget, name: string) {
  let found: { value: unknown; fragment: Fragment; path: ConfigPath } | undefined;
  for (const fragment of target.fragments) {
    const variables = fragment.value['variables'];
    const entry = isMapping(variables) ? variables[name] : undefined;
    if (entry === undefined || entry === null) continue;
    const base = [...fragment.base, 'variables', name];
    if (isMapping(entry) && 'default' in entry) {
      found = { value: entry['default'], fragment, path: [...base, 'default'] };
    } else if (fragment.isTarget) {
      found = { value: entry, fragment, path: base };
    }
  }
  return found;
}
