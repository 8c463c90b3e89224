/**
 * Reads `bundle summary -o json`: the resolved configuration, in which every resource under
 * `resources.<group>.<key>` carries the `id` and `url` the deployment gave it.
 */

import { parseCliJsonObject } from './cli-json.js';
import { isMapping } from './preflight/values.js';

/** One resource of the bundle as deployed. */
export interface DeployedResource {
  /** The resource group as the bundle names it: jobs, pipelines, schemas, … */
  readonly group: string;
  readonly key: string;
  /** The deployed name (with a development prefix, for instance), when the resource has one. */
  readonly name: string | null;
  /** The workspace's id for it; null when it is not deployed. */
  readonly id: string | null;
  readonly url: string | null;
}

export class SummaryError extends Error {}

/**
 * The resources in a summary, sorted by group and key. Permissions, grants and other nested
 * settings are not resources of their own here; only `resources.<group>.<key>` entries are.
 */
export function parseSummary(stdout: string, workspaceHost?: string): DeployedResource[] {
  const summary = parseCliJsonObject(stdout, (reason) => new SummaryError(reason));
  const workspace = summary['workspace'];
  const yamlHost = isMapping(workspace) ? workspace['host'] : undefined;
  const origin = originOf(workspaceHost ?? (typeof yamlHost === 'string' ? yamlHost : undefined));
  const groups = summary['resources'];
  if (groups === undefined || groups === null) return [];
  if (!isMapping(groups)) throw new SummaryError('`resources` is not an object');

  const resources: DeployedResource[] = [];
  for (const group of Object.keys(groups).sort()) {
    const members = groups[group];
    if (!isMapping(members)) continue;
    for (const key of Object.keys(members).sort()) {
      const resource = members[key];
      if (!isMapping(resource)) continue;
      resources.push({
        group,
        key,
        name: text(resource['name']) ?? text(resource['display_name']),
        id: text(resource['id']),
        url: webUrl(resource['url'], origin),
      });
    }
  }
  return resources;
}

/**
 * Outputs for the common cases, each a JSON object from resource key to value, so a later step
 * can write `fromJSON(steps.deploy.outputs.job-ids).nightly_etl`.
 */
export function commonResourceOutputs(resources: readonly DeployedResource[]) {
  const byKey = (group: string, field: 'id' | 'url') =>
    JSON.stringify(
      Object.fromEntries(
        resources
          .filter((resource) => resource.group === group && resource[field] !== null)
          .map((resource) => [resource.key, resource[field]]),
      ),
    );
  return {
    'job-ids': byKey('jobs', 'id'),
    'job-urls': byKey('jobs', 'url'),
    'pipeline-ids': byKey('pipelines', 'id'),
    'pipeline-urls': byKey('pipelines', 'url'),
  };
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

// The characters of a workspace link (/jobs/123?o=456, /explore/data/main/sales): a later step
// may well paste an output into a shell command, where quotes, `$` or backticks would run.
const SAFE_URL = /^[A-Za-z0-9\-._~:/?#@&=%+,]+$/;

/**
 * Only https links to the workspace are published: the summary comes from the container, and
 * a link elsewhere, of another scheme, or with shell-active characters would be a trap for
 * whoever clicks or pastes it. The link is published as the URL parser writes it.
 */
function webUrl(value: unknown, origin: string | undefined): string | null {
  if (typeof value !== 'string') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (origin !== undefined && url.origin !== origin) return null;
  return SAFE_URL.test(url.href) ? url.href : null;
}

function originOf(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  try {
    return new URL(host.includes('://') ? host : `https://${host}`).origin;
  } catch {
    return undefined;
  }
}
