import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

import { assertMountablePath, locateBundle, type BundleLocation } from './bundle-location.js';
import { CancellationGuard } from './cancellation.js';
import { auditRecord, type RunningPhase, writeAuditRecord } from './audit-record.js';
import {
  type CliAbilities,
  containerEnvNames,
  containerEnvironment,
  dockerRunArgs,
  PLAN_JSON_SINCE,
  planPhases,
  STRICT_VALIDATE_SINCE,
  type Phase,
  type RunContext,
} from './container-command.js';
import { type DeployedResource, parseSummary } from './deployed-resources.js';
import { dockerClientEnvironment } from './docker-client.js';
import { inspectEngineAndImage, type LocalImage } from './engine.js';
import { ActionError, messageOf } from './errors.js';
import { recognizeFailure } from './failure-signatures.js';
import { readImageCliVersion } from './image-version.js';
import { type Inputs, parseInputs, SECRET_INPUTS } from './inputs.js';
import { runPhase, skippedPhase, type PhaseResult } from './phase-runner.js';
import { parsePlanJson, parsePlanText, type PlanResult } from './plan-result.js';
import {
  announceDiagnostics,
  announceFindings,
  plural,
  preflightFailureMessage,
  printable,
} from './preflight-report.js';
import { compareVersions } from './preflight/cli-version.js';
import { type PreflightReport, runPreflight } from './preflight/preflight.js';
import { failureMessage, overallOutcome, writeOutputs, writeStepSummary } from './report.js';
import * as workflow from './workflow.js';

/** What the run has learned so far; the audit record is written from it, however far it got. */
interface RunFacts {
  inputs?: Inputs;
  location?: BundleLocation;
  image?: LocalImage;
  preflight?: PreflightReport;
  /** The phases that ended, in order, added as each one ends. */
  phases: PhaseResult[];
  /** The phase whose container is running now, if any. */
  running?: RunningPhase | undefined;
  outcomes?: PhaseOutcomes;
}

/** The action's entry point: pre-flight, then the command's CLI phases in the pinned image. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const startedAt = new Date();
  // Masking comes first, so that nothing below, not even an input error, can print a secret.
  maskSecretInputs(env);

  const facts: RunFacts = { phases: [] };
  let failure: string | undefined;
  let homePath: string | undefined;
  let guard: CancellationGuard | undefined;
  try {
    const inputs = parseInputs((name) => workflow.getInput(name, env));
    facts.inputs = inputs;
    const location = locateBundle(env['GITHUB_WORKSPACE'], inputs.workingDirectory);
    facts.location = location;
    assertLinuxRunner();

    const clientEnv = dockerClientEnvironment(env);
    const activeGuard = new CancellationGuard(clientEnv);
    guard = activeGuard;
    // A cancelled run is recorded too: what had run, and the phase that was stopped.
    activeGuard.onCancelled((message) => recordAudit(facts, startedAt, message, env));
    const image = await inspectEngineAndImage(inputs.image, clientEnv);
    facts.image = image;
    logDecisions(inputs, location, image);

    const preflight = await workflow.group('Pre-flight', async () => {
      const report = await runPreflight(location, inputs.image, image, inputs, () =>
        readImageCliVersion(image.id, clientEnv, activeGuard),
      );
      announceFindings(report);
      return report;
    });
    facts.preflight = preflight;

    const abilities = cliAbilities(inputs, preflight.cliVersion);
    if (preflight.passed) {
      homePath = createHomeFolder(env['RUNNER_TEMP']);
      activeGuard.removeOnCancel(homePath);
      const runner = { inputs, location, image, homePath, clientEnv, guard: activeGuard };
      await runPhases(runner, abilities, facts);
      announceDiagnostics(facts.phases, location.relativePath);
    } else {
      facts.phases = planPhases(inputs, abilities).map(skippedPhase);
    }
    const outcomes = readPhaseOutcomes(facts.phases);
    facts.outcomes = outcomes;

    const report = {
      inputs,
      bundleRelativePath: location.relativePath,
      image,
      preflight,
      phases: facts.phases,
      ...outcomes,
    };
    writeStepSummary(report, env);
    writeOutputs(report, env);
    failure = runFailure(preflight, facts.phases, env);
    if (failure !== undefined) workflow.setFailed(failure);
  } catch (error) {
    failure = describeError(error);
    workflow.setFailed(failure);
  } finally {
    guard?.release();
    if (homePath !== undefined) removeHomeFolder(homePath);
  }
  recordAudit(facts, startedAt, failure, env);
}

function runFailure(
  preflight: PreflightReport,
  phases: readonly PhaseResult[],
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (!preflight.passed) return preflightFailureMessage(preflight);
  if (overallOutcome(phases) === 'failure') return failureMessage(phases, env);
  return undefined;
}

/** What the summary and plan phases printed, read into resources and a plan. */
interface PhaseOutcomes {
  readonly resources: readonly DeployedResource[] | undefined;
  readonly plan: PlanResult | undefined;
}

