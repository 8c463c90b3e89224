/**
 * Reads `bundle plan`: JSON where the CLI has `-o json`, else its text. Both become the same
 * list of changes and the same counts the CLI prints in its `Plan:` line.
 */

import { parseCliJsonObject } from './cli-json.js';
import { isMapping } from './preflight/values.js';

export interface PlannedChange {
  /** The resource key without the `resources.` prefix, e.g. `jobs.nightly_etl`. */
  readonly resource: string;
  /** The CLI's action: create, update, update_id, resize, recreate, delete, or one unknown. */
  readonly action: string;
}

export interface PlanCounts {
  readonly create: number;
  readonly change: number;
  readonly delete: number;
  readonly unchanged: number;
}

export interface PlanResult {
  /** Every planned change except resources left as they are, in the CLI's order. */
  readonly changes: readonly PlannedChange[];
  readonly counts: PlanCounts;
}

export class PlanError extends Error {}

/**
 * The JSON plan: `{"plan": {"resources.jobs.x": {"action": "create", …}, …}, …}`. Counting
 * follows the CLI's own: a recreate is one delete and one create, skip is unchanged
 * (databricks/cli bundle/deployplan/plan.go, CountActions).
 */
export function parsePlanJson(stdout: string): PlanResult {
  const document = parseCliJsonObject(stdout, (reason) => new PlanError(reason));
  // The CLI leaves out an empty `plan` (omitzero) but always writes its version; a document
  // with neither is not a plan, and must not pass for one that changes nothing.
  if (document['plan'] === undefined && typeof document['cli_version'] !== 'string') {
    throw new PlanError('it has neither `plan` nor `cli_version`');
  }
  const entries = document['plan'] ?? {};
  if (!isMapping(entries)) throw new PlanError('`plan` is not an object');

  const counts = { create: 0, change: 0, delete: 0, unchanged: 0 };
  const changes: PlannedChange[] = [];
  for (const key of Object.keys(entries).sort()) {
    const entry = entries[key];
    const given = isMapping(entry) && typeof entry['action'] === 'string' ? entry['action'] : '';
    const action = given === '' ? 'unknown' : given;
    countAction(counts, action);
    if (action !== 'skip') {
      changes.push({ resource: key.replace(/^resources\./, ''), action });
    }
  }
  return { changes, counts };
}

function countAction(counts: Record<keyof PlanCounts, number>, action: string): void {
  switch (action) {
    case 'create':
      counts.create++;
      break;
    case 'update':
    case 'update_id':
    case 'resize':
      counts.change++;
      break;
    case 'delete':
      counts.delete++;
      break;
    case 'recreate':
      counts.delete++;
      counts.create++;
      break;
    case 'skip':
      counts.unchanged++;
      break;
    default:
      // An action this reader does not know (a newer CLI's, or none at all) may well delete:
      // it is counted as a deletion, so the plan warns rather than looking harmless.
      counts.delete++;
  }
}

// `Plan: 1 to add, 2 to change, 0 to delete, 5 unchanged`; the CLI keeps this line stable
// because `bundle deployment migrate` reads it (cmd/bundle/plan.go).
const PLAN_LINE = /^Plan: (\d+) to add, (\d+) to change, (\d+) to delete, (\d+) unchanged/;

// `create jobs.x`: the short action (text before any `_`) and the key without `resources.`.
const ACTION_LINE = /^(create|update|resize|recreate|delete) (\S+)$/;

/** The text plan: action lines, a blank line, then the `Plan:` line. */
export function parsePlanText(stdout: string): PlanResult {
  const changes: PlannedChange[] = [];
  let counts: PlanCounts | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    const action = ACTION_LINE.exec(line);
    if (action !== null) changes.push({ resource: action[2]!, action: action[1]! });
    const plan = PLAN_LINE.exec(line);
    if (plan !== null) {
      const [add, change, remove, unchanged] = plan.slice(1).map(Number) as [
        number,
        number,
        number,
        number,
      ];
      counts = { create: add, change, delete: remove, unchanged };
    }
  }
  if (counts === undefined) throw new PlanError('its output has no "Plan:" line');
  return { changes, counts };
}
