import { randomBytes } from 'node:crypto';
import path from 'node:path';

import type { BundleLocation } from './bundle-location.js';
import type { CancellationGuard } from './cancellation.js';
import {
  type CliAbilities,
  type ContainerOwner,
  containerEnvNames,
  containerEnvironment,
  dockerRunArgs,
  PLAN_JSON_SINCE,
  planPhases,
  type Phase,
  type RunContext,
  STRICT_VALIDATE_SINCE,
  type TrustStoreMount,
} from './container-command.js';
import type { ContainerRuntime } from './container-runtime.js';
import type { LocalImage } from './engine.js';
import { recognizeFailure } from './failure-signatures.js';
import type { Inputs } from './inputs.js';
import { type PhaseLimit, type PhaseResult, runPhase, skippedPhase } from './phase-runner.js';
import { compareVersions } from './preflight/cli-version.js';
import type { ProxySettings } from './proxy-settings.js';
import * as workflow from './workflow.js';

/** What running the phases needs, all decided before the first one starts. */
export interface PhaseRunner {
  readonly inputs: Inputs;
  readonly location: BundleLocation;
  readonly image: LocalImage;
  readonly runtime: ContainerRuntime;
  readonly owner: ContainerOwner;
  readonly homePath: string;
  readonly proxies: ProxySettings;
  readonly trustStore: TrustStoreMount | undefined;
  readonly guard: CancellationGuard;
}

/** Where the phases report to while they run: the run's facts, read if the job is cancelled. */
export interface PhaseLog {
  readonly phases: PhaseResult[];
  running?: { readonly name: Phase['name']; readonly startedAt: Date } | undefined;
}

/** Runs the command's phases in order, adding each result to `log` as it ends. */
export async function runPhases(
  runner: PhaseRunner,
  abilities: CliAbilities,
  log: PhaseLog,
): Promise<void> {
  const { inputs, location, guard } = runner;
  const containerEnv = containerEnvironment(inputs, {
    proxies: runner.proxies,
    trustStore: runner.trustStore,
  });
  const envNames = containerEnvNames(containerEnv);
  const client = {
    program: runner.runtime.program,
    env: { ...runner.runtime.env, ...containerEnv },
  };
  const failureContext = {
    configFile: path.posix.join(location.relativePath, location.configFile),
    hostInputSet: inputs.workspaceHost !== undefined,
  };
  const limit: PhaseLimit | undefined =
    inputs.timeoutMs === undefined
      ? undefined
      : { ms: inputs.timeoutMs, stop: () => void guard.stopRunningPhase() };
  const results = log.phases;

  for (const phase of planPhases(inputs, abilities)) {
    if (results.some((result) => result.outcome !== 'success')) {
      results.push(skippedPhase(phase));
      continue;
    }
    const context = runContext(phase, runner);
    const args = dockerRunArgs(phase, context, inputs, envNames);
    guard.phaseStarted(phase.name, context.containerName);
    log.running = { name: phase.name, startedAt: new Date() };
    const { result, stderr } = await runPhase(phase, args, client, limit);
    log.running = undefined;
    guard.phaseEnded();
    const recognizedFailure =
      result.outcome === 'failure' && result.timedOutAfterMs === undefined
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
export function cliAbilities(inputs: Inputs, cliVersion: string | undefined): CliAbilities {
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

function runContext(phase: Phase, runner: PhaseRunner): RunContext {
  return {
    ...runner.owner,
    imageId: runner.image.id,
    containerName: `databricks-bundle-${phase.name}-${randomBytes(6).toString('hex')}`,
    checkoutPath: runner.location.checkoutPath,
    bundleRelativePath: runner.location.relativePath,
    homePath: runner.homePath,
    trustStore: runner.trustStore,
  };
}
