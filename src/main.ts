import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

import { locateBundle, type BundleLocation } from './bundle-location.js';
import {
  containerEnvironment,
  dockerRunArgs,
  planPhases,
  type Phase,
  type RunContext,
} from './container-command.js';
import { dockerClientEnvironment } from './docker-client.js';
import { inspectEngineAndImage, type LocalImage } from './engine.js';
import { ActionError } from './errors.js';
import { type Inputs, parseInputs, SECRET_INPUTS } from './inputs.js';
import { runPhase, skippedPhase, type PhaseResult } from './phase-runner.js';
import { overallOutcome, setOutputs, writeStepSummary } from './report.js';
import * as workflow from './workflow.js';

/** The action's entry point: validate, then deploy, the bundle in the pinned CLI image. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Masking comes first, so that nothing below, not even an input error, can print a secret.
  maskSecretInputs(env);

  let homePath: string | undefined;
  try {
    const inputs = parseInputs((name) => workflow.getInput(name, env));
    const location = locateBundle(env['GITHUB_WORKSPACE'], inputs.workingDirectory);
    assertLinuxRunner();

    const clientEnv = dockerClientEnvironment(env);
    const image = await inspectEngineAndImage(inputs.image, clientEnv);
    logDecisions(inputs, location, image);

    homePath = createHomeFolder(env['RUNNER_TEMP']);
    const phases = await runPhases(inputs, location, image, homePath, clientEnv);

    const report = { inputs, bundleRelativePath: location.relativePath, image, phases };
    setOutputs(report, env);
    writeStepSummary(report, env);
    if (overallOutcome(phases) === 'failure') {
      workflow.setFailed(failureMessage(phases));
    }
  } catch (error) {
    workflow.setFailed(describeError(error));
  } finally {
    if (homePath !== undefined) rmSync(homePath, { recursive: true, force: true });
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
  return mkdtempSync(path.join(runnerTemp, 'databricks-bundle-home-'));
}

async function runPhases(
  inputs: Inputs,
  location: BundleLocation,
  image: LocalImage,
  homePath: string,
  clientEnv: Record<string, string>,
): Promise<PhaseResult[]> {
  const containerEnv = containerEnvironment(inputs);
  const envNames = Object.keys(containerEnv);
  const processEnv = { ...clientEnv, ...containerEnv };
  const results: PhaseResult[] = [];

  for (const phase of planPhases(inputs)) {
    if (results.some((result) => result.outcome !== 'success')) {
      results.push(skippedPhase(phase));
      continue;
    }
    const context = runContext(phase, image, location, homePath);
    const args = dockerRunArgs(phase, context, inputs, envNames);
    results.push(await runPhase(phase, args, processEnv));
  }
  return results;
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

function failureMessage(phases: readonly PhaseResult[]): string {
  const failed = phases.find((phase) => phase.outcome === 'failure');
  if (failed === undefined) return 'A phase failed.';

  const lines = failed.errorTail.filter((line) => line.trim() !== '').slice(-10);
  const consequence =
    failed.name === 'validate'
      ? 'Nothing was deployed.'
      : 'The deployment may be incomplete; fix the cause and run the workflow again.';
  return (
    `The ${failed.name} phase failed: the Databricks CLI exited with code ${failed.exitCode}. ` +
    `${consequence}\nLast error lines from the CLI:\n${lines.join('\n') || '(none)'}`
  );
}

function describeError(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}
