import type { ConfigPath } from './config-file.js';
import type { Fragment } from './targets.js';
import { isMapping } from './values.js';

/** A place in the resources that can pull something in: a library, a dependency list, ... */
export interface Site {
  readonly type:
    | 'library'
    | 'dependencies'
    | 'java-dependencies'
    | 'git-source'
    | 'git-repository'
    | 'docker-image'
    | 'init-scripts'
    | 'spark-conf'
    | 'spark-submit'
    | 'dbt-commands'
    | 'unresolved';
  readonly value: unknown;
  /** Where the value is written: in a resource, or in the variable it came from. */
  readonly path: ConfigPath;
  readonly fragment: Fragment;
}

/** A variable's value with the place it is written, for `${var.name}` used as a whole value. */
export type VariableResolver = (
  name: string,
) => { value: unknown; fragment: Fragment; path: ConfigPath } | undefined;

// A complex variable may hold a whole libraries list or cluster; one may name another.
const MAX_VARIABLE_DEPTH = 5;
// Keys whose whole value, when it is a reference the pre-flight cannot resolve, hides what the
// deployment fetches.
const STRUCTURAL_KEYS = [
  'libraries',
  'git_source',
  'git_repository',
  'docker_image',
  'init_scripts',
  'dependencies',
  'environments',
  'new_cluster',
  'spark_conf',
];

/**
 * Finds every site under `resources` by key name rather than by resource shape, so libraries
 * inside for_each tasks, job clusters and pipeline clusters are found the same way as those on
 * plain tasks. A value that is a whole `${var.name}` is replaced by the variable's value, so a
 * complex variable cannot hide a library list, a Git source or a cluster.
 */
export function resourceSites(
  fragments: readonly Fragment[],
  resolveVariable: VariableResolver = () => undefined,
): Site[] {
  const sites: Site[] = [];
  const walker = new SiteWalker(sites, resolveVariable);
  for (const fragment of fragments) {
    const resources = fragment.value['resources'];
    if (resources !== undefined) {
      walker.walk(resources, [...fragment.base, 'resources'], fragment, false, 0);
    }
  }
  return sites;
}

class SiteWalker {
  constructor(
    private readonly sites: Site[],
    private readonly resolveVariable: VariableResolver,
  ) {}

  walk(value: unknown, path: ConfigPath, fragment: Fragment, inEnv: boolean, depth: number): void {
    const resolved = this.resolve(value, depth);
    if (resolved !== undefined) {
      this.walk(resolved.value, resolved.path, resolved.fragment, inEnv, depth + 1);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) =>
        this.walk(item, [...path, index], fragment, inEnv, depth),
      );
      return;
    }
    if (!isMapping(value)) return;

    for (const [key, raw] of Object.entries(value)) {
      const here = this.resolve(raw, depth) ?? {
        value: raw,
        path: [...path, key],
        fragment,
      };
      if (this.addSite(key, here, inEnv)) continue;
      const environment = inEnv || key === 'environments' || key === 'environment';
      this.walk(here.value, here.path, here.fragment, environment, depth);
    }
  }

  /**
   * `${var.name}`, `${var.name.key[0]}` or `${variables.name.value...}` as a whole value: the
   * variable's value for the target, followed down the keys, with where it is written.
   */
  private resolve(value: unknown, depth: number) {
    if (typeof value !== 'string' || depth >= MAX_VARIABLE_DEPTH) return undefined;
    const inner = /^\$\{([^${}]+)\}$/.exec(value.trim())?.[1];
    if (inner === undefined) return undefined;
    const parts = inner.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== '');
    const [root, name, ...rest] = parts;
    if (name === undefined) return undefined;
    const keys =
      root === 'var'
        ? rest
        : root === 'variables' && rest[0] === 'value'
          ? rest.slice(1)
          : undefined;
    if (keys === undefined) return undefined;
    const found = this.resolveVariable(name);
    if (found === undefined) return undefined;

    let current: unknown = found.value;
    const path: (string | number)[] = [...found.path];
    for (const key of keys) {
      const index = /^\d+$/.test(key) && Array.isArray(current) ? Number(key) : key;
      current = Array.isArray(current)
        ? current[Number(index)]
        : isMapping(current)
          ? current[String(index)]
          : undefined;
      path.push(index);
    }
    return current === undefined ? undefined : { value: current, path, fragment: found.fragment };
  }

  /** Records `key: value` as a site when it is one; true when it was. */
  private addSite(
    key: string,
    here: { value: unknown; path: ConfigPath; fragment: Fragment },
    inEnv: boolean,
  ): boolean {
    const { value, path, fragment } = here;
    if (STRUCTURAL_KEYS.includes(key) && typeof value === 'string' && value.includes('${')) {
      this.sites.push({ type: 'unresolved', value, path, fragment });
      return true;
    }
    if (key === 'libraries' && Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        const site = this.resolve(item, 0) ?? { value: item, path: [...path, index], fragment };
        this.sites.push({ type: 'library', ...site });
      });
      return true;
    }
    const type = siteType(key, value, inEnv);
    if (type === undefined) return false;
    if (type === 'dbt-commands') {
      const commands = isMapping(value) ? value['commands'] : undefined;
      if (Array.isArray(commands)) {
        this.sites.push({ type, value: commands, path: [...path, 'commands'], fragment });
      }
      return false;
    }
    if (type === 'spark-submit') {
      const parameters = isMapping(value) ? value['parameters'] : undefined;
      if (Array.isArray(parameters)) {
        this.sites.push({ type, value: parameters, path: [...path, 'parameters'], fragment });
      }
      return false; // keep walking: the task may hold libraries too
    }
    this.sites.push({ type, value, path, fragment });
    return type !== 'spark-conf';
  }
}

function siteType(key: string, value: unknown, inEnv: boolean): Site['type'] | undefined {
  if (key === 'dependencies' && inEnv && Array.isArray(value)) return 'dependencies';
  if (key === 'java_dependencies' && inEnv && Array.isArray(value)) return 'java-dependencies';
  if (key === 'git_source' && value !== null && value !== undefined) return 'git-source';
  if (key === 'git_repository' && isMapping(value)) return 'git-repository';
  if (key === 'docker_image' && value !== null && value !== undefined) return 'docker-image';
  if (key === 'preloaded_docker_images' && Array.isArray(value)) return 'docker-image';
  if (key === 'init_scripts' && Array.isArray(value) && value.length > 0) return 'init-scripts';
  if (key === 'spark_conf' && isMapping(value)) return 'spark-conf';
  if (key === 'spark_submit_task' && isMapping(value)) return 'spark-submit';
  if (key === 'dbt_task' && isMapping(value)) return 'dbt-commands';
  return undefined;
}
