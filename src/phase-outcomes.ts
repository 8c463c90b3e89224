import { type DeployedResource, parseSummary } from './deployed-resources.js';
import { messageOf } from './errors.js';
import type { PhaseResult } from './phase-runner.js';
import { parsePlanJson, parsePlanText, type PlanResult } from './plan-result.js';
import { plural, printable } from './preflight-report.js';
import * as workflow from './workflow.js';

/** What the summary and plan phases printed, read into resources and a plan. */
export interface PhaseOutcomes {
  readonly resources: readonly DeployedResource[] | undefined;
  readonly plan: PlanResult | undefined;
}

export function readPhaseOutcomes(
  phases: readonly PhaseResult[],
  workspaceHost: string | undefined,
): PhaseOutcomes {
  let resources: DeployedResource[] | undefined;
  let plan: PlanResult | undefined;
  for (const phase of phases) {
    if (phase.name === 'summary') resources = readResources(phase, workspaceHost);
    if (phase.name === 'plan' && phase.outcome === 'success') plan = readPlan(phase);
  }
  return { resources, plan };
}

function readResources(
  phase: PhaseResult,
  workspaceHost: string | undefined,
): DeployedResource[] | undefined {
  if (phase.outcome === 'skipped') return undefined;
  if (phase.outcome === 'failure') {
    const cause = phase.recognizedFailure?.explanation ?? `exit code ${phase.exitCode}`;
    workflow.warning(
      `The deployment succeeded, but \`bundle summary\` failed (${cause}), so the resources ` +
        'and job outputs are empty. The deployed resources are in the workspace as usual.',
      { title: 'Databricks CLI (summary)' },
    );
    return undefined;
  }
  try {
    const resources = parseSummary(phase.output?.text ?? '', workspaceHost);
    workflow.info(`Deployed resources: ${resources.length}`);
    for (const resource of resources) {
      const where = resource.url ?? resource.id ?? 'not deployed';
      workflow.info(`  ${printable(`${resource.group}.${resource.key}: ${where}`)}`);
    }
    return resources;
  } catch (error) {
    workflow.warning(
      'The deployment succeeded, but the output of `bundle summary -o json` could not be ' +
        `read: ${messageOf(error)}. The resources and job outputs are empty.`,
      { title: 'Databricks CLI (summary)' },
    );
    return undefined;
  }
}

function readPlan(phase: PhaseResult): PlanResult | undefined {
  try {
    const stdout = phase.output?.text ?? '';
    const plan = phase.output?.format === 'json' ? parsePlanJson(stdout) : parsePlanText(stdout);
    logPlan(plan);
    return plan;
  } catch (error) {
    workflow.warning(
      `\`bundle plan\` succeeded, but its output could not be read: ${messageOf(error)}. ` +
        'The plan output and the summary table are empty.',
      { title: 'Databricks CLI (plan)' },
    );
    return undefined;
  }
}

function logPlan(plan: PlanResult): void {
  for (const change of plan.changes) {
    workflow.info(`  ${printable(`${change.action} ${change.resource}`)}`);
  }
  const { create, change, delete: deletes, unchanged } = plan.counts;
  workflow.info(
    `Plan: ${create} to add, ${change} to change, ${deletes} to delete, ${unchanged} unchanged`,
  );
  if (deletes > 0) {
    workflow.warning(
      `This plan deletes or recreates ${plural(deletes, 'resource')}. Deploying it needs ` +
        'auto-approve: true; review the deletions before setting it.',
      { title: 'Databricks bundle plan' },
    );
  }
}
