/**
 * Reads `bundle summary -o json`: the resolved configuration, in which every resource under
 * `resources.<group>.<key>` carries the `id` and `url` the deployment gave it.
 */

import { messageOf } from './errors.js';
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
export function parseSummary(stdout: string): DeployedResource[] {
  let summary: unknown;
  try {
    summary = JSON.parse(stdout);
  } catch (error) {
    throw new SummaryError(`its output is not JSON (${messageOf(error)})`);
  }
  if (!isMapping(summary)) throw new SummaryError('its output is not a JSON object');
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
        url: webUrl(resource['url']),
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

// Only https links are published: the summary comes from the container, and a link of another
// scheme in a step summary or an output would be a trap for whoever clicks it.
function webUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
