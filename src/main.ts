import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

import { auditRecord, writeAuditRecord } from './audit-record.js';
import { assertMountablePath, type BundleLocation, locateBundle } from './bundle-location.js';
import { CancellationGuard } from './cancellation.js';
import { type ContainerOwner, planPhases } from './container-command.js';
import { type ContainerRuntime, containerRuntime } from './container-runtime.js';
import { inspectEngineAndImage, type LocalImage } from './engine.js';
import { ActionError, messageOf } from './errors.js';
import { provideImageFromArchive } from './image-archive.js';
import { readImageCliVersion } from './image-version.js';
import { type Inputs, parseInputs, SECRET_INPUTS } from './inputs.js';
import { cleanLocalState } from './local-state.js';
import { type PhaseOutcomes, readPhaseOutcomes } from './phase-outcomes.js';
import { skippedPhase } from './phase-runner.js';
import { cliAbilities, type PhaseLog, runPhases } from './phase-sequence.js';
import { STATE } from './post.js';
import {
  announceDiagnostics,
  announceFindings,
  preflightFailureMessage,
} from './preflight-report.js';
import { type PreflightReport, runPreflight } from './preflight/preflight.js';
import {
  describeProxies,
  proxySecrets,
  type ProxySettings,
  resolveProxies,
} from './proxy-settings.js';
import { failureMessage, overallOutcome, writeOutputs, writeStepSummary } from './report.js';
import { prepareTrustStore } from './trust-store.js';
import * as workflow from './workflow.js';

/** What the run has learned so far; the audit record is written from it, however far it got. */
interface RunFacts extends PhaseLog {
  inputs?: Inputs;
  location?: BundleLocation;
  image?: LocalImage;
  preflight?: PreflightReport;
  outcomes?: PhaseOutcomes;
}

/** The action's entry point: pre-flight, then the command's CLI phases in the pinned image. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const startedAt = new Date();
  // The post step tells itself from this step by this state; it is saved before anything fails.
  workflow.saveState(STATE.started, startedAt.toISOString(), env);
  // Masking comes first, so that nothing below, not even an input error, can print a secret.
  maskSecretInputs(env);

  const facts: RunFacts = { phases: [] };
  const tempPaths: string[] = [];
  let failure: string | undefined;
  let guard: CancellationGuard | undefined;
  try {
    const inputs = parseInputs((name) => workflow.getInput(name, env), env);
    facts.inputs = inputs;
    const proxies = resolveProxies(inputs.proxyInputs, env);
    maskRunnerSecrets(inputs, proxies);
    const location = locateBundle(env['GITHUB_WORKSPACE'], inputs.workingDirectory);
    facts.location = location;
    assertLinuxRunner();

    const runtime = containerRuntime(inputs.runtime, env);
    const owner = containerOwner(runtime, env);
    const activeGuard = new CancellationGuard(runtime);
    guard = activeGuard;
    // A cancelled run is recorded too: what had run, and the phase that was stopped.
    activeGuard.onCancelled((message) => recordAudit(facts, startedAt, message, env));

    if (inputs.imageArchive !== undefined) {
      await provideImageFromArchive(
        {
          path: path.resolve(location.checkoutPath, inputs.imageArchive.path),
          sha256: inputs.imageArchive.sha256,
        },
        inputs.image,
        {
          runtime: runtime.program,
          clientEnv: runtime.env,
          toolCache: env['RUNNER_TOOL_CACHE'],
          arch: process.arch,
        },
      );
    }
    const image = await inspectEngineAndImage(inputs.image, runtime);
    facts.image = image;
    logDecisions(inputs, location, image, runtime, proxies);

    const preflight = await workflow.group('Pre-flight', async () => {
      const report = await runPreflight(location, inputs.image, image, inputs, () =>
        readImageCliVersion(image.id, runtime, owner, inputs.entrypoint, activeGuard),
      );
      announceFindings(report);
      return report;
    });
    facts.preflight = preflight;

    const abilities = cliAbilities(inputs, preflight.cliVersion);
    if (preflight.passed && inputs.command !== 'preflight') {
      const runnerTemp = requireRunnerTemp(env['RUNNER_TEMP']);
      const homePath = createHomeFolder(runnerTemp);
      tempPaths.push(homePath);
      activeGuard.removeOnCancel(homePath);
      workflow.saveState(STATE.tempPaths, JSON.stringify(tempPaths), env);
      const trustStore =
        inputs.caBundle === undefined
          ? undefined
          : await prepareTrustStore(
              path.resolve(location.checkoutPath, inputs.caBundle),
              image.id,
              runtime,
              owner,
              activeGuard,
              runnerTemp,
            );
      if (trustStore !== undefined) {
        tempPaths.push(trustStore.source);
        activeGuard.removeOnCancel(trustStore.source);
        workflow.saveState(STATE.tempPaths, JSON.stringify(tempPaths), env);
      }
      if (inputs.cleanLocalState) cleanLocalState(location.bundlePath, inputs.target);
      const runner = { inputs, location, image, runtime, owner, homePath, proxies, trustStore };
      await runPhases({ ...runner, guard: activeGuard }, abilities, facts);
      announceDiagnostics(facts.phases, location.relativePath);
    } else if (!preflight.passed) {
      facts.phases.push(...planPhases(inputs, abilities).map(skippedPhase));
    }
    const outcomes = readPhaseOutcomes(facts.phases, inputs.workspaceHost);
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
    // Later steps branch on `result`; a run that stopped early has one too.
    writeResultOutput('failure', env);
  } finally {
    guard?.release();
    for (const file of tempPaths) removeTempPath(file);
  }
  recordAudit(facts, startedAt, failure, env);
}

function runFailure(
  preflight: PreflightReport,
  phases: PhaseLog['phases'],
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (!preflight.passed) return preflightFailureMessage(preflight);
  if (overallOutcome(phases) === 'failure') return failureMessage(phases, env);
  return undefined;
}

/** The `result` output alone, for a run that failed outside the phases; never fails itself. */
function writeResultOutput(result: 'failure', env: NodeJS.ProcessEnv): void {
  try {
    workflow.setOutput('result', result, env);
  } catch {
    // The step has failed already, with a message that says why.
  }
}

