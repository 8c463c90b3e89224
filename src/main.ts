import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

import { assertMountablePath, locateBundle, type BundleLocation } from './bundle-location.js';
import { CancellationGuard } from './cancellation.js';
import {
  containerEnvNames,
  containerEnvironment,
  dockerRunArgs,
  planPhases,
  STRICT_VALIDATE_SINCE,
  type Phase,
  type RunContext,
} from './container-command.js';
import { dockerClientEnvironment } from './docker-client.js';
import { inspectEngineAndImage, type LocalImage } from './engine.js';
import { ActionError, messageOf } from './errors.js';
import { readImageCliVersion } from './image-version.js';
import { compareVersions } from './preflight/cli-version.js';
import { type Inputs, parseInputs, SECRET_INPUTS } from './inputs.js';
import { runPhase, skippedPhase, type PhaseResult } from './phase-runner.js';
import {
  announceDiagnostics,
  announceFindings,
  preflightFailureMessage,
} from './preflight-report.js';
import { type PreflightReport, runPreflight } from './preflight/preflight.js';
import { failureMessage, overallOutcome, writeOutputs, writeStepSummary } from './report.js';
import * as workflow from './workflow.js';

/** The action's entry point: validate, then deploy, the bundle in the pinned CLI image. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Masking comes first, so that nothing below, not even an input error, can print a secret.
  maskSecretInputs(env);

  let homePath: string | undefined;
  let guard: CancellationGuard | undefined;
  try {
    const inputs = parseInputs((name) => workflow.getInput(name, env));
    const location = locateBundle(env['GITHUB_WORKSPACE'], inputs.workingDirectory);
    assertLinuxRunner();

    const clientEnv = dockerClientEnvironment(env);
    const activeGuard = new CancellationGuard(clientEnv);
    guard = activeGuard;
    const image = await inspectEngineAndImage(inputs.image, clientEnv);
    logDecisions(inputs, location, image);

    const preflight = await workflow.group('Pre-flight', async () => {
      const report = await runPreflight(location, inputs.image, image, inputs, () =>
        readImageCliVersion(image.id, clientEnv, activeGuard),
      );
      announceFindings(report);
      return report;
    });

    let phases: PhaseResult[];
    if (preflight.passed) {
      homePath = createHomeFolder(env['RUNNER_TEMP']);
      activeGuard.removeOnCancel(homePath);
      const strict = cliHasStrictValidate(inputs, preflight.cliVersion);
      phases = await runPhases(inputs, location, image, homePath, clientEnv, activeGuard, strict);
      announceDiagnostics(phases, location.relativePath);
    } else {
      phases = planPhases(inputs).map(skippedPhase);
    }

    const report = { inputs, bundleRelativePath: location.relativePath, image, preflight, phases };
    writeStepSummary(report, env);
    writeOutputs(report, env);
    reportFailure(preflight, phases);
  } catch (error) {
    workflow.setFailed(describeError(error));
  } finally {
    guard?.release();
    if (homePath !== undefined) removeHomeFolder(homePath);
  }
}

function reportFailure(preflight: PreflightReport, phases: readonly PhaseResult[]): void {
  if (!preflight.passed) {
    workflow.setFailed(preflightFailureMessage(preflight));
  } else if (overallOutcome(phases) === 'failure') {
    workflow.setFailed(failureMessage(phases));
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

async function runPhases(
  inputs: Inputs,
  location: BundleLocation,
  image: LocalImage,
  homePath: string,
  clientEnv: Record<string, string>,
  guard: CancellationGuard,
  strict: boolean,
): Promise<PhaseResult[]> {
  const containerEnv = containerEnvironment(inputs);
  const envNames = containerEnvNames(containerEnv);
  const processEnv = { ...clientEnv, ...containerEnv };
  const results: PhaseResult[] = [];

  for (const phase of planPhases(inputs, strict)) {
    if (results.some((result) => result.outcome !== 'success')) {
      results.push(skippedPhase(phase));
      continue;
    }
    const context = runContext(phase, image, location, homePath);
    const args = dockerRunArgs(phase, context, inputs, envNames);
    guard.phaseStarted(phase.name, context.containerName);
    const result = await runPhase(phase, args, processEnv);
    guard.phaseEnded();
    results.push(inputs.failOnWarnings && !strict ? failOnParsedWarnings(result) : result);
  }
  return results;
}

/** fail-on-warnings uses the CLI's own `--strict` when the image's CLI has it. */
function cliHasStrictValidate(inputs: Inputs, cliVersion: string | undefined): boolean {
  if (!inputs.failOnWarnings || cliVersion === undefined) return false;
  return compareVersions(cliVersion, STRICT_VALIDATE_SINCE) >= 0;
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