function readPhaseOutcomes(phases: readonly PhaseResult[]): PhaseOutcomes {
  let resources: DeployedResource[] | undefined;
  let plan: PlanResult | undefined;
  for (const phase of phases) {
    if (phase.name === 'summary') resources = readResources(phase);
    if (phase.name === 'plan' && phase.outcome === 'success') plan = readPlan(phase);
  }
  return { resources, plan };
}

function readResources(phase: PhaseResult): DeployedResource[] | undefined {
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
    const resources = parseSummary(phase.output?.text ?? '');
    workflow.info(`Deployed resources: ${resources.length}`);
    for (const resource of resources) {
      const where = resource.url ?? resource.id ?? 'not deployed';
      workflow.info(`  ${resource.group}.${resource.key}: ${printable(where)}`);
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
    workflow.info(`  ${change.action} ${printable(change.resource)}`);
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

/** Writes the audit record and names it in the outputs; failing to write it fails the step. */
function recordAudit(
  facts: RunFacts,
  startedAt: Date,
  failure: string | undefined,
  env: NodeJS.ProcessEnv,
): void {
  const runnerTemp = env['RUNNER_TEMP'];
  if (runnerTemp === undefined || runnerTemp === '') {
    workflow.setFailed(
      'RUNNER_TEMP is not set, so the audit record could not be written. Run this action as a ' +
        'step of a GitHub Actions job.',
    );
    return;
  }
  const record = auditRecord(
    {
      startedAt,
      finishedAt: new Date(),
      inputs: facts.inputs,
      location: facts.location,
      image: facts.image,
      preflight: facts.preflight,
      phases: facts.phases,
      cancelledPhase: facts.running,
      resources: facts.outcomes?.resources,
      plan: facts.outcomes?.plan,
      result: failure === undefined ? 'success' : 'failure',
      error: failure?.split('\n')[0],
    },
    env,
    SECRET_INPUTS.map((name) => workflow.getInput(name, env)),
  );
  try {
    const written = writeAuditRecord(record, runnerTemp);
    workflow.setOutput('audit-record', written.path, env);
    workflow.setOutput('audit-record-sha256', written.sha256, env);
    workflow.info(`Audit record: ${written.path} (sha256 ${written.sha256})`);
  } catch (error) {
    workflow.setFailed(
      `The audit record could not be written under RUNNER_TEMP (${messageOf(error)}). ` +
        "Check the runner's work folder and its free space.",
    );
  }
}

function removeHomeFolder(homePath: string): void {
  try {
    rmSync(homePath, { recursive: true, force: true });
  } catch (error) {
    workflow.warning(
      `The CLI's home folder ${homePath} could not be removed ` +
        `(${messageOf(error)}); remove it by hand.`,
    );
  }
}

function maskSecretInputs(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_INPUTS) {
    workflow.setSecret(workflow.getInput(name, env));
  }
}

function assertLinuxRunner(): void {
  if (process.platform !== 'linux') {
    throw new ActionError(
      'This action runs Linux containers and needs a Linux runner; ' +
        `this one is ${process.platform}.`,
    );
  }
}

function logDecisions(inputs: Inputs, location: BundleLocation, image: LocalImage): void {
  workflow.info(`Bundle: ${location.relativePath}/${location.configFile}, target ${inputs.target}`);
  workflow.info(`Image: ${inputs.image.raw} (${image.id}, ${image.platform})`);
  if (image.repoDigest !== undefined) workflow.info(`Registry digest: ${image.repoDigest}`);
  workflow.info(`Authentication: ${inputs.credentials.authType}`);
}

/** The CLI's HOME: a fresh folder under RUNNER_TEMP, owned by the runner's user, removed after. */
function createHomeFolder(runnerTemp: string | undefined): string {
  if (runnerTemp === undefined || runnerTemp === '') {
    throw new ActionError(
      "RUNNER_TEMP is not set, so there is no place for the CLI's home folder. Run this action " +
        'as a step of a GitHub Actions job.',
    );
  }
  assertMountablePath(runnerTemp, 'RUNNER_TEMP', 'Use a runner temp folder without them.');
  try {
    return mkdtempSync(path.join(runnerTemp, 'databricks-bundle-home-'));
  } catch (error) {
    throw new ActionError(
      `RUNNER_TEMP (${runnerTemp}) is not a folder this step can write to, so there is no place ` +
        `for the CLI's home folder: ${messageOf(error)}. ` +
        'Check the runner work folder and its permissions.',
    );
  }
}

/** What running the phases needs, decided before the first one starts. */
interface PhaseRunner {
  readonly inputs: Inputs;
  readonly location: BundleLocation;
  readonly image: LocalImage;
  readonly homePath: string;
  readonly clientEnv: Record<string, string>;
  readonly guard: CancellationGuard;
}

/** Runs the command's phases in order, adding each result to the run's facts as it ends. */
async function runPhases(
  runner: PhaseRunner,
  abilities: CliAbilities,
  facts: RunFacts,
): Promise<void> {
  const { inputs, location, guard } = runner;
  const containerEnv = containerEnvironment(inputs);
  const envNames = containerEnvNames(containerEnv);
  const processEnv = { ...runner.clientEnv, ...containerEnv };
  const failureContext = {
    configFile: path.posix.join(location.relativePath, location.configFile),
    hostInputSet: inputs.workspaceHost !== undefined,
  };
  const results = facts.phases;

  for (const phase of planPhases(inputs, abilities)) {
    if (results.some((result) => result.outcome !== 'success')) {
      results.push(skippedPhase(phase));
      continue;
    }
    const context = runContext(phase, runner.image, location, runner.homePath);
    const args = dockerRunArgs(phase, context, inputs, envNames);
    guard.phaseStarted(phase.name, context.containerName);
    facts.running = { name: phase.name, startedAt: new Date() };
    const { result, stderr } = await runPhase(phase, args, processEnv);
    facts.running = undefined;
    guard.phaseEnded();
    const recognizedFailure =
      result.outcome === 'failure'
        ? recognizeFailure(stderr, { ...failureContext, phase: phase.name })
        : undefined;
    const recognized = { ...result, recognizedFailure };
    results.push(
      inputs.failOnWarnings && !abilities.strictValidate
        ? failOnParsedWarnings(recognized)
        : recognized,
    );
  }
}

/** What the image's CLI can do, from its version; an unknown version is assumed to lack all. */
function cliAbilities(inputs: Inputs, cliVersion: string | undefined): CliAbilities {
  const since = (version: string) =>
    cliVersion !== undefined && compareVersions(cliVersion, version) >= 0;
  return {
    // fail-on-warnings uses the CLI's own `--strict` when the image's CLI has it.
    strictValidate: inputs.failOnWarnings && since(STRICT_VALIDATE_SINCE),
    planJson: since(PLAN_JSON_SINCE),
  };
}

/** For a CLI without `--strict`: a validate that passed with warnings fails all the same. */
function failOnParsedWarnings(result: PhaseResult): PhaseResult {
  const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  if (result.name !== 'validate' || result.outcome !== 'success' || warnings.length === 0) {
    return result;
  }
  workflow.info(
    `validate: failure (${warnings.length} warning(s), and fail-on-warnings is true; this CLI ` +
      'has no --strict, so the action counted them)',
  );
  return {
    ...result,
    outcome: 'failure',
    errorTail: warnings.map((warning) => `Warning: ${warning.summary}`),
  };
}

function runContext(
  phase: Phase,
  image: LocalImage,
  location: BundleLocation,
  homePath: string,
): RunContext {
  return {
    imageId: image.id,
    containerName: `databricks-bundle-${phase.name}-${randomBytes(6).toString('hex')}`,
    uid: process.getuid?.() ?? 0,
    gid: process.getgid?.() ?? 0,
    checkoutPath: location.checkoutPath,
    bundleRelativePath: location.relativePath,
    homePath,
  };
}

function describeError(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}