/** Who the containers of this run belong to; saved for the post step, which removes leftovers. */
function containerOwner(runtime: ContainerRuntime, env: NodeJS.ProcessEnv): ContainerOwner {
  const runId = randomBytes(8).toString('hex');
  workflow.saveState(STATE.runId, runId, env);
  workflow.saveState(STATE.runtime, runtime.program, env);
  return {
    runtime: runtime.program,
    runId,
    uid: process.getuid?.() ?? 0,
    gid: process.getgid?.() ?? 0,
  };
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
    writeResultOutput('failure', env);
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
    auditSecrets(facts.inputs, env),
  );
  try {
    const written = writeAuditRecord(record, runnerTemp);
    workflow.setOutput('audit-record', written.path, env);
    workflow.setOutput('audit-record-sha256', written.sha256, env);
    workflow.info(`Audit record: ${written.path} (sha256 ${written.sha256})`);
  } catch (error) {
    const ran = facts.phases.map((phase) => `${phase.name} ${phase.outcome}`).join(', ');
    workflow.setFailed(
      `The audit record could not be written under RUNNER_TEMP (${messageOf(error)}), so ` +
        `this run fails although its phases ran: ${ran || 'none'}. Check the runner's work ` +
        'folder and its free space.',
    );
    writeResultOutput('failure', env);
  }
}

function removeTempPath(file: string): void {
  try {
    rmSync(file, { recursive: true, force: true });
  } catch (error) {
    workflow.warning(`${file} could not be removed ` + `(${messageOf(error)}); remove it by hand.`);
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

function logDecisions(
  inputs: Inputs,
  location: BundleLocation,
  image: LocalImage,
  runtime: ContainerRuntime,
  proxies: ProxySettings,
): void {
  workflow.info(`Bundle: ${location.relativePath}/${location.configFile}, target ${inputs.target}`);
  workflow.info(
    `Image: ${inputs.image.raw} (${image.id}, ${image.platform}), run by ${runtime.program}`,
  );
  if (image.repoDigest !== undefined) workflow.info(`Registry digest: ${image.repoDigest}`);
  if (inputs.entrypoint !== undefined) workflow.info(`Entrypoint: ${inputs.entrypoint}`);
  workflow.info(`Authentication: ${inputs.credentials.authType}`);
  for (const line of describeProxies(proxies)) workflow.info(line);
}

/** Every secret value the run knows, for the audit record to redact wherever it appears. */
function auditSecrets(inputs: Inputs | undefined, env: NodeJS.ProcessEnv): string[] {
  const secrets = SECRET_INPUTS.map((name) => workflow.getInput(name, env));
  if (inputs === undefined) return secrets;
  secrets.push(...proxySecrets(resolveProxies(inputs.proxyInputs, env)));
  if (inputs.credentials.authType === 'github-oidc') {
    secrets.push(inputs.credentials.requestToken);
  }
  return secrets;
}

/** Secrets that come from the runner rather than an input: they are masked all the same. */
function maskRunnerSecrets(inputs: Inputs, proxies: ProxySettings): void {
  for (const secret of proxySecrets(proxies)) workflow.setSecret(secret);
  if (inputs.credentials.authType === 'github-oidc') {
    workflow.setSecret(inputs.credentials.requestToken);
  }
}

/** RUNNER_TEMP, where everything the action writes lives: never the bundle, which is uploaded. */
function requireRunnerTemp(runnerTemp: string | undefined): string {
  if (runnerTemp === undefined || runnerTemp === '') {
    throw new ActionError(
      "RUNNER_TEMP is not set, so there is no place for the CLI's home folder. Run this action " +
        'as a step of a GitHub Actions job.',
    );
  }
  assertMountablePath(runnerTemp, 'RUNNER_TEMP', 'Use a runner temp folder without them.');
  return runnerTemp;
}

/** The CLI's HOME: a fresh folder under RUNNER_TEMP, owned by the runner's user, removed after. */
function createHomeFolder(runnerTemp: string): string {
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

function describeError(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}
